/**
 * App-wide web-contents policy (Electron security checklist items 5, 12, 13, 14): no navigation away
 * from our origin, no new windows, no <webview>, every permission denied but clipboard writing for our
 * own page (the « Copier » buttons). The decisions are
 * the pure functions of shared/security/web-contents-policy.ts (unit-tested); this file wires them.
 */
import { app, session } from 'electron'
import { createWebContentsPolicy } from '../shared/security/web-contents-policy'
import type { Logger } from '../services/platform/log'

export function installSecurityPolicy(opts: { devUrl: string | undefined; log: Logger }): void {
  const policy = createWebContentsPolicy(opts)
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e) => policy.onNavigate(e, e.url))
    contents.on('will-frame-navigate', (e) => policy.onNavigate(e, e.url))
    contents.on('will-redirect', (e) => policy.onNavigate(e, e.url))
    contents.setWindowOpenHandler((details) => policy.onWindowOpen(details))
    contents.on('will-attach-webview', (e) => policy.onAttachWebview(e))
  })
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((wc, permission, callback, details) => policy.onPermissionRequest(wc, permission, callback, details))
    session.defaultSession.setPermissionCheckHandler((wc, permission, requestingOrigin, details) => policy.onPermissionCheck(wc, permission, requestingOrigin, details))
  })
}
