import { describe, expect, it } from 'vitest'
import lunr from 'lunr'
import { parseQuery } from '../../shared/search/query'
import { indexableDoc } from '../testing/indexable-doc'
import { buildRecordIndex, sectionBoost, sectionRecords } from './build-index'
import { FrenchIndex, toLunrJson } from './french-index'
import { decodeTfPosting, encodeTfPosting, INDEX_FIELDS } from './index-format'
import type { StoredDoc, StoredRecord } from './index-format'
import { locateInText, searchIndex } from './index-search'
import { buildTfIndex } from './tf-index'

/** A few pseudo-random sentences from a fixed word list, so frequencies and lengths vary. */
function prose(seed: number, words: number): string {
  const list = ['coopérative', 'économie', 'sociale', 'solidaire', 'l’adhérent', 'qu’elle', 'mutuelle', 'association', 'bénévoles', 'tiers-lieu', 'œuvre', 'la', 'les', 'des', 'et', 'réseau', 'Brest', 'λόγος', '1901', 'jusqu’ici', 'SCIC', 'gouvernance', 'partage', 'ateliers']
  let x = seed
  const out: string[] = []
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    out.push(list[(x >>> 16) % list.length]!)
    if (i % 11 === 10) out.push('.')
  }
  return out.join(' ')
}

const sources = [
  indexableDoc('ess', 'L’économie sociale et solidaire', { tags: ['ess', 'économie'], intro: prose(1, 40), sections: [
    { title: 'Définition', body: `Le congrès de l'économie sociale et solidaire se tient en mai. ${prose(2, 120)}` },
    { title: 'Coopératives', body: 'La coopérative d’intérêt collectif réunit salariés et bénévoles ; les coopératives partagent leurs outils.' },
    { title: 'Notes', body: prose(3, 30) },
  ] }),
  indexableDoc('libre', 'Logiciels libres', { tags: ['logiciel-libre'], sections: [
    { title: 'Licences', body: 'Chaque logiciel libre publié garde sa licence. Le tiers-lieu du quartier ouvre le samedi.' },
    { title: 'Sources', body: prose(4, 60) },
    { title: '', body: '' },
  ] }),
  indexableDoc('vide', 'Λόγος', { tags: [], sections: [{ title: 'Et la', body: 'le la les' }] }),
  ...Array.from({ length: 40 }, (_, i) => indexableDoc(`g${i}`, `Compte rendu ${i} de la coopérative`, { kind: i % 2 ? 'cas' : 'article', sections: [
    { title: `Partie ${i}`, body: prose(10 + i, 50 + 37 * i) },
    { title: 'Suite', body: prose(100 + i, 20 + 13 * i), level: 3 },
  ] })),
]
const docs: StoredDoc[] = sources.map((d) => ({ id: d.id, title: d.title, kind: d.kind, tags: [...d.tags] }))
const records: StoredRecord[] = sources.flatMap((d, i) => sectionRecords(d, i))
// A footnote call in a body (blanked when indexed: « solidaires² » is the word « solidaires »).
const first = records[1]!
records[1] = { ...first, b: `${first.b} solidaires²`, a: [[first.b.length + 11, first.b.length + 12]] }

const NONE = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }
const QUERIES = ['économie', 'economie sociale', '"économie sociale et solidaire"', 'coop*', 'cooperatve~1', 'coopérative -intérêt', 'titre:libres', '"logiciel libre"', 'tag:ess intérêt', 'solidaires', 'type:cas partage', 'brest 1901', 'tiers-lieu', 'gouvernance ateliers réseau']

describe('an index of term frequencies (tf-index.ts)', () => {
  const byLunr = buildRecordIndex(docs, records, 'x', 'y', sectionBoost, { positions: false })
  const tfStored = JSON.parse(JSON.stringify(buildTfIndex(docs, records, 'x', 'y'))) as ReturnType<typeof buildTfIndex>
  const lunrIndex = FrenchIndex.load(byLunr)
  const tfIndex = FrenchIndex.load(tfStored)

  it('has lunr’s terms, vocabulary and search pipeline', () => {
    expect([...tfIndex.terms()].sort()).toEqual([...lunrIndex.terms()].sort())
    expect(tfStored.vocabulary).toEqual(byLunr.vocabulary)
    expect(tfStored.index.pipeline).toEqual(byLunr.index.pipeline)
    // A word the trimmer empties (« λόγος ») is lunr's term '': it counts in its field's length.
    expect(lunrIndex.posting('')).toBeDefined()
  })

  it('computes for every (term, field, section) the very weight lunr stores', () => {
    let compared = 0
    for (const term of lunrIndex.terms()) {
      const want = lunrIndex.posting(term)!
      const got = tfIndex.posting(term)!
      expect(Object.keys(got).sort(), term).toEqual(Object.keys(want).sort())
      for (const field of INDEX_FIELDS) {
        const w = want[field]
        if (!w) continue
        expect([...got[field]!.sections], `${term} ${field}`).toEqual([...w.sections])
        got[field]!.weights.forEach((x, i) => expect(x, `${term} ${field} ${w.sections[i]}`).toBe(w.weights[i]!))
        compared += w.weights.length
      }
    }
    expect(compared).toBeGreaterThan(1000)
    // Boosts matter: a « Notes » section weighs half, the title eight times the body.
    expect(records.some((r) => sectionBoost(r) !== 1)).toBe(true)
  })

  it('answers every query exactly as the lunr-built index: hits, scores, snippets, marks', () => {
    for (const q of QUERIES) {
      const sq = { parsed: parseQuery(q).query, typing: false, facetFilter: NONE, limit: 50 }
      const want = searchIndex(lunrIndex, 'library', sq)
      expect(want.hits.length + want.facetDocs.length, q).toBeGreaterThan(0)
      expect(searchIndex(tfIndex, 'library', sq), q).toEqual(want)
      expect(searchIndex(tfIndex, 'library', { ...sq, typing: true }), q).toEqual(searchIndex(lunrIndex, 'library', { ...sq, typing: true }))
      expect(locateInText(tfIndex, parseQuery(q).query, sources[0]!.text), q).toEqual(locateInText(lunrIndex, parseQuery(q).query, sources[0]!.text))
    }
  })

  it('is a lunr index too: lunr loads its JSON and ranks as it ranks its own', () => {
    const fromTf = lunr.Index.load(toLunrJson(tfStored.index))
    const fromLunr = lunr.Index.load(toLunrJson(byLunr.index))
    for (const q of ['économie sociale', '+coopérative -intérêt', 'title:libres', 'partage gouvernance', 'brest']) {
      const want = fromLunr.search(q).map((r) => [r.ref, r.score.toFixed(9)])
      expect(want.length, q).toBeGreaterThan(0)
      expect(fromTf.search(q).map((r) => [r.ref, r.score.toFixed(9)]), q).toEqual(want)
    }
  })

  it('stores each posting as gaps with their frequencies, read back exactly, in much less space than lunr', () => {
    const p = { sections: [[], [0], [], [3, 4, 44]], tfs: [[], [1], [], [1, 4, 1]] }
    expect(encodeTfPosting(p)).toBe(';0;;3,1:4,40')
    expect(decodeTfPosting(encodeTfPosting(p))).toEqual(p)
    expect(JSON.stringify(tfStored.index).length).toBeLessThan(JSON.stringify(byLunr.index).length / 2)
  })

  it('gives every section the same boost when told to (the notes’ records)', () => {
    const flat = FrenchIndex.load(buildTfIndex(docs, records, 'x', 'y', () => 1))
    const flatLunr = FrenchIndex.load(buildRecordIndex(docs, records, 'x', 'y', () => 1, { positions: false }))
    for (const q of QUERIES) {
      const sq = { parsed: parseQuery(q).query, typing: false, facetFilter: NONE, limit: 50 }
      expect(searchIndex(flat, 'notes', sq), q).toEqual(searchIndex(flatLunr, 'notes', sq))
    }
  })
})
