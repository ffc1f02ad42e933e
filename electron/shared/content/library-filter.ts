/**
 * The library's filters: by kind, by tag and by words typed in the filter box (accent- and
 * case-insensitive, every word must appear in the title, summary or tags). The folded text of each
 * document is computed once, so a keystroke costs one pass of `includes` over the pack.
 */
import type { DocumentSummary } from './document'
import type { LibraryKind } from './front-matter'
import { foldForCompare } from '../text/fold'

export interface LibraryFilter {
  readonly kind: LibraryKind | null
  readonly tag: string | null
  readonly query: string
}

export const NO_FILTER: LibraryFilter = { kind: null, tag: null, query: '' }

export interface LibraryIndex {
  /** The documents that pass the filter, in the order they were given. */
  filter(f: LibraryFilter): DocumentSummary[]
  /** Every tag used in the pack, sorted the French way. */
  readonly tags: readonly string[]
}

export function createLibraryIndex(docs: readonly DocumentSummary[]): LibraryIndex {
  const haystacks = docs.map((d) => foldForCompare(`${d.title} ${d.summary} ${d.tags.join(' ')}`))
  const tags = [...new Set(docs.flatMap((d) => d.tags))].sort((a, b) => a.localeCompare(b, 'fr'))
  return {
    tags,
    filter(f) {
      const words = foldForCompare(f.query).split(' ').filter(Boolean)
      const out: DocumentSummary[] = []
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!
        if (f.kind !== null && d.kind !== f.kind) continue
        if (f.tag !== null && !d.tags.includes(f.tag)) continue
        if (words.length > 0 && !words.every((w) => haystacks[i]!.includes(w))) continue
        out.push(d)
      }
      return out
    },
  }
}
