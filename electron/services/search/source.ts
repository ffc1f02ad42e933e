/**
 * A search source: anything the search service can query and merge. The content library is one
 * (a lunr index of its sections); the reader's notes are another (notes-source.ts). The service runs the same
 * parsed query on every source, merges their section hits by score and groups them by document.
 *
 * CONTRACT for implementers:
 * - `search` returns hits best first, at most `limit`, snippets already cut and highlighted.
 * - Scores must be comparable across sources: sum of BM25 × field-boost weights, as `FrenchIndex`
 *   computes them (a source built with `buildStoredIndex` over its own records gets this for free).
 * - `facetDocs` lists every document matched before the facet filter (for counts per kind and tag);
 *   `matchedDocs` the documents matched after it, with their number of matching sections.
 * - Never throw for a bad query: the query is already parsed; an empty result is the answer.
 */
import type { ParsedQuery } from '../../shared/search/query'
import type { Highlighted, SearchNotice, SectionHit, TextRange } from '../../shared/search/types'
import type { DocFilter } from './evaluate'

export interface SourceQuery {
  readonly parsed: ParsedQuery
  /** The last word is still being typed (prefix matching for it). */
  readonly typing: boolean
  /** The UI's facet selection. */
  readonly facetFilter: DocFilter
  /** How many of the best sections to return with snippets. */
  readonly limit: number
}

/** A section hit plus what grouping needs to know about its document. */
export interface SourceHit extends SectionHit {
  readonly docTitle: Highlighted
  readonly kind: string
  readonly tags: readonly string[]
}

export interface FacetDoc {
  readonly docId: string
  readonly kind: string
  readonly tags: readonly string[]
}

export interface MatchedDoc {
  readonly docId: string
  readonly sections: number
}

export interface SourceResult {
  readonly hits: readonly SourceHit[]
  readonly totalSections: number
  readonly matchedDocs: readonly MatchedDoc[]
  readonly facetDocs: readonly FacetDoc[]
  /** Stop words this source left out of the search. */
  readonly ignored: readonly string[]
}

export interface SearchSource {
  /** Stable id, shown on hits (`library`, `annotations`). */
  readonly id: string
  /** Resolves once the source can answer (its index loaded or built). */
  ready(): Promise<void>
  search(q: SourceQuery): Promise<SourceResult>
  /** Something in the query this source cannot use (a `couleur:` naming no colour), for the notice. */
  problem?(parsed: ParsedQuery): Promise<SearchNotice | null>
  /** Match ranges in a document's rendered text, for highlighting in the reader (optional). */
  locate?(parsed: ParsedQuery, docId: string): Promise<readonly TextRange[]>
  /** Words of this source's vocabulary close to `word` (folded, most frequent first), for « did you mean ». */
  spellings?(word: string): Promise<readonly string[]>
}

export const EMPTY_RESULT: SourceResult = { hits: [], totalSections: 0, matchedDocs: [], facetDocs: [], ignored: [] }
