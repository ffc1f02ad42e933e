/**
 * Several French indexes ("segments", each over a few imported documents) searched as one, so that
 * adding a document means indexing it alone, in a new segment, and removing one means marking it
 * deleted in its segment: nothing else is re-indexed (issue #17, item 5). mine-index.ts decides
 * what goes in which segment and keeps them on disk.
 *
 * A query is compiled ONCE against the set (`TermLookup`: the union of the segments' vocabularies
 * for prefixes and fuzzy words, and which segments hold each stem), then bound to the segments
 * that can match — those holding a stem of every required word — and evaluated there with the
 * same evaluator as a single index; deleted documents are left out. The best sections of all
 * segments are kept, and only those get snippets. Scores are each segment's BM25 weights
 * (comparable in kind, as between the pack's and the notes' indexes; in a small segment a word's
 * rarity is judged against few documents, until segments are merged).
 */
import { compileQuery } from './compile'
import type { CompiledQuery, Requirement, TermLookup } from './compile'
import { evaluate } from './evaluate'
import type { FrenchIndex, Posting } from './french-index'
import { Vocabulary } from './french-index'
import { stem } from './french-pipeline'
import { hitFor, queryFilter, spellingsNear } from './index-search'
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

/** Stands for « some segment holds this stem » while compiling; bound to real postings per segment. */
const PRESENT: Posting = {}

/** The compiled query with each alternative's posting taken from one index (absent ones dropped). */
function bind(q: CompiledQuery, index: FrenchIndex): CompiledQuery {
  const bound = (r: Requirement): Requirement => ({
    ...r,
    atoms: r.atoms.map((a) => ({
      ...a,
      alternatives: a.alternatives.flatMap((alt) => {
        const posting = index.posting(alt.term)
        return posting ? [{ ...alt, posting }] : []
      }),
    })),
  })
  return { ...q, positive: q.positive.map(bound), negative: q.negative.map(bound) }
}

export class SegmentSet implements TermLookup {
  private readonly segments = new Map<string, Segment>()
  private readonly byDoc = new Map<string, Placed>()
  /** Stem → the segments whose index holds it. */
  private readonly holders = new Map<string, Set<Segment>>()
  /** Folded word → how many segments' vocabularies have it. */
  private readonly wordCounts = new Map<string, number>()
  /** The union vocabulary, sorted on first need after a change. */
  private vocabulary: Vocabulary | null = null

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
    for (const term of segment.index.terms()) {
      const set = this.holders.get(term)
      if (set) set.add(segment)
      else this.holders.set(term, new Set([segment]))
    }
    for (const w of segment.index.vocabulary) {
      const n = this.wordCounts.get(w) ?? 0
      this.wordCounts.set(w, n + 1)
      if (n === 0) this.vocabulary = null
    }
  }

  /** Drops a whole segment (after its live documents were moved into another). */
  drop(segmentId: string): void {
    const segment = this.segments.get(segmentId)
    if (!segment) return
    this.segments.delete(segmentId)
    for (const [docId, placed] of this.byDoc) if (placed.segment === segment) this.byDoc.delete(docId)
    for (const term of segment.index.terms()) {
      const set = this.holders.get(term)
      set?.delete(segment)
      if (set?.size === 0) this.holders.delete(term)
    }
    for (const w of segment.index.vocabulary) {
      const n = (this.wordCounts.get(w) ?? 1) - 1
      if (n > 0) this.wordCounts.set(w, n)
      else {
        this.wordCounts.delete(w)
        this.vocabulary = null
      }
    }
  }

  /** Marks a document deleted in its segment (its words stay until the segment is rebuilt). */
  delete(docId: string): void {
    const placed = this.byDoc.get(docId)
    if (!placed) return
    placed.segment.deleted.add(placed.d)
    this.byDoc.delete(docId)
  }

  // TermLookup: what the query compiler asks of the set as a whole.
  posting(term: string): Posting | undefined {
    return this.holders.has(term) ? PRESENT : undefined
  }

  stemsOf(words: readonly string[]): string[] {
    const out = new Set<string>()
    for (const w of words) {
      const s = stem(w)
      if (this.holders.has(s)) out.add(s)
    }
    return [...out]
  }

  wordsWithPrefix(surfacePrefix: string): string[] {
    return this.words().wordsWithPrefix(surfacePrefix)
  }

  wordsNear(surface: string, distance: number): string[] {
    return this.words().wordsNear(surface, distance)
  }

  private words(): Vocabulary {
    this.vocabulary ??= new Vocabulary([...this.wordCounts.keys()].sort())
    return this.vocabulary
  }

  /** The segments that can match: every positive atom has a stem in them (all segments for filters alone). */
  private candidates(q: CompiledQuery): Segment[] {
    const atoms = q.positive.flatMap((r) => r.atoms)
    const all = [...this.segments.values()]
    if (atoms.length === 0) return all
    const sets = atoms.map((a) => {
      const holding = new Set<Segment>()
      for (const alt of a.alternatives) for (const s of this.holders.get(alt.term) ?? []) holding.add(s)
      return holding
    })
    return all.filter((s) => sets.every((set) => set.has(s)))
  }

  search(sq: SourceQuery, source: string): SourceResult {
    const compiled = compileQuery(this, sq.parsed, sq.typing)
    const filter = queryFilter(sq.parsed)
    const matches: { segment: Segment; bound: CompiledQuery; record: number; score: number }[] = []
    const matchedDocs: MatchedDoc[] = []
    const facetDocs: FacetDoc[] = []
    if (!compiled.emptied && compiled.positive.every((r) => r.atoms.every((a) => a.alternatives.length > 0))) {
      for (const segment of this.candidates(compiled)) {
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
    return spellingsNear(this, word, (term) => this.holders.get(term)?.size ?? 0)
  }

  /** Record numbers of a live document in its segment, in text order. */
  recordsOf(placed: Placed): number[] {
    const out: number[] = []
    placed.segment.index.records.forEach((r, i) => r.d === placed.d && out.push(i))
    return out
  }
}
