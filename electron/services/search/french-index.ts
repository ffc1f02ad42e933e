/**
 * A loaded search index: lunr's inverted index and field vectors, the section store and the
 * vocabulary. It answers the primitive questions the query evaluator asks: postings of a stem, the
 * BM25 weight lunr computed for (stem, field, section), and which stems a prefix or a fuzzy word
 * stands for.
 *
 * Loading does what `lunr.Index.load` does (including `lunr.Pipeline.load`, which refuses an index
 * whose pipeline functions are not registered) except building lunr's TokenSet of all terms, which
 * only lunr's own wildcard and fuzzy expansion uses: we expand on the vocabulary (about 15 ms of
 * the shipped pack's load). A term's postings are parsed on first use (see `SerialisedLunrIndex`)
 * and decoded into sorted typed arrays, with lunr's weight of each (stem, field, section) looked up
 * once in its field vectors: evaluation then walks arrays instead of objects keyed by strings.
 * `toLunrJson` gives back lunr's exact format, for `lunr.Index.load` and lunr's own search.
 */
import lunr from 'lunr'
import { registerFrenchPipeline, stem } from './french-pipeline'
import { INDEX_FIELDS } from './index-format'
import type { IndexField, SerialisedLunrIndex, StoredDoc, StoredIndex, StoredRecord } from './index-format'

/** lunr's posting of one stem: per field, section number → `{ position: [[start, length], …] }`. */
type LunrPosting = { readonly _index: number } & Partial<Record<IndexField, Readonly<Record<string, { readonly position?: readonly (readonly [number, number])[] }>>>>

/** One stem in one field, decoded for fast evaluation: sections in increasing order. */
export interface FieldPostings {
  readonly sections: Int32Array
  /** lunr's weight (BM25 × field boost × section boost) of the stem in that field of sections[i]. */
  readonly weights: Float64Array
  /** Positions [start, length] in that field's text, in text order, for sections[i]. */
  readonly positions: readonly (readonly (readonly [number, number])[])[]
}

/** A stem's postings in every field where it occurs. */
export type Posting = Partial<Record<IndexField, FieldPostings>>

/** Index of `section` in the postings' sections, or -1. */
export function findSection(p: FieldPostings, section: number): number {
  const a = p.sections
  let lo = 0
  let hi = a.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = a[mid]!
    if (v === section) return mid
    if (v < section) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** Positions of the stem in one field of one section (undefined if it does not occur there). */
export function positionsIn(p: FieldPostings | undefined, section: number): readonly (readonly [number, number])[] | undefined {
  if (!p) return undefined
  const i = findSection(p, section)
  return i < 0 ? undefined : p.positions[i]
}

interface TokenSetStatics {
  fromArray(words: readonly string[]): lunr.TokenSet
  fromFuzzyString(word: string, distance: number): lunr.TokenSet
}
const TokenSets = lunr.TokenSet as unknown as TokenSetStatics

/** At most this many stems stand for one prefix or fuzzy word (the most specific ones are kept). */
export const MAX_EXPANSIONS = 200

export class FrenchIndex {
  readonly docs: readonly StoredDoc[]
  readonly records: readonly StoredRecord[]
  readonly vocabulary: readonly string[]
  readonly contentHash: string
  readonly builtAt: string
  /** Term → postings, as lunr's JSON text until first use. */
  private readonly inverted: Map<string, Posting | string>
  /** vectors[field][section] = lunr's flat [termIndex, weight, …] array, sorted by termIndex. */
  private readonly vectors: readonly (readonly (readonly number[] | undefined)[])[]
  private vocabularySet: lunr.TokenSet | null = null

  private constructor(stored: StoredIndex) {
    this.docs = stored.docs
    this.records = stored.records
    this.vocabulary = stored.vocabulary
    this.contentHash = stored.contentHash
    this.builtAt = stored.builtAt
    this.inverted = new Map(stored.index.invertedIndex)
    const fields = INDEX_FIELDS.map(() => new Array<readonly number[] | undefined>(stored.records.length))
    for (const [ref, elements] of stored.index.fieldVectors) {
      const slash = ref.indexOf('/')
      const f = INDEX_FIELDS.indexOf(ref.slice(0, slash) as IndexField)
      if (f >= 0) fields[f]![Number(ref.slice(slash + 1))] = elements
    }
    this.vectors = fields
  }

  /** Registers the French pipeline and checks, as `lunr.Index.load` does, that it is what the index names. */
  static load(stored: StoredIndex): FrenchIndex {
    registerFrenchPipeline()
    lunr.Pipeline.load(stored.index.pipeline)
    if (stored.index.version !== lunr.version) throw new Error(`index built with lunr ${stored.index.version}, not ${lunr.version}`)
    return new FrenchIndex(stored)
  }

  get size(): number {
    return this.records.length
  }

  /** A stem's postings, decoded the first time a query needs them (then kept). */
  posting(term: string): Posting | undefined {
    const p = this.inverted.get(term)
    if (typeof p !== 'string') return p
    const decoded = this.decode(JSON.parse(p) as LunrPosting)
    this.inverted.set(term, decoded)
    return decoded
  }

  private decode(lunrPosting: LunrPosting): Posting {
    const out: { -readonly [F in IndexField]?: FieldPostings } = {}
    INDEX_FIELDS.forEach((field, f) => {
      const bySection = lunrPosting[field]
      if (!bySection) return
      // Integer-like keys enumerate in increasing numeric order.
      const keys = Object.keys(bySection)
      if (keys.length === 0) return
      const sections = Int32Array.from(keys, Number)
      const weights = new Float64Array(keys.length)
      for (let i = 0; i < keys.length; i++) weights[i] = this.weight(lunrPosting._index, f, sections[i]!)
      out[field] = { sections, weights, positions: keys.map((k) => bySection[k]!.position ?? []) }
    })
    return out
  }

  /** lunr's weight of the term with index `termIndex` in field number `f` of a section; 0 if absent. */
  private weight(termIndex: number, f: number, section: number): number {
    const v = this.vectors[f]![section]
    if (!v) return 0
    const target = termIndex
    let lo = 0
    let hi = v.length / 2 - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const t = v[mid * 2]!
      if (t === target) return v[mid * 2 + 1]!
      if (t < target) lo = mid + 1
      else hi = mid - 1
    }
    return 0
  }

  /** Folded words of the vocabulary starting with `surfacePrefix`, shortest first, capped. */
  wordsWithPrefix(surfacePrefix: string): string[] {
    const v = this.vocabulary
    let lo = 0
    let hi = v.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (v[mid]! < surfacePrefix) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < v.length && v[i]!.startsWith(surfacePrefix); i++) out.push(v[i]!)
    return capped(out)
  }

  /** Folded words of the vocabulary within `distance` edits of `surface` (lunr's automaton). */
  wordsNear(surface: string, distance: number): string[] {
    this.vocabularySet ??= TokenSets.fromArray(this.vocabulary)
    return capped(this.vocabularySet.intersect(TokenSets.fromFuzzyString(surface, distance)).toArray())
  }

  /** The stems (present in the index) that a list of folded words stands for. */
  stemsOf(words: readonly string[]): string[] {
    const out = new Set<string>()
    for (const w of words) {
      const s = stem(w)
      if (this.posting(s)) out.add(s)
    }
    return [...out]
  }
}

function capped(words: string[]): string[] {
  if (words.length <= MAX_EXPANSIONS) return words
  return words.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_EXPANSIONS)
}

/** lunr's own serialisation of a stored index (postings parsed back), for `lunr.Index.load`. */
export function toLunrJson(index: SerialisedLunrIndex): object {
  return { ...index, invertedIndex: index.invertedIndex.map(([term, posting]) => [term, JSON.parse(posting) as object]) }
}
