/**
 * Serves the built renderer over http://127.0.0.1 the way the app:// protocol does in Electron: the
 * same resolver (same traversal refusals) and the same production CSP and security headers. So a
 * page that works here works under the app's real policy.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serveAppRequest } from '../../electron/services/protocol/serve'
import type { Roots } from '../../electron/services/protocol/resolve-request'
import type { Logger } from '../../electron/services/platform/log'
import { APP_ORIGIN } from '../../electron/shared/security/urls'

export interface StaticServer {
  readonly origin: string
  close(): Promise<void>
}

export async function startStaticServer(roots: Roots, log: Logger): Promise<StaticServer> {
  const server = createServer((req, res) => {
    // The raw request target, not a re-parsed one, so encoded tricks reach the resolver intact.
    const target = req.url ?? '/'
    void serveAppRequest(req.method ?? 'GET', `${APP_ORIGIN}${target.startsWith('/') ? target : `/${target}`}`, roots, log).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers))
        res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined)
      },
      (e: unknown) => {
        log.error('static server failed', e)
        res.writeHead(500)
        res.end()
      },
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        // Keep-alive connections from the page would otherwise hold close() open.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
