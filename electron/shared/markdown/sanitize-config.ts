/**
 * The DOMPurify configuration every piece of Markdown goes through (documents, notes, previews),
 * in Node (jsdom) and in the renderer (real DOM). Pure data, so both sides use the same policy.
 * HTML profile only (no SVG/MathML, the usual mutation-XSS playground), no forms, frames, styles,
 * <base>/<meta>/<link>; URLs limited to relative ones, https/http/mailto (links are routed by the
 * app, never followed by the browser).
 */
export interface SanitizeConfig {
  USE_PROFILES: { html: boolean }
  FORBID_TAGS: string[]
  FORBID_ATTR: string[]
  ALLOW_DATA_ATTR: boolean
  ALLOWED_URI_REGEXP: RegExp
  ALLOW_UNKNOWN_PROTOCOLS: boolean
  SANITIZE_NAMED_PROPS: boolean
  KEEP_CONTENT: boolean
}

export const SANITIZE_CONFIG: Readonly<SanitizeConfig> = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'frameset',
    'object', 'embed', 'base', 'link', 'meta', 'script', 'noscript', 'template', 'dialog', 'portal', 'svg', 'math',
    // Media would only try to load what the CSP (media-src 'none') refuses: an offline reader plays none.
    'video', 'audio', 'source', 'track',
  ],
  FORBID_ATTR: ['style', 'srcset', 'formaction', 'action', 'target', 'ping', 'background', 'poster'],
  ALLOW_DATA_ATTR: true,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|#|\/content\/|[^a-z:]*$)/i,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_NAMED_PROPS: false,
  KEEP_CONTENT: true,
}

/** What the platform supplies: DOMPurify bound to a window (jsdom in Node, the page in Chromium). */
export type Sanitize = (dirtyHtml: string) => string

/** The DOM operations `hardenElement` needs (Element in the page, jsdom's Element in Node). */
export interface HookElement {
  readonly nodeName: string
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
}

/** A URL that would make the browser fetch from outside the app (`https:`, `//host`…); data:image/ stays local. */
export function isRemoteResource(url: string): boolean {
  const v = url.replace(/[\p{Cc}\s]/gu, '')
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(v) && !/^data:image\//i.test(v)
}

/**
 * DOMPurify's afterSanitizeAttributes hook, on both sides: links never pass the opener or the
 * referrer, and no element keeps a `src` that points outside the app — a remote image in raw HTML
 * is a tracking pixel even without script (the CSP would block it too; the DOM must not ask).
 */
export function hardenElement(node: HookElement): void {
  if (node.nodeName === 'A') node.setAttribute('rel', 'noopener noreferrer')
  const src = node.getAttribute('src')
  if (src !== null && isRemoteResource(src)) {
    node.removeAttribute('src')
    node.setAttribute('data-blocked-src', src.slice(0, 500))
  }
}
