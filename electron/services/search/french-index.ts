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
 * once in its field vectors — or, for an index of term frequencies (tf-index.ts), computed with
 * lunr's formula (bm25.ts): evaluation then walks arrays instead of objects keyed by strings.
 * `toLunrJson` gives back lunr's exact format, for `lunr.Index.load` and lunr's own search.
 */
import lunr from 'lunr'
import { elisionLength, normaliseWord, tokenize } from '../../shared/search/french-text'
import { TfWeights } from './bm25'
import { analyseWord, registerFrenchPipeline, stem } from './french-pipeline'
import { decodePosting, decodeTfPosting, INDEX_FIELDS } from './index-format'
import type { Positions } from './phrase'
import type { CompactPosting, IndexField, SerialisedLunrIndex, SerialisedTfIndex, StoredDoc, StoredIndex, StoredRecord, TfPosting } from './index-format'

/** lunr's posting of one stem: per field, section number → `{ position: [[start, length], …] }`. */
type LunrPosting = { readonly _index: number } & Partial<Record<IndexField, Readonly<Record<string, { readonly position?: readonly (readonly [number, number])[] }>>>>

/** One stem in one field, decoded for fast evaluation: sections in increasing order. */
export interface FieldPostings {
  readonly sections: Int32Array
  /** lunr's weight (BM25 × field boost × section boost) of the stem in that field of sections[i]. */
  readonly weights: Float64Array
  /**
   * Positions [start, length] in that field's text, in text order, for sections[i]: stored ones,
   * or (index built without positions) found in the field's text on first need.
   */
  positionsAt(i: number): Positions
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
export function positionsIn(p: FieldPostings | undefined, section: number): Positions | undefined {
  if (!p) return undefined
  const i = findSection(p, section)
  return i < 0 ? undefined : p.positionsAt(i)
}

/** Each written word's term and elision length, as `termPositions` found them (texts repeat their words). */
const analysed = new Map<string, { readonly term: string | null; readonly elision: number }>()
const ANALYSED_KEPT = 100_000

/** Where each indexed term occurs in a text, found as the index pipeline finds it (same positions lunr stores). */
export function termPositions(text: string): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>()
  for (const t of tokenize(text)) {
    let w = analysed.get(t.text)
    if (w === undefined) {
      if (analysed.size >= ANALYSED_KEPT) analysed.clear()
      analysed.set(t.text, (w = { term: analyseWord(t.text).term, elision: elisionLength(normaliseWord(t.text)) }))
    }
    if (w.term === null) continue
    const start = t.start + w.elision
    const list = out.get(w.term)
    if (list) list.push([start, t.end - start])
    else out.set(w.term, [[start, t.end - start]])
  }
  return out
}

/** Field texts whose positions were found again, kept for the next phrase or snippet (bounded). */
const FOUND_POSITIONS_KEPT = 2048

interface TokenSetStatics {
  fromArray(words: readonly string[]): lunr.TokenSet
  fromFuzzyString(word: string, distance: number): lunr.TokenSet
}
const TokenSets = lunr.TokenSet as unknown as TokenSetStatics

/** At most this many stems stand for one prefix or fuzzy word (the most specific ones are kept). */
export const MAX_EXPANSIONS = 200

/** What prefixes and fuzzy words are expanded against (compile.ts): one index's vocabulary, or several indexes' together. */
export interface WordSource {
  wordsWithPrefix(surfacePrefix: string): string[]
  wordsNear(surface: string, distance: number): string[]
}

/** A sorted list of folded words, answering prefix and fuzzy look-ups. */
export class Vocabulary implements WordSource {
  private tokenSet: lunr.TokenSet | null = null
  /** `words`: folded, unstemmed, sorted in code-unit order, without duplicates. */
  constructor(readonly words: readonly string[]) {}

  /** Folded words starting with `surfacePrefix`, shortest first, capped. */
  wordsWithPrefix(surfacePrefix: string): string[] {
    const v = this.words
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

  /** Folded words within `distance` edits of `surface` (lunr's automaton, built on first need). */
  wordsNear(surface: string, distance: number): string[] {
    this.tokenSet ??= TokenSets.fromArray(this.words)
    return capped(this.tokenSet.intersect(TokenSets.fromFuzzyString(surface, distance)).toArray())
  }
}

export class FrenchIndex implements WordSource {
  readonly docs: readonly StoredDoc[]
  readonly records: readonly StoredRecord[]
  readonly vocabulary: readonly string[]
  readonly contentHash: string
  readonly builtAt: string
  /** Term → postings, as lunr's JSON text until first use. */
  private readonly inverted: Map<string, Posting | string>
  /** vectors[field][section] = lunr's flat [termIndex, weight, …] array, sorted by termIndex. */
  private readonly vectors: readonly (readonly (readonly number[] | undefined)[])[]
  private readonly words: Vocabulary
  /** Built without positions: they are found in the field's text (see `FieldPostings.positionsAt`). */
  private readonly compact: boolean
  /** An index of term frequencies: its weights are computed (null for lunr's). */
  private readonly tf: TfWeights | null
  private readonly found = new Map<string, Map<string, [number, number][]>>()

  private constructor(stored: StoredIndex) {
    this.docs = stored.docs
    this.records = stored.records
    this.vocabulary = stored.vocabulary
    this.words = new Vocabulary(stored.vocabulary)
    this.contentHash = stored.contentHash
    this.builtAt = stored.builtAt
    const index = stored.index
    this.inverted = new Map(index.invertedIndex)
    const fields = INDEX_FIELDS.map(() => new Array<readonly number[] | undefined>(stored.records.length))
    if (index.kind === 'tf') {
      this.compact = true
      this.tf = new TfWeights(index)
    } else {
      this.compact = index.positions === false
      this.tf = null
      for (const [ref, elements] of index.fieldVectors) {
        const slash = ref.indexOf('/')
        const f = INDEX_FIELDS.indexOf(ref.slice(0, slash) as IndexField)
        if (f >= 0) fields[f]![Number(ref.slice(slash + 1))] = elements
      }
    }
    this.vectors = fields
  }

  /** Registers the French pipeline and checks, as `lunr.Index.load` does, that it is what the index names. */
  static load(stored: StoredIndex): FrenchIndex {
    registerFrenchPipeline()
    lunr.Pipeline.load(stored.index.pipeline)
    if (stored.index.version !== lunr.version) throw new Error(`index built with lunr ${stored.index.version}, not ${lunr.version}`)
    if (stored.index.kind === 'tf' && stored.index.fields.join() !== INDEX_FIELDS.join()) throw new Error(`index fields ${stored.index.fields.join()}, not ${INDEX_FIELDS.join()}`)
    return new FrenchIndex(stored)
  }

  get size(): number {
    return this.records.length
  }

  /** Every stem of the index. */
  terms(): IterableIterator<string> {
    return this.inverted.keys()
  }

  /** A stem's postings, decoded the first time a query needs them (then kept). */
  posting(term: string): Posting | undefined {
    const p = this.inverted.get(term)
    if (typeof p !== 'string') return p
    const decoded = this.tf ? this.decodeTf(term, this.tf, decodeTfPosting(p)) : this.compact ? this.decodeCompact(term, decodePosting(p)) : this.decode(JSON.parse(p) as LunrPosting)
    this.inverted.set(term, decoded)
    return decoded
  }

  /** The text a field of a record indexed (positions point into it). */
  fieldText(record: number, field: IndexField): string {
    const r = this.records[record]!
    if (field === 'body') return r.b
    if (field === 'headings') return r.h
    const doc = this.docs[r.d]!
    return field === 'title' ? doc.title : doc.tags.join(' ')
  }

  private positionsFromText(term: string, field: IndexField, record: number): Positions {
    const key = `${record}/${field}`
    let terms = this.found.get(key)
    if (!terms) {
      if (this.found.size >= FOUND_POSITIONS_KEPT) this.found.clear()
      this.found.set(key, (terms = termPositions(this.fieldText(record, field))))
    }
    return terms.get(term) ?? []
  }

  private decodeTf(term: string, tf: TfWeights, p: TfPosting): Posting {
    const out: { -readonly [F in IndexField]?: FieldPostings } = {}
    const weights = tf.of(p)
    INDEX_FIELDS.forEach((field, f) => {
      const list = p.sections[f]
      if (!list || list.length === 0) return
      const sections = Int32Array.from(list)
      out[field] = { sections, weights: weights[f]!, positionsAt: (i) => this.positionsFromText(term, field, sections[i]!) }
    })
    return out
  }

  private decodeCompact(term: string, { termIndex, sections: perField }: CompactPosting): Posting {
    const out: { -readonly [F in IndexField]?: FieldPostings } = {}
    INDEX_FIELDS.forEach((field, f) => {
      const list = perField[f]
      if (!list || list.length === 0) return
      const sections = Int32Array.from(list)
      const weights = new Float64Array(list.length)
      for (let i = 0; i < list.length; i++) weights[i] = this.weight(termIndex, f, sections[i]!)
      out[field] = { sections, weights, positionsAt: (i) => this.positionsFromText(term, field, sections[i]!) }
    })
    return out
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
      const positions = keys.map((k) => bySection[k]!.position ?? [])
      out[field] = { sections, weights, positionsAt: (i) => positions[i]! }
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
    return this.words.wordsWithPrefix(surfacePrefix)
  }

  /** Folded words of the vocabulary within `distance` edits of `surface` (lunr's automaton). */
  wordsNear(surface: string, distance: number): string[] {
    return this.words.wordsNear(surface, distance)
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

/**
 * lunr's own serialisation of a stored index (postings parsed back; for an index of term
 * frequencies, the field vectors lunr would have built), for `lunr.Index.load`.
 */
export function toLunrJson(index: SerialisedLunrIndex | SerialisedTfIndex): object {
  if (index.kind === 'tf') return tfToLunrJson(index)
  const { positions: _, ...rest } = index
  const lunrPosting = (json: string): object => {
    if (index.positions !== false) return JSON.parse(json) as object
    const { termIndex, sections: perField } = decodePosting(json)
    return { _index: termIndex, ...Object.fromEntries(INDEX_FIELDS.map((f, i) => [f, Object.fromEntries((perField[i] ?? []).map((s) => [String(s), {}]))])) }
  }
  return { ...rest, invertedIndex: index.invertedIndex.map(([term, posting]) => [term, lunrPosting(posting)]) }
}

/** lunr's JSON of an index of term frequencies: term numbers in term order, every field of every section a vector (as lunr has). */
function tfToLunrJson(index: SerialisedTfIndex): object {
  const weights = new TfWeights(index)
  const vectors = index.lengths.map((l) => l.map(() => [] as number[]))
  const invertedIndex = index.invertedIndex.map(([term, text], termIndex) => {
    const p = decodeTfPosting(text)
    const w = weights.of(p)
    p.sections.forEach((list, f) => list.forEach((s, i) => vectors[f]![s]!.push(termIndex, w[f]![i]!)))
    return [term, { _index: termIndex, ...Object.fromEntries(index.fields.map((f, i) => [f, Object.fromEntries(p.sections[i]!.map((s) => [String(s), {}]))])) }]
  })
  const fieldVectors = index.fields.flatMap((f, i) => vectors[i]!.map((v, s) => [`${f}/${s}`, v]))
  return { version: index.version, fields: index.fields, fieldVectors, invertedIndex, pipeline: index.pipeline }
}
