/**
 * URL predicates used by main (navigation lock, IPC sender check, external opener). They parse with
 * `new URL()` and compare parsed parts: a prefix check is beaten by `app://reader.evil/` or
 * `https://example.com.attacker.com`.
 */

/** The one origin the app is served from. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'reader'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True for URLs of our own origin (`app://reader/...`), and of the dev server when one is given. */
export function isAppUrl(url: string, devOrigin?: string): boolean {
  const u = parse(url)
  if (!u) return false
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password) return true
  if (devOrigin) {
    const d = parse(devOrigin)
    return d !== null && u.origin === d.origin && !u.username && !u.password
  }
  return false
}

/**
 * Links we agree to hand to the operating system: `https:` (no credentials, a real host) and
 * `mailto:`. Everything else (`http:`, `file:`, `javascript:`, `smb:`, `ms-msdt:`…) is refused.
 */
export function isAllowedExternalUrl(url: string): boolean {
  if (url.length > 4096 || /[\p{Cc}\s]/u.test(url)) return false
  const u = parse(url)
  if (!u) return false
  if (u.protocol === 'mailto:') return u.pathname.length > 0 && !u.pathname.startsWith('/')
  if (u.protocol !== 'https:') return false
  if (u.username || u.password) return false
  return /^[a-z0-9.-]+$/i.test(u.hostname) && u.hostname.includes('.') && !u.hostname.startsWith('.')
}

/**
 * The IPC sender rule: only the top frame of one of our windows, showing our own origin, may call
 * the API (an iframe or a page that navigated elsewhere may not).
 */
export function isTrustedFrame(frame: { readonly url: string; readonly isMainFrame: boolean } | null, devOrigin?: string): boolean {
  return frame !== null && frame.isMainFrame && isAppUrl(frame.url, devOrigin)
}
