/**
 * A loaded search index: lunr's inverted index and field vectors (read through a typed view of
 * lunr's internals, which @types/lunr keeps private), the section store and the vocabulary.
 * It answers the primitive questions the query evaluator asks: postings of a stem, the BM25 weight
 * lunr computed for (stem, field, section), and which stems a prefix or a fuzzy word stands for.
 */
import lunr from 'lunr'
import { registerFrenchPipeline, stem } from './french-pipeline'
import { INDEX_FIELDS } from './index-format'
import type { IndexField, StoredDoc, StoredIndex, StoredRecord } from './index-format'

/** Section number → `{ position: [[start, length], …] }`, as lunr stores one field of one stem. */
export type FieldPosting = Readonly<Record<string, { readonly position?: readonly (readonly [number, number])[] }>>
export type Posting = { readonly _index: number } & Partial<Record<IndexField, FieldPosting>>

interface LunrInternals {
  readonly invertedIndex: Readonly<Record<string, Posting>>
  readonly fieldVectors: Readonly<Record<string, { readonly elements: readonly number[] }>>
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
  private readonly inverted: LunrInternals['invertedIndex']
  /** vectors[field][section] = lunr's flat [termIndex, weight, …] array, sorted by termIndex. */
  private readonly vectors: readonly (readonly (readonly number[] | undefined)[])[]
  private vocabularySet: lunr.TokenSet | null = null

  private constructor(stored: StoredIndex, index: lunr.Index) {
    this.docs = stored.docs
    this.records = stored.records
    this.vocabulary = stored.vocabulary
    this.contentHash = stored.contentHash
    this.builtAt = stored.builtAt
    const internals = index as unknown as LunrInternals
    this.inverted = internals.invertedIndex
    this.vectors = INDEX_FIELDS.map((f) => {
      const perSection: (readonly number[] | undefined)[] = new Array(stored.records.length)
      for (let i = 0; i < stored.records.length; i++) perSection[i] = internals.fieldVectors[`${f}/${i}`]?.elements
      return perSection
    })
  }

  /** Registers the French pipeline, then `lunr.Index.load` (which needs it registered). */
  static load(stored: StoredIndex): FrenchIndex {
    registerFrenchPipeline()
    return new FrenchIndex(stored, lunr.Index.load(stored.index))
  }

  get size(): number {
    return this.records.length
  }

  posting(term: string): Posting | undefined {
    return Object.prototype.hasOwnProperty.call(this.inverted, term) ? this.inverted[term] : undefined
  }

  /** lunr's weight (BM25 × field boost) of a stem in one field of one section; 0 if absent. */
  weight(posting: Posting, field: IndexField, section: number): number {
    const v = this.vectors[INDEX_FIELDS.indexOf(field)]![section]
    if (!v) return 0
    const target = posting._index
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
