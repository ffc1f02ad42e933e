/** Serves a resolved app:// request as a fetch `Response` with the production security headers. */
import { readFile } from 'node:fs/promises'
import { PRODUCTION_CSP, SECURITY_HEADERS } from '../../shared/security/csp'
import { realpathInside, resolveAppRequest } from './resolve-request'
import type { Roots } from './resolve-request'
import type { Logger } from '../platform/log'

export function securityHeaders(mime: string | null): Headers {
  const headers = new Headers(SECURITY_HEADERS)
  headers.set('Content-Security-Policy', PRODUCTION_CSP)
  if (mime) headers.set('Content-Type', mime)
  return headers
}

export async function serveAppRequest(method: string, url: string, roots: Roots, log: Logger): Promise<Response> {
  const r = resolveAppRequest(method, url, roots)
  if (r.status !== 200) {
    log.warn(`app:// ${r.status} for ${url.slice(0, 200)}: ${r.reason}`)
    return new Response(null, { status: r.status, headers: securityHeaders(null) })
  }
  if (!(await realpathInside(r.root, r.file))) {
    return new Response(null, { status: 404, headers: securityHeaders(null) })
  }
  const body = await readFile(r.file)
  return new Response(method === 'HEAD' ? null : body, { status: 200, headers: securityHeaders(r.mime) })
}
