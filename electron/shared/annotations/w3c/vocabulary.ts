/**
 * The W3C Web Annotation vocabulary Passerelles writes, and the document IRIs it reads. One form is
 * written: documents as `passerelles://open/<id>` (what the deep-link handler opens), our own terms
 * in the `https://passerelles.invalid/ns#` vocabulary (`.invalid` can never resolve to anything).
 * Older versions of the app also wrote `urn:passerelles:doc:<id>` (the `annotations export`
 * command) with a `urn:passerelles:ns:` prefix; both are still read.
 */
import { DocIdSchema } from '../../content/front-matter'
import { documentLink, parseDeepLink } from '../../links/deep-link'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
export const PASSERELLES_VOCAB = 'https://passerelles.invalid/ns#'
/** Our terms, declared so a JSON-LD processor expands them into our vocabulary. */
export const W3C_CONTEXT = [
  ANNOTATION_CONTEXT,
  {
    passerelles: PASSERELLES_VOCAB,
    docVersion: 'passerelles:docVersion',
    anchorState: 'passerelles:anchorState',
    detachedQuote: 'passerelles:detachedQuote',
    colorLabels: 'passerelles:colorLabels',
  },
] as const

/** The document IRI prefix of files written by `annotations export` before the codecs were merged. */
export const LEGACY_DOC_IRI_PREFIX = 'urn:passerelles:doc:'

/** docVersion of an imported annotation that did not say which version it was made on. */
export const UNKNOWN_VERSION = '0'.repeat(64)

export const documentIri = documentLink

/** The Passerelles document an IRI names (either form), or null for anything else. */
export function documentOfIri(iri: string): string | null {
  if (iri.startsWith(LEGACY_DOC_IRI_PREFIX)) {
    const id = iri.slice(LEGACY_DOC_IRI_PREFIX.length)
    return DocIdSchema.safeParse(id).success ? id : null
  }
  const link = parseDeepLink(iri)
  return link.ok && link.link.kind === 'document' ? link.link.docId : null
}

/** A deterministic UUID (version 8, RFC 9562 "custom") derived from a text. */
export function contentUuid(text: string): string {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
