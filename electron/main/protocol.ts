/** Serves the renderer bundle and content images from app://reader/ (never file://). */
import { protocol } from 'electron'
import { realpathSync } from 'node:fs'
import { APP_SCHEME } from '../shared/security/urls'
import { serveAppRequest } from '../services/protocol/serve'
import type { Roots } from '../services/protocol/resolve-request'
import type { Logger } from '../services/platform/log'

export function registerAppProtocol(roots: Roots, log: Logger): void {
  // Real paths once, so containment checks compare like with like (symlinked installs, /tmp…).
  const real: Roots = { bundle: realpathSync(roots.bundle), content: realpathSync(roots.content) }
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.method, request.url, real, log))
}
