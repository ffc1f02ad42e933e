import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../shared/search/query'
import type { AnnotationView } from '../../shared/annotations/query'
import type { DocumentSummary } from '../../shared/content/document'
import { prng, sampleAnnotation, SAMPLE_TEXT } from '../testing/annotations'
import { buildRecordIndex } from './build-index'
import { FrenchIndex } from './french-index'
import { searchIndex } from './index-search'
import { recordsOf } from './notes-cache'
import type { ShardFile } from './notes-cache'
import { buildShard, shardFromFile } from './notes-shard'

const doc: DocumentSummary = { id: 'cas-framasoft', title: 'Framasoft, une association', kind: 'cas', order: null, summary: '', tags: ['logiciel-libre'], date: '2026-11-28', wordCount: 0, readingMinutes: 0, path: 'cas/framasoft.md', hash: 'h' }

/** 150 notes on one document (a full shard): anchored ones where their quote is, every fifth an orphan. */
function views(): AnnotationView[] {
  const rnd = prng(17)
  return Array.from({ length: 150 }, (_, i): AnnotationView => {
    const annotation = sampleAnnotation(rnd, { docId: doc.id })
    const quote = annotation.target!.selector[0].exact
    if (i % 5 === 4) return { annotation, anchor: { status: 'orphan', oldQuote: quote, reason: 'no-match', bestScore: 0 } }
    const start = SAMPLE_TEXT.indexOf(quote)
    return { annotation, anchor: { status: 'anchored', start, end: start + quote.length, quote, oldQuote: quote, confidence: 1 } }
  })
}

const NONE = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }
const QUERIES = ['relire', 'équipe chapitre', '"chapitre suivant"', 'rel*', 'tag:gouvernance relire', 'framasoft', 'titre:association', 'communs -ess']

describe('a notes shard (notes-shard.ts)', () => {
  it('built from term frequencies and read back from its file, answers as the lunr-built index of the same notes: hits, scores, snippets', () => {
    const { shard, file } = buildShard(doc, views(), [], 'fingerprint')
    const read = shardFromFile(doc, JSON.parse(JSON.stringify(file)) as ShardFile)
    const { docs, records } = recordsOf(doc, shard.notes)
    const byLunr = buildRecordIndex(docs, records, 'fingerprint', new Date(0).toISOString(), () => 1, { positions: false })
    const lunrIndex = FrenchIndex.load(byLunr)
    for (const q of QUERIES) {
      for (const typing of [false, true]) {
        const sq = { parsed: parseQuery(q).query, typing, facetFilter: NONE, limit: 200 }
        const want = searchIndex(lunrIndex, 'annotations', sq)
        if (!typing) expect(want.hits.length + want.facetDocs.length, q).toBeGreaterThan(0)
        expect(searchIndex(read.index, 'annotations', sq), `${q} ${typing}`).toEqual(want)
        expect(searchIndex(shard.index, 'annotations', sq), `${q} ${typing}`).toEqual(want)
      }
    }
    // The reason for the change: the kept index is much smaller than lunr's field vectors.
    const { docs: _d, records: _r, ...lunrKept } = byLunr
    expect(JSON.stringify(file.index).length).toBeLessThan(JSON.stringify(lunrKept).length / 2)
  })
})
