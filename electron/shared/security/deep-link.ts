/**
 * `passerelles://` links, which the installers declare to the operating system (electron-builder
 * `protocols`). They arrive from any web page or document, so they are untrusted: parsed with
 * `new URL`, only these shapes are accepted, and ids and anchors must look like ours.
 *
 *   passerelles://doc/<id>[/<anchor>]   a document (and a section)
 *   passerelles://library               the library
 *   passerelles://settings              the settings
 *   passerelles://about                 « À propos »
 *   passerelles://open/<id>[#annotation=<uuid>|#section=<id>]   the links written into note exports
 *                                       (parsed by shared/export/deep-link.ts, strict grammar)
 *
 * The result is the app's own hash route (`#/doc/<id>/<anchor>`), or null: never a URL to load.
 */
import { parseDeepLink } from '../export/deep-link'

export const DEEP_LINK_SCHEME = 'passerelles'

/** `passerelles://open/…`: a document, one of its sections, or an annotation in it (`?annotation=`). */
function openRoute(raw: string): string | null {
  const p = parseDeepLink(raw)
  if (!p.ok) return null
  const l = p.link
  if (l.kind === 'annotation') return `#/doc/${l.docId}?annotation=${l.annotationId.toLowerCase()}`
  if (l.kind === 'section') return `#/doc/${l.docId}/${l.sectionId}`
  return `#/doc/${l.docId}`
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function deepLinkRoute(raw: string): string | null {
  // Dot segments, escapes and backslashes never occur in our ids; the URL parser would silently
  // resolve them (`doc/../x` → `/x`), so they are refused before parsing.
  if (/^passerelles:\/\/open[/#]/i.test(raw)) return openRoute(raw)
  if (raw.length > 1000 || /\.\.|%|\\/.test(raw)) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.username || url.password || url.port || url.search) return null
  const parts = url.pathname.split('/').filter(Boolean)
  switch (url.hostname) {
    case 'library':
      return parts.length === 0 ? '#/' : null
    case 'settings':
      return parts.length === 0 ? '#/settings' : null
    case 'about':
      return parts.length === 0 ? '#/about' : null
    case 'doc': {
      const [id, anchor, ...rest] = parts
      if (!id || rest.length > 0 || id.length > 120 || !SLUG.test(id)) return null
      if (anchor !== undefined && (anchor.length > 200 || !SLUG.test(anchor))) return null
      return `#/doc/${id}${anchor ? `/${anchor}` : ''}`
    }
    default:
      return null
  }
}

/** The route of the first `passerelles:` argument (how Windows and Linux hand a link to the app). */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  const link = argv.find((a) => a.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`))
  return link === undefined ? null : deepLinkRoute(link)
}
