/**
 * The web-contents policy of the app (Electron security checklist items 5, 12, 13, 14), as plain
 * functions with the shapes Electron's hooks expect, so they are unit-tested without Electron.
 * `electron/main/security.ts` only plugs them into `web-contents-created` and the session.
 *
 * - navigation (`will-navigate`, `will-frame-navigate`, `will-redirect`): refused unless the target
 *   is our own origin (or the dev server in development);
 * - `window.open` and `target=_blank`: always denied (our windows are created by main);
 * - `<webview>`: never attached;
 * - permissions (camera, notifications, geolocation, clipboard…): every request and every check
 *   answered « no ». A reader needs none of them.
 */
import { isAppUrl } from './urls'

export interface PolicyLog {
  warn(message: string): void
}

export interface PreventableEvent {
  preventDefault(): void
}

export interface WebContentsPolicy {
  /** For will-navigate / will-frame-navigate / will-redirect: prevents anything off our origin. */
  onNavigate(event: PreventableEvent, url: string): void
  /** setWindowOpenHandler: never a new window. */
  onWindowOpen(details: { readonly url: string }): { action: 'deny' }
  /** will-attach-webview: never. */
  onAttachWebview(event: PreventableEvent): void
  /** session.setPermissionRequestHandler: answers false to everything. */
  onPermissionRequest(webContents: unknown, permission: string, callback: (granted: boolean) => void): void
  /** session.setPermissionCheckHandler: false for everything. */
  onPermissionCheck(webContents: unknown, permission: string): boolean
}

/** Log lines never carry a whole attacker-chosen URL (a data: URL can be megabytes). */
const clip = (s: string): string => (s.length > 200 ? `${s.slice(0, 200)}…` : s)

export function createWebContentsPolicy(opts: { readonly devUrl: string | undefined; readonly log: PolicyLog }): WebContentsPolicy {
  return {
    onNavigate(event, url) {
      if (isAppUrl(url, opts.devUrl)) return
      event.preventDefault()
      opts.log.warn(`navigation to ${clip(url)} denied`)
    },
    onWindowOpen({ url }) {
      opts.log.warn(`window.open(${clip(url)}) denied`)
      return { action: 'deny' }
    },
    onAttachWebview(event) {
      event.preventDefault()
      opts.log.warn('webview attachment refused')
    },
    onPermissionRequest(_webContents, permission, callback) {
      opts.log.warn(`permission request "${clip(permission)}" denied`)
      callback(false)
    },
    onPermissionCheck() {
      return false
    },
  }
}
