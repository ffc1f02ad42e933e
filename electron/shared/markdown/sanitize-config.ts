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
