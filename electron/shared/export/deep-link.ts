/**
 * `passerelles://` deep links, written into exports and opened by the operating system:
 *   passerelles://open/<docId>                       a document
 *   passerelles://open/<docId>#annotation=<uuid>     an annotation in it
 *   passerelles://open/<docId>#section=<heading id>  a section (heading) of it
 *
 * The parser is strict on purpose — a link arrives from outside the app (another program, a web
 * page, a shared file): the whole link is matched against one grammar, nothing is percent-decoded
 * (ids are kebab-case and UUIDs, so an encoded character can only be an attempt at something
 * else), and unknown, repeated or conflicting parameters are refused rather than ignored.
 * The router then checks the link against what exists and says where to go.
 */
import { DocIdSchema } from '../content/front-matter'

export const DEEP_LINK_SCHEME = 'passerelles'
const MAX_LINK_LENGTH = 2048
const DOC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Heading ids as the content library makes them (SlugRegistry: [a-z0-9] runs joined by dashes). */
const SECTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/

export type DeepLink =
  | { readonly kind: 'document'; readonly docId: string }
  | { readonly kind: 'annotation'; readonly docId: string; readonly annotationId: string }
  | { readonly kind: 'section'; readonly docId: string; readonly sectionId: string }

export type DeepLinkProblem =
  | 'too-long'
  | 'bad-characters'
  | 'not-a-link'
  | 'other-scheme'
  | 'bad-action'
  | 'bad-document-id'
  | 'query-not-allowed'
  | 'bad-fragment'
  | 'unknown-parameter'
  | 'repeated-parameter'
  | 'conflicting-parameters'
  | 'bad-annotation-id'
  | 'bad-section-id'

export type ParsedDeepLink = { readonly ok: true; readonly link: DeepLink } | { readonly ok: false; readonly problem: DeepLinkProblem }

const fail = (problem: DeepLinkProblem): ParsedDeepLink => ({ ok: false, problem })

export function documentLink(docId: string): string {
  return `${DEEP_LINK_SCHEME}://open/${docId}`
}

/** Null when an id is not of the expected shape (then no link is written rather than a broken one). */
export function annotationLink(docId: string, annotationId: string): string | null {
  return DOC_ID.test(docId) && UUID.test(annotationId) ? `${documentLink(docId)}#annotation=${annotationId}` : null
}

export function sectionLink(docId: string, sectionId: string): string | null {
  return DOC_ID.test(docId) && SECTION_ID.test(sectionId) ? `${documentLink(docId)}#section=${sectionId}` : null
}

export function parseDeepLink(raw: string): ParsedDeepLink {
  if (raw.length > MAX_LINK_LENGTH) return fail('too-long')
  // Whitespace, controls, format characters (bidi overrides, zero-width) and anything non-ASCII.
  if (/[^\x21-\x7e]/.test(raw)) return fail('bad-characters')
  const m = SHAPE.exec(raw)
  if (!m) return fail('not-a-link')
  const [, scheme, authority, path = '', query, fragment] = m
  if (scheme!.toLowerCase() !== DEEP_LINK_SCHEME) return fail('other-scheme')
  if (authority!.toLowerCase() !== 'open') return fail('bad-action')
  // One path segment; a single trailing slash is tolerated (some systems add one).
  const docId = path.replace(/^\//, '').replace(/\/$/, '')
  if (!DOC_ID.test(docId) || !DocIdSchema.safeParse(docId).success) return fail('bad-document-id')
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
  const section = params.get('section')!
  return SECTION_ID.test(section) ? { ok: true, link: { kind: 'section', docId, sectionId: section } } : fail('bad-section-id')
}

/** What the router needs to know about the app's current data (answered by the services). */
export interface DeepLinkCatalog {
  hasDocument(docId: string): boolean
  /** The document an annotation belongs to and whether it is orphaned; undefined if unknown. */
  annotation(annotationId: string): { readonly document: string; readonly orphan: boolean } | undefined
  hasSection(docId: string, sectionId: string): boolean
}

export interface DeepLinkRoute {
  readonly docId: string
  /** A heading id to scroll to, or null. */
  readonly sectionId: string | null
  /** An annotation to scroll to and flash (or to show in the orphans list), or null. */
  readonly annotationId: string | null
  /**
   * 'annotation-elsewhere': the annotation exists but belongs to another document (an old export
   * after a document was renamed); we go where it is. 'orphan': its passage is gone; the panel
   * shows it among the orphans.
   */
  readonly notice: 'annotation-elsewhere' | 'orphan' | null
}

export type RouteProblem = DeepLinkProblem | 'unknown-document' | 'unknown-annotation' | 'unknown-section'
export type RoutedDeepLink = { readonly ok: true; readonly route: DeepLinkRoute } | { readonly ok: false; readonly problem: RouteProblem }

export function routeDeepLink(raw: string, catalog: DeepLinkCatalog): RoutedDeepLink {
  const parsed = parseDeepLink(raw)
  if (!parsed.ok) return parsed
  const link = parsed.link
  switch (link.kind) {
    case 'document':
      return catalog.hasDocument(link.docId)
        ? { ok: true, route: { docId: link.docId, sectionId: null, annotationId: null, notice: null } }
        : { ok: false, problem: 'unknown-document' }
    case 'section':
      if (!catalog.hasDocument(link.docId)) return { ok: false, problem: 'unknown-document' }
      return catalog.hasSection(link.docId, link.sectionId)
        ? { ok: true, route: { docId: link.docId, sectionId: link.sectionId, annotationId: null, notice: null } }
        : { ok: false, problem: 'unknown-section' }
    case 'annotation': {
      const found = catalog.annotation(link.annotationId)
      if (!found) return { ok: false, problem: catalog.hasDocument(link.docId) ? 'unknown-annotation' : 'unknown-document' }
      if (!catalog.hasDocument(found.document)) return { ok: false, problem: 'unknown-document' }
      const notice = found.document !== link.docId ? 'annotation-elsewhere' : found.orphan ? 'orphan' : null
      return { ok: true, route: { docId: found.document, sectionId: null, annotationId: link.annotationId, notice } }
    }
  }
}

/** A sentence for logs and the CLI; the UI maps the problem code to its own dictionary. */
export function describeRouteProblem(problem: RouteProblem): string {
  const text: Record<RouteProblem, string> = {
    'too-long': 'the link is too long',
    'bad-characters': 'the link contains spaces, control or non-ASCII characters',
    'not-a-link': 'this is not a link',
    'other-scheme': 'this is not a passerelles:// link',
    'bad-action': 'the link does not start with passerelles://open/',
    'bad-document-id': 'the document id in the link is not valid',
    'query-not-allowed': 'the link has a query string, which passerelles:// links never have',
    'bad-fragment': 'the part after # is not of the form annotation=… or section=…',
    'unknown-parameter': 'the link has a parameter other than annotation or section',
    'repeated-parameter': 'a parameter is repeated',
    'conflicting-parameters': 'the link names both an annotation and a section',
    'bad-annotation-id': 'the annotation id is not a UUID',
    'bad-section-id': 'the section id is not valid',
    'unknown-document': 'no such document in this library',
    'unknown-annotation': 'no such annotation (deleted, or from another computer)',
    'unknown-section': 'no such section in this document',
  }
  return text[problem]
}
