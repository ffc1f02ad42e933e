/** Per-kind document and word counts of a pack (the word count the library shows), and glossary terms. */
import { DOCUMENT_KINDS } from '../../../shared/content/front-matter'
import type { DocumentKind } from '../../../shared/content/front-matter'
import type { ContentLibrary } from '../content-library'

/** The heading marked-footnote gives the notes section: not a glossary term. */
const FOOTNOTES_HEADING_ID = 'footnote-label'

export interface KindStats {
  readonly documents: number
  readonly words: number
  /** The shortest document of the kind (null when there is none). */
  readonly minWords: number | null
  readonly shortest: string | null
}

export interface PackStats {
  readonly kinds: Readonly<Record<DocumentKind, KindStats>>
  readonly total: { readonly documents: number; readonly words: number }
  /** Level-2 headings of the glossary document(s): one per term. */
  readonly glossaryTerms: number
  /** Words per document, by path (for per-document targets). */
  readonly perDocument: readonly { readonly path: string; readonly kind: DocumentKind; readonly words: number }[]
}

export function packStats(library: ContentLibrary): PackStats {
  const docs = library.list()
  const kinds = Object.fromEntries(
    DOCUMENT_KINDS.map((kind) => {
      const ofKind = docs.filter((d) => d.kind === kind)
      const shortest = ofKind.reduce<(typeof ofKind)[number] | null>((a, d) => (a === null || d.wordCount < a.wordCount ? d : a), null)
      const stats: KindStats = {
        documents: ofKind.length,
        words: ofKind.reduce((n, d) => n + d.wordCount, 0),
        minWords: shortest?.wordCount ?? null,
        shortest: shortest?.path ?? null,
      }
      return [kind, stats]
    }),
  ) as Record<DocumentKind, KindStats>
  const glossaryTerms = docs
    .filter((d) => d.kind === 'glossaire')
    .reduce((n, d) => n + library.get(d.id).sections.filter((s) => s.level === 2 && s.id !== FOOTNOTES_HEADING_ID).length, 0)
  return {
    kinds,
    total: { documents: docs.length, words: docs.reduce((n, d) => n + d.wordCount, 0) },
    glossaryTerms,
    perDocument: docs.map((d) => ({ path: d.path, kind: d.kind, words: d.wordCount })),
  }
}
