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

/**
 * An image carried inside the document as a `data:` URI (what the DOCX, ODT, EPUB and HTML importers
 * write for the file's own pictures): only the raster types a browser decodes without running
 * anything (PNG, JPEG, GIF, WebP), base64. SVG (a document that can hold script and remote
 * references) and every other `data:` type are not images the reader shows.
 */
export function isEmbeddedImage(url: string): boolean {
  return /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/]+={0,2}$/i.test(url)
}

/** A URL that would make the browser fetch from outside the app (`https:`, `//host`…) or a `data:` URI that is not an embedded raster image. */
export function isRemoteResource(url: string): boolean {
  const v = url.replace(/[\p{Cc}\s]/gu, '')
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(v) && !isEmbeddedImage(v)
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

/** Only images of the content pack are ever loaded (offline, private: no request leaves). */
export function isLocalImageSource(src: string): boolean {
  return src.startsWith('/content/')
}

/**
 * The visible stand-in for an image that is not loaded: its description and its address — not a
 * `data:` URI's content, which is no address for a reader and must not reach the searched text.
 */
export function remoteImageLabel(alt: string, src: string): string {
  return /^\s*data:/i.test(src) ? `[${alt || 'image'}]` : `[${alt || 'image'} : ${src}]`
}

/** What a placeholder keeps of an image's source in `data-src`: the address, or only `data:` for an inline URI. */
export function imageSourceNote(src: string): string {
  return /^\s*data:/i.test(src) ? 'data:' : src
}

/** The few DOM members the image hook uses (jsdom's nodes and the browser's both have them). */
export interface HookNode {
  readonly nodeName: string
}
interface PlaceholderElement {
  className: string
  textContent: string | null
  setAttribute(name: string, value: string): void
}
interface ImageElement extends HookNode {
  getAttribute(name: string): string | null
  replaceWith(node: PlaceholderElement): void
  readonly ownerDocument: { createElement(tag: 'span'): PlaceholderElement } | null
}

/**
 * DOMPurify `uponSanitizeElement` hook, installed on both sides: an <img> written as raw HTML whose
 * source is neither in the pack nor an embedded raster image (isEmbeddedImage) becomes the same
 * inert placeholder a Markdown remote image gets.
 */
export function replaceRemoteImage(node: HookNode): void {
  if (node.nodeName !== 'IMG') return
  const img = node as ImageElement
  const src = (img.getAttribute('src') ?? '').trim()
  if (isLocalImageSource(src) || isEmbeddedImage(src) || !img.ownerDocument) return
  const span = img.ownerDocument.createElement('span')
  span.className = 'remote-image'
  span.setAttribute('data-src', imageSourceNote(src))
  span.textContent = remoteImageLabel(img.getAttribute('alt') ?? '', src)
  img.replaceWith(span)
}

/**
 * DOMPurify `uponSanitizeAttribute` hook, installed on both sides: a heading keeps a slug-shaped id
 * even when it names a DOM property (« Images » → `images`, « Action » → `action`), which DOMPurify's
 * clobbering guard would otherwise drop, breaking the section map, the contents and `#images` links.
 * A heading cannot clobber a document property (only img/form/embed/object/iframe names can), and a
 * slug ([a-z0-9-]) cannot shadow a window property that exists.
 */
export function keepHeadingIds(node: HookNode, event: { readonly attrName: string; readonly attrValue: string; forceKeepAttr?: boolean | undefined }): void {
  if (event.attrName === 'id' && /^H[1-6]$/.test(node.nodeName) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(event.attrValue)) event.forceKeepAttr = true
}
