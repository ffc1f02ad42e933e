/**
 * Several French indexes ("segments", each over a few imported documents) searched as one, so that
 * adding a document means indexing it alone, in a new segment, and removing one means marking it
 * deleted in its segment: nothing else is re-indexed (issue #17, item 5). mine-index.ts decides
 * what goes in which segment and keeps them on disk.
 *
 * A query is compiled ONCE against the set (shared-terms.ts), then bound to the segments that can
 * match — those holding a stem of every required word — and evaluated there with the same
 * evaluator as a single index; deleted documents are left out. The best sections of all
 * segments are kept, and only those get snippets. Scores are each segment's BM25 weights
 * (comparable in kind, as between the pack's and the notes' indexes; in a small segment a word's
 * rarity is judged against few documents, until segments are merged).
 */
import { compileQuery } from './compile'
import type { CompiledQuery } from './compile'
import { evaluate } from './evaluate'
import type { FrenchIndex } from './french-index'
import { hitFor, queryFilter, spellingsNear } from './index-search'
import { bind, SharedTerms } from './shared-terms'
import type { FacetDoc, MatchedDoc, SourceQuery, SourceResult } from './source'

export interface Segment {
  readonly id: string
  readonly index: FrenchIndex
  /** Document numbers (into `index.docs`) deleted since the segment was built. */
  readonly deleted: Set<number>
}

/** Where a document is: its segment and its number there. */
export interface Placed {
  readonly segment: Segment
  readonly d: number
}

export class SegmentSet {
  private readonly segments = new Map<string, Segment>()
  private readonly byDoc = new Map<string, Placed>()
  private readonly terms = new SharedTerms()

  /** Live documents. */
  get size(): number {
    return this.byDoc.size
  }

  get(docId: string): Placed | undefined {
    return this.byDoc.get(docId)
  }

  all(): Segment[] {
    return [...this.segments.values()]
  }

  /** Adds a segment; its documents not in `deleted` become searchable (replacing any older place). */
  add(segment: Segment): void {
    segment.index.docs.forEach((doc, d) => {
      if (segment.deleted.has(d)) return
      this.delete(doc.id)
      this.byDoc.set(doc.id, { segment, d })
    })
    this.segments.set(segment.id, segment)
    this.terms.add(segment.index)
  }

  /** Drops a whole segment (after its live documents were moved into another). */
  drop(segmentId: string): void {
    const segment = this.segments.get(segmentId)
    if (!segment) return
    this.segments.delete(segmentId)
    for (const [docId, placed] of this.byDoc) if (placed.segment === segment) this.byDoc.delete(docId)
    this.terms.remove(segment.index)
  }

  /** Marks a document deleted in its segment (its words stay until the segment is rebuilt). */
  delete(docId: string): void {
    const placed = this.byDoc.get(docId)
    if (!placed) return
    placed.segment.deleted.add(placed.d)
    this.byDoc.delete(docId)
  }

  search(sq: SourceQuery, source: string): SourceResult {
    const compiled = compileQuery(this.terms, sq.parsed, sq.typing)
    const filter = queryFilter(sq.parsed)
    const matches: { segment: Segment; bound: CompiledQuery; record: number; score: number }[] = []
    const matchedDocs: MatchedDoc[] = []
    const facetDocs: FacetDoc[] = []
    if (!compiled.emptied && compiled.positive.every((r) => r.atoms.every((a) => a.alternatives.length > 0))) {
      const candidates = this.terms.candidates(compiled)
      for (const segment of this.segments.values()) {
        if (candidates && !candidates.has(segment.index)) continue
        const { index, deleted } = segment
        const bound = bind(compiled, index)
        const evaluation = evaluate(index, bound, filter, sq.facetFilter)
        for (const d of evaluation.facetDocs) {
          if (deleted.has(d)) continue
          const doc = index.docs[d]!
          facetDocs.push({ docId: doc.id, kind: doc.kind, tags: doc.tags })
        }
        const perDoc = new Map<number, number>()
        for (const record of evaluation.matched) {
          const d = index.records[record]!.d
          if (deleted.has(d)) continue
          perDoc.set(d, (perDoc.get(d) ?? 0) + 1)
          matches.push({ segment, bound, record, score: evaluation.score[record]! })
        }
        for (const [d, sections] of perDoc) matchedDocs.push({ docId: index.docs[d]!.id, sections })
      }
    }
    // Best first; ties in segment and section order (the sort is stable).
    matches.sort((a, b) => b.score - a.score)
    return {
      hits: matches.slice(0, sq.limit).map((m) => hitFor(m.segment.index, m.bound, m.record, m.score, source)),
      totalSections: matches.length,
      matchedDocs,
      facetDocs,
      ignored: compiled.ignored,
    }
  }

  /** Vocabulary words close to `word`, the most widespread (in most segments) first. */
  spellings(word: string): string[] {
    return spellingsNear(this.terms, word, (term) => this.terms.spread(term))
  }

  /** Record numbers of a live document in its segment, in text order. */
  recordsOf(placed: Placed): number[] {
    const out: number[] = []
    placed.segment.index.records.forEach((r, i) => r.d === placed.d && out.push(i))
    return out
  }
}
