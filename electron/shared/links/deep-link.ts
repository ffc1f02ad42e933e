/**
 * `passerelles://` links — one grammar, one parser, one route builder — for the three places that
 * meet them: the exporters write them (links back to a passage in Markdown, CSV and handouts; the
 * W3C codec's target IRI), main receives them from the operating system (electron-builder
 * `protocols`), and the renderer's router shows the route main derives from them (links/route.ts).
 *
 *   passerelles://open/<docId>                       a document        (what exports write)
 *   passerelles://open/<docId>#annotation=<uuid>     an annotation in it
 *   passerelles://open/<docId>#section=<heading id>  a section (heading) of it
 *   passerelles://doc/<docId>[/<heading id>]         a document (and a section), the short form
 *   passerelles://library | settings | about         those screens
 *
 * A link arrives from outside the app (another program, a web page, a shared file), so the parser
 * is strict on purpose: the whole link is matched against one grammar, nothing is percent-decoded
 * (ids are kebab-case and UUIDs, so an encoded character — or a dot segment, which a URL parser
 * would silently resolve — can only be an attempt at something else), and unknown, repeated or
 * conflicting parameters are refused rather than ignored. The result is one of the app's own hash
 * routes, never a URL to load: whether the document, section or annotation exists is the reader's
 * to say (it opens the document and says when an annotation is not in it).
 */
import { DocIdSchema, KEBAB_CASE } from '../content/front-matter'
import { routeHash } from './route'
import type { Route } from './route'

export const DEEP_LINK_SCHEME = 'passerelles'
const MAX_LINK_LENGTH = 2048
const MAX_SECTION_ID = 200
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/
const PLACES = ['library', 'settings', 'about'] as const

export type DeepLink =
  | { readonly kind: 'document'; readonly docId: string }
  | { readonly kind: 'annotation'; readonly docId: string; readonly annotationId: string }
  | { readonly kind: 'section'; readonly docId: string; readonly sectionId: string }
  | { readonly kind: 'place'; readonly place: (typeof PLACES)[number] }

export type DeepLinkProblem =
  | 'too-long'
  | 'bad-characters'
  | 'not-a-link'
  | 'other-scheme'
  | 'bad-action'
  | 'bad-document-id'
  | 'bad-path'
  | 'query-not-allowed'
  | 'bad-fragment'
  | 'unknown-parameter'
  | 'repeated-parameter'
  | 'conflicting-parameters'
  | 'bad-annotation-id'
  | 'bad-section-id'

export type ParsedDeepLink = { readonly ok: true; readonly link: DeepLink } | { readonly ok: false; readonly problem: DeepLinkProblem }

const fail = (problem: DeepLinkProblem): ParsedDeepLink => ({ ok: false, problem })
const isDocId = (id: string): boolean => DocIdSchema.safeParse(id).success
const isSectionId = (id: string): boolean => id.length <= MAX_SECTION_ID && KEBAB_CASE.test(id)

export function documentLink(docId: string): string {
  return `${DEEP_LINK_SCHEME}://open/${docId}`
}

/** Null when an id is not of the expected shape (then no link is written rather than a broken one). */
export function annotationLink(docId: string, annotationId: string): string | null {
  return isDocId(docId) && UUID.test(annotationId) ? `${documentLink(docId)}#annotation=${annotationId}` : null
}

export function sectionLink(docId: string, sectionId: string): string | null {
  return isDocId(docId) && isSectionId(sectionId) ? `${documentLink(docId)}#section=${sectionId}` : null
}

export function parseDeepLink(raw: string): ParsedDeepLink {
  if (raw.length > MAX_LINK_LENGTH) return fail('too-long')
  // Whitespace, controls, format characters (bidi overrides, zero-width) and anything non-ASCII.
  if (/[^\x21-\x7e]/.test(raw)) return fail('bad-characters')
  const m = SHAPE.exec(raw)
  if (!m) return fail('not-a-link')
  const [, scheme = '', authority = '', path = '', query, fragment] = m
  if (scheme.toLowerCase() !== DEEP_LINK_SCHEME) return fail('other-scheme')
  const action = authority.toLowerCase()
  // The path's segments; a single trailing slash is tolerated (some systems add one).
  const segments = path === '' || path === '/' ? [] : path.replace(/^\//, '').replace(/\/$/, '').split('/')
  if (action === 'open') return parseOpen(segments, query, fragment)
  if (action === 'doc') {
    if (query !== undefined) return fail('query-not-allowed')
    if (fragment !== undefined) return fail('bad-fragment')
    const [docId = '', sectionId, ...rest] = segments
    if (!isDocId(docId)) return fail('bad-document-id')
    if (rest.length > 0) return fail('bad-path')
    if (sectionId === undefined) return { ok: true, link: { kind: 'document', docId } }
    return isSectionId(sectionId) ? { ok: true, link: { kind: 'section', docId, sectionId } } : fail('bad-section-id')
  }
  const place = PLACES.find((p) => p === action)
  if (place === undefined) return fail('bad-action')
  if (segments.length > 0) return fail('bad-path')
  if (query !== undefined) return fail('query-not-allowed')
  if (fragment !== undefined) return fail('bad-fragment')
  return { ok: true, link: { kind: 'place', place } }
}

/** `open/<docId>[#annotation=<uuid>|#section=<id>]`: one segment, parameters in the fragment. */
function parseOpen(segments: readonly string[], query: string | undefined, fragment: string | undefined): ParsedDeepLink {
  const docId = segments.length === 1 ? segments[0]! : ''
  if (!isDocId(docId)) return fail('bad-document-id')
  if (query !== undefined) return fail('query-not-allowed')
  if (fragment === undefined || fragment === '#') return { ok: true, link: { kind: 'document', docId } }

  const params = new Map<string, string>()
  for (const pair of fragment.slice(1).split('&')) {
    const eq = pair.indexOf('=')
    if (eq <= 0) return fail('bad-fragment')
    const key = pair.slice(0, eq)
    if (key !== 'annotation' && key !== 'section') return fail('unknown-parameter')
    if (params.has(key)) return fail('repeated-parameter')
    params.set(key, pair.slice(eq + 1))
  }
  if (params.size > 1) return fail('conflicting-parameters')
  const annotation = params.get('annotation')
  if (annotation !== undefined) {
    return UUID.test(annotation) ? { ok: true, link: { kind: 'annotation', docId, annotationId: annotation } } : fail('bad-annotation-id')
  }
  const section = params.get('section') ?? ''
  return isSectionId(section) ? { ok: true, link: { kind: 'section', docId, sectionId: section } } : fail('bad-section-id')
}

/** The app's route for a parsed link (annotation ids lower-cased: the store's form). */
export function linkRoute(link: DeepLink): Route {
  switch (link.kind) {
    case 'document':
      return { view: 'document', id: link.docId, anchor: null }
    case 'section':
      return { view: 'document', id: link.docId, anchor: link.sectionId }
    case 'annotation':
      return { view: 'document', id: link.docId, anchor: null, annotation: link.annotationId.toLowerCase() }
    case 'place':
      return link.place === 'library' ? { view: 'library' } : { view: link.place }
  }
}

export type ResolvedDeepLink = { readonly ok: true; readonly hash: string } | { readonly ok: false; readonly problem: DeepLinkProblem }

/** A link as the hash route main hands to the window (built by the renderer's own encoder), or why not. */
export function resolveDeepLink(raw: string): ResolvedDeepLink {
  const parsed = parseDeepLink(raw)
  return parsed.ok ? { ok: true, hash: routeHash(linkRoute(parsed.link)) } : parsed
}

/** The hash route of a link, or null: never a URL to load. */
export function deepLinkRoute(raw: string): string | null {
  const r = resolveDeepLink(raw)
  return r.ok ? r.hash : null
}

/** The first `passerelles:` argument (how Windows and Linux hand a link to the app), unparsed. */
export function deepLinkArgument(argv: readonly string[]): string | null {
  return argv.find((a) => a.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) ?? null
}

/** What the router needs to know about the app's current data (answered by the services). */
/** A sentence for logs and the CLI; the UI maps the problem code to its own dictionary. */
export function describeRouteProblem(problem: DeepLinkProblem): string {
  const text: Record<DeepLinkProblem, string> = {
    'too-long': 'the link is too long',
    'bad-characters': 'the link contains spaces, control or non-ASCII characters',
    'not-a-link': 'this is not a link',
    'other-scheme': 'this is not a passerelles:// link',
    'bad-action': 'the link does not start with passerelles://open/, doc/, library, settings or about',
    'bad-document-id': 'the document id in the link is not valid',
    'bad-path': 'the link has more path segments than its form allows',
    'query-not-allowed': 'the link has a query string, which passerelles:// links never have',
    'bad-fragment': 'the part after # is not of the form annotation=… or section=…',
    'unknown-parameter': 'the link has a parameter other than annotation or section',
    'repeated-parameter': 'a parameter is repeated',
    'conflicting-parameters': 'the link names both an annotation and a section',
    'bad-annotation-id': 'the annotation id is not a UUID',
    'bad-section-id': 'the section id is not valid',
  }
  return text[problem]
}
