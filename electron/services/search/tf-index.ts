/**
 * Builds an index of section records without lunr.Builder, for the imported documents' segments
 * (issue #17, item 5): each field is cut into words by the same tokenizer and run through the same
 * pipeline steps as lunr's build (`indexedWord`), and what is kept is each term's frequency per
 * (field, section) and each field's length per section — not lunr's field vectors, whose weights
 * `FrenchIndex` computes from these on first use of a term with lunr's formula (bm25.ts). Same
 * records, same terms, same vocabulary and the same weights as `buildRecordIndex(…, { positions:
 * false })` (tf-index.test.ts), in a fraction of the time and the space.
 */
import lunr from 'lunr'
import { tokenize } from '../../shared/search/french-text'
import { blankCuts, sectionBoost } from './build-index'
import { indexedWord, registerFrenchPipeline, SEARCH_PIPELINE } from './french-pipeline'
import type { IndexedWord } from './french-pipeline'
import { encodeTfPosting, FIELD_BOOSTS, INDEX_FIELDS, INDEX_FORMAT } from './index-format'
import type { StoredDoc, StoredIndex, StoredRecord } from './index-format'

/** Written words already run through the pipeline (texts repeat their words; bounded). */
const known = new Map<string, IndexedWord | null>()
const KNOWN_KEPT = 50_000

/** A field's text as indexed: its length in terms and each term's frequency. */
interface Counted {
  readonly length: number
  readonly tf: ReadonlyMap<string, number>
}

interface Postings {
  readonly sections: number[][]
  readonly tfs: number[][]
}

export function buildTfIndex(
  docs: readonly StoredDoc[],
  records: readonly StoredRecord[],
  contentHash: string,
  builtAt: string,
  boost: (r: StoredRecord) => number = sectionBoost,
): StoredIndex {
  registerFrenchPipeline()
  /** This build's written words: the first sight of each adds its folded form to the vocabulary. */
  const seen = new Map<string, IndexedWord | null>()
  const vocabulary = new Set<string>()

  function count(text: string): Counted {
    const tf = new Map<string, number>()
    let length = 0
    for (const token of tokenize(text)) {
      let w = seen.get(token.text)
      if (w === undefined) {
        w = known.get(token.text)
        if (w === undefined) {
          if (known.size >= KNOWN_KEPT) known.clear()
          known.set(token.text, (w = indexedWord(token.text)))
        }
        seen.set(token.text, w)
        if (w) vocabulary.add(w.surface)
      }
      if (!w) continue
      length++
      tf.set(w.term, (tf.get(w.term) ?? 0) + 1)
    }
    return { length, tf }
  }

  const postings = new Map<string, Postings>()
  const lengths = INDEX_FIELDS.map(() => new Array<number>(records.length).fill(0))
  const recordBoosts: [number, number][] = []
  /** The title's and the tags' counts, the same for every section of a document. */
  let docFields: { d: number; title: Counted; tags: Counted } | null = null
  records.forEach((r, i) => {
    const doc = docs[r.d]!
    if (docFields?.d !== r.d) docFields = { d: r.d, title: count(doc.title), tags: count(doc.tags.join(' ')) }
    const fields = [docFields.title, count(r.h), docFields.tags, count(blankCuts(r.b, r.a))]
    fields.forEach((counted, f) => {
      lengths[f]![i] = counted.length
      for (const [term, tf] of counted.tf) {
        let p = postings.get(term)
        if (!p) postings.set(term, (p = { sections: INDEX_FIELDS.map(() => []), tfs: INDEX_FIELDS.map(() => []) }))
        p.sections[f]!.push(i)
        p.tfs[f]!.push(tf)
      }
    })
    const b = boost(r) || 1
    if (b !== 1) recordBoosts.push([i, b])
  })

  const terms = [...postings.keys()].sort()
  return {
    format: INDEX_FORMAT,
    lunrVersion: lunr.version,
    contentHash,
    builtAt,
    docs: [...docs],
    records: [...records],
    vocabulary: [...vocabulary].sort(),
    index: {
      kind: 'tf',
      version: lunr.version,
      fields: INDEX_FIELDS,
      fieldBoosts: INDEX_FIELDS.map((f) => FIELD_BOOSTS[f]),
      lengths,
      recordBoosts,
      invertedIndex: terms.map((t) => [t, encodeTfPosting(postings.get(t)!)] as const),
      pipeline: SEARCH_PIPELINE,
    },
  }
}
