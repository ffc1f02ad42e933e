/**
 * The web-contents policy of the app (Electron security checklist items 5, 12, 13, 14), as plain
 * functions with the shapes Electron's hooks expect, so they are unit-tested without Electron.
 * `electron/main/security.ts` only plugs them into `web-contents-created` and the session.
 *
 * - navigation (`will-navigate`, `will-frame-navigate`, `will-redirect`): refused unless the target
 *   is our own origin (or the dev server in development);
 * - `window.open` and `target=_blank`: always denied (our windows are created by main);
 * - `<webview>`: never attached;
 * - permissions (camera, notifications, geolocation, clipboard reading…): every request and every
 *   check answered « no », with ONE exception: `clipboard-sanitized-write` (what
 *   `navigator.clipboard.writeText` needs in Electron) for the top frame of our own origin — every
 *   « Copier » of the app depends on it. Reading the clipboard stays denied.
 *
 * The signatures mirror Electron 41's `session.setPermissionRequestHandler` and
 * `setPermissionCheckHandler` with structural types (no `electron` import: this room is
 * environment-free), so main passes Electron's arguments straight through.
 */
import { isAppUrl } from './urls'

export interface PolicyLog {
  warn(message: string): void
}

export interface PreventableEvent {
  preventDefault(): void
}

/** The one permission the app grants, and only to its own page: writing text to the clipboard. */
export const GRANTED_PERMISSION = 'clipboard-sanitized-write'

/** The part of Electron's WebContents the permission handlers read. */
export interface WebContentsLike {
  getURL(): string
}

/** The part of Electron's PermissionRequest (and its subtypes) the request handler reads. */
export interface PermissionRequestDetailsLike {
  /** The last URL the requesting frame loaded. */
  readonly requestingUrl?: string
  readonly isMainFrame?: boolean
}

/** The part of Electron's PermissionCheckHandlerHandlerDetails the check handler reads. */
export interface PermissionCheckDetailsLike {
  /** Absent for cross-origin sub frames. */
  readonly requestingUrl?: string
  readonly isMainFrame?: boolean
  /** Set only for cross-origin sub frames. */
  readonly embeddingOrigin?: string
}

export interface WebContentsPolicy {
  /** For will-navigate / will-frame-navigate / will-redirect: prevents anything off our origin. */
  onNavigate(event: PreventableEvent, url: string): void
  /** setWindowOpenHandler: never a new window. */
  onWindowOpen(details: { readonly url: string }): { action: 'deny' }
  /** will-attach-webview: never. */
  onAttachWebview(event: PreventableEvent): void
  /**
   * session.setPermissionRequestHandler: true only for `clipboard-sanitized-write` asked by the top
   * frame of our origin (`details.requestingUrl`, else the webContents' URL); false for the rest.
   */
  onPermissionRequest(
    webContents: WebContentsLike | null,
    permission: string,
    callback: (granted: boolean) => void,
    details: PermissionRequestDetailsLike | undefined,
  ): void
  /**
   * session.setPermissionCheckHandler: the same rule, the requester being `details.requestingUrl`,
   * else `requestingOrigin` (a cross-origin sub frame is never granted).
   */
  onPermissionCheck(
    webContents: WebContentsLike | null,
    permission: string,
    requestingOrigin: string | undefined,
    details: PermissionCheckDetailsLike | undefined,
  ): boolean
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
    onPermissionRequest(webContents, permission, callback, details) {
      const requester = details?.requestingUrl || urlOf(webContents)
      const granted = grants(permission, requester, details?.isMainFrame, opts.devUrl)
      if (!granted) opts.log.warn(`permission request "${clip(permission)}" from ${clip(requester || '(no URL)')} denied`)
      callback(granted)
    },
    onPermissionCheck(_webContents, permission, requestingOrigin, details) {
      if (details?.embeddingOrigin) return false
      return grants(permission, details?.requestingUrl || requestingOrigin || '', details?.isMainFrame, opts.devUrl)
    },
  }
}

/** The only « yes »: clipboard writing, for a requester of our own origin that is not a sub frame. */
function grants(permission: string, requester: string, isMainFrame: boolean | undefined, devUrl: string | undefined): boolean {
  return permission === GRANTED_PERMISSION && isMainFrame !== false && requester !== '' && isAppUrl(requester, devUrl)
}

/** A destroyed WebContents throws on getURL(): then there is no URL to trust. */
function urlOf(webContents: WebContentsLike | null): string {
  try {
    return webContents?.getURL() ?? ''
  } catch {
    return ''
  }
}
