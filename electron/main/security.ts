/**
 * App-wide web-contents policy (Electron security checklist items 5, 12, 13, 14): no navigation away
 * from our origin, no new windows, no <webview>, every permission request denied.
 */
import { app, session } from 'electron'
import { isAppUrl } from '../shared/security/urls'
import type { Logger } from '../services/platform/log'

export function installSecurityPolicy(opts: { devUrl: string | undefined; log: Logger }): void {
  app.on('web-contents-created', (_event, contents) => {
    const refuseNavigation = (e: { preventDefault(): void }, url: string): void => {
      if (!isAppUrl(url, opts.devUrl)) {
        e.preventDefault()
        opts.log.warn(`navigation to ${url.slice(0, 200)} denied`)
      }
    }
    contents.on('will-navigate', (e) => refuseNavigation(e, e.url))
    contents.on('will-frame-navigate', (e) => refuseNavigation(e, e.url))
    contents.on('will-redirect', (e) => refuseNavigation(e, e.url))
    contents.setWindowOpenHandler(({ url }) => {
      opts.log.warn(`window.open(${url.slice(0, 200)}) denied`)
      return { action: 'deny' }
    })
    contents.on('will-attach-webview', (e) => e.preventDefault())
  })
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
  })
}
