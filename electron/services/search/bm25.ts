/**
 * lunr's scoring (lunr 2.3.9, `lunr.idf` and `Builder#createFieldVectors`), for indexes that store
 * term frequencies instead of lunr's field vectors (index-format.ts, `SerialisedTfIndex`). The
 * arithmetic is lunr's, in lunr's order, so a weight computed here is the very number lunr would
 * have stored (tf-index.test.ts compares them): scores stay comparable with the pack's and the
 * notes' lunr indexes, which search-service.ts merges by score.
 */
import type { SerialisedTfIndex, TfPosting } from './index-format'

/** lunr's BM25 parameters (the Builder's defaults, which we never change). */
export const LUNR_K1 = 1.2
export const LUNR_B = 0.75

/** `lunr.idf`: `df` counts (field, section) pairs holding the term, as lunr's posting does; `documents` is the number of sections. */
export function lunrIdf(df: number, documents: number): number {
  const x = (documents - df + 0.5) / (df + 0.5)
  return Math.log(1 + Math.abs(x))
}

/**
 * The weight lunr stores for a term in one field of one section: BM25 × field boost × section
 * boost, rounded to 3 decimals. `averageLength` is the field's length summed over every section,
 * divided by the number of sections (lunr's `averageFieldLength`).
 */
export function lunrWeight(idf: number, tf: number, fieldLength: number, averageLength: number, fieldBoost: number, recordBoost: number): number {
  let score = idf * ((LUNR_K1 + 1) * tf) / (LUNR_K1 * (1 - LUNR_B + LUNR_B * (fieldLength / averageLength)) + tf)
  score *= fieldBoost || 1
  score *= recordBoost || 1
  return Math.round(score * 1000) / 1000
}

/** lunr's weights of the postings of an index that stores term frequencies (`SerialisedTfIndex`). */
export class TfWeights {
  private readonly documents: number
  private readonly averages: readonly number[]
  private readonly recordBoost: Float64Array

  constructor(private readonly index: SerialisedTfIndex) {
    const documents = index.lengths[0]?.length ?? 0
    this.documents = documents
    // lunr: every field's length summed over all sections (integers: exact in any order), ÷ sections.
    this.averages = index.lengths.map((l) => l.reduce((a, b) => a + b, 0) / documents)
    this.recordBoost = new Float64Array(documents).fill(1)
    for (const [section, boost] of index.recordBoosts) this.recordBoost[section] = boost
  }

  /** The weight of the term in each field of each section of its posting, in the posting's order. */
  of(p: TfPosting): Float64Array[] {
    let df = 0
    for (const list of p.sections) df += list.length
    const idf = lunrIdf(df, this.documents)
    return p.sections.map((list, f) => {
      const tfs = p.tfs[f]!
      const lengths = this.index.lengths[f]!
      const out = new Float64Array(list.length)
      for (let i = 0; i < list.length; i++) {
        const s = list[i]!
        out[i] = lunrWeight(idf, tfs[i]!, lengths[s]!, this.averages[f]!, this.index.fieldBoosts[f]!, this.recordBoost[s]!)
      }
      return out
    })
  }
}
