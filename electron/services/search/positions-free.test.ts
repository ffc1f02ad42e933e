import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../shared/search/query'
import { buildStoredIndex } from './build-index'
import { decodePosting, encodePosting } from './index-format'
import { FrenchIndex, toLunrJson } from './french-index'
import { locateInText, searchIndex } from './index-search'
import { indexableDoc } from '../testing/indexable-doc'
import lunr from 'lunr'

const docs = [
  indexableDoc('ess', 'L’économie sociale', { tags: ['ess'], intro: 'Une introduction à l’économie.', sections: [
    { title: 'Définition', body: 'Le congrès de l\'économie sociale et solidaire se tient en mai. Une économie fragile, une politique sociale timide.' },
    { title: 'Coopératives', body: 'La coopérative d’intérêt collectif réunit salariés et bénévoles ; les coopératives partagent leurs outils.' },
  ] }),
  indexableDoc('libre', 'Logiciels libres', { tags: ['logiciel-libre'], sections: [
    { title: 'Licences', body: 'Chaque logiciel libre publié garde sa licence. Le tiers-lieu du quartier ouvre le samedi ; un tiers des adhérents vit loin du lieu.' },
  ] }),
]
const NONE = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }
const QUERIES = ['économie', 'economie sociale', '"économie sociale et solidaire"', '"l’économie sociale"', 'tiers-lieu', 'coop*', 'cooperatve~1', 'coopérative -bénévoles', 'titre:libres', '"logiciel libre"', 'tag:ess intérêt']

describe('an index built without positions', () => {
  const full = FrenchIndex.load(buildStoredIndex(docs, 'x', 'y'))
  const compactStored = buildStoredIndex(docs, 'x', 'y', { positions: false })
  const compact = FrenchIndex.load(JSON.parse(JSON.stringify(compactStored)))

  it('answers every query exactly as the index with positions: hits, scores, snippets and marks', () => {
    for (const q of QUERIES) {
      const sq = { parsed: parseQuery(q).query, typing: false, facetFilter: NONE, limit: 20 }
      expect(searchIndex(compact, 'library', sq), q).toEqual(searchIndex(full, 'library', sq))
      expect(locateInText(compact, parseQuery(q).query, docs[0]!.text), q).toEqual(locateInText(full, parseQuery(q).query, docs[0]!.text))
    }
    expect(searchIndex(compact, 'library', { parsed: parseQuery('"économie sociale et solidaire"').query, typing: false, facetFilter: NONE, limit: 5 }).totalSections).toBe(1)
  })

  it('stores each posting as gaps between sections, read back exactly', () => {
    const p = { termIndex: 5012, sections: [[], [0], [], [3, 4, 44, 1000]] }
    expect(encodePosting(p)).toBe('5012;;0;;3,1,40,956')
    expect(decodePosting(encodePosting(p))).toEqual(p)
  })

  it('is smaller, and lunr still loads it', () => {
    expect(JSON.stringify(compactStored).length).toBeLessThan(JSON.stringify(buildStoredIndex(docs, 'x', 'y')).length * 0.8)
    const index = lunr.Index.load(toLunrJson(compactStored.index))
    const sections = (term: string): string[] => index.query((q) => q.term(term, { usePipeline: false })).map((r) => compactStored.records[Number(r.ref)]!.s).sort()
    expect(sections('cooper')).toEqual(['cooperatives'])
  })
})
