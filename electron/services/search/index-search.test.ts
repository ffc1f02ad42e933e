import { describe, expect, it } from 'vitest'
import { buildStoredIndex } from './build-index'
import { FrenchIndex } from './french-index'
import { locateInText, searchIndex } from './index-search'
import type { DocFilter } from './evaluate'
import { fuzzyDistance } from './compile'
import { parseQuery } from '../../shared/search/query'
import { indexableDoc } from '../testing/indexable-doc'

const NO_FILTER: DocFilter = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }

const docs = [
  indexableDoc('titre', 'Une passerelle entre deux mondes', { sections: [{ title: 'Contexte', body: 'Un texte sur les ponts.' }] }),
  indexableDoc('intertitre', 'Deuxième document', { sections: [{ title: 'La passerelle', body: 'Un texte sur les ponts.' }] }),
  indexableDoc('etiquette', 'Troisième document', { tags: ['passerelle'], sections: [{ title: 'Contexte', body: 'Un texte sur les ponts.' }] }),
  indexableDoc('corps', 'Quatrième document', { sections: [{ title: 'Contexte', body: 'Un texte sur la passerelle et les ponts.' }] }),
  indexableDoc('coop', 'Les coopératives', {
    kind: 'cas',
    tags: ['cooperatives', 'gouvernance'],
    intro: 'Une introduction.',
    sections: [
      { title: 'Gouvernance', body: 'La coopérative décide en assemblée. L’économie sociale et solidaire la reconnaît.' },
      { title: 'Financement', body: 'La reconnaissance des parts sociales, d’intérêt collectif.' },
      { title: 'Brevets', body: 'Une coopérative a déposé un brevet.' },
    ],
  }),
  indexableDoc('eparpille', 'Économie', { kind: 'glossaire', sections: [{ title: 'Définition', body: 'Une économie fragile, une politique sociale timide et une jeunesse solidaire.' }] }),
  indexableDoc('lieu', 'Tiers-lieux', { sections: [{ title: 'Le lieu', body: 'Le tiers-lieu ouvre. Un tiers des gens vit loin du lieu.' }] }),
]
const index = FrenchIndex.load(JSON.parse(JSON.stringify(buildStoredIndex(docs, 'test', '2026-11-28T10:00:00Z'))))

function run(q: string, options: { typing?: boolean; facet?: Partial<DocFilter> } = {}) {
  const { query, problem } = parseQuery(q)
  expect(problem).toBeNull()
  return searchIndex(index, 'library', { parsed: query, typing: options.typing ?? false, facetFilter: { ...NO_FILTER, ...options.facet }, limit: 100 })
}
const docIds = (q: string, options?: Parameters<typeof run>[1]): string[] => [...new Set(run(q, options).hits.map((h) => h.docId))]

describe('query forms on a section index', () => {
  it('ranks a word in the title, then a heading, then the tags, then the body', () => {
    expect(docIds('passerelle')).toEqual(['titre', 'intertitre', 'etiquette', 'corps'])
  })

  it.each<[string, string[]]>([
    ['coopérative assemblée', ['coop']],
    ['coopératives', ['coop']],
    ['cooperative decide', ['coop']],
    ['mutuelle coopérative', []],
    ["l'économie sociale", ['coop', 'eparpille']],
    ['coop*', ['coop']],
    ['écon*', ['eparpille', 'coop']],
    ['reconnaissa*', ['coop']],
    ['cooperatve~1', ['coop']],
    ['asemblee~1', ['coop']],
    ['asemble~2', ['coop']],
    ['lieu~2', ['lieu']],
    ['coopérative -brevet', ['coop']],
    ['titre:coopératives', ['coop']],
    ['titre:passerelle', ['titre']],
    ['"économie sociale et solidaire"', ['coop']],
    ['"économie sociale"', ['coop']],
    ['économie sociale solidaire', ['coop', 'eparpille']],
    ['tiers-lieu', ['lieu']],
    ['texte tag:passerelle', ['etiquette']],
    ['texte -tag:passerelle', ['titre', 'intertitre', 'corps']],
    ['économie type:glossaire', ['eparpille']],
    ['économie -type:glossaire', ['coop']],
    ['type:cas', ['coop']],
    ['de la', []],
  ])('%j → %j', (q, expected) => {
    expect(docIds(q).sort()).toEqual([...expected].sort())
  })

  it('ranks prose before footnotes and source lists with the same words', () => {
    const i = FrenchIndex.load(
      buildStoredIndex(
        [indexableDoc('d', 'Doc', { sections: [{ title: 'Sources', body: 'La sociocratie en pratique.' }, { title: 'Notes', body: 'La sociocratie en pratique.' }, { title: 'Décider', body: 'La sociocratie en pratique.' }] })],
        'x',
        'y',
      ),
    )
    const hits = searchIndex(i, 'library', { parsed: parseQuery('sociocratie').query, typing: false, facetFilter: NO_FILTER, limit: 5 }).hits
    expect(hits[0]!.sectionId).toBe('decider')
    expect(hits[1]!.score).toBeCloseTo(hits[0]!.score / 2, 2)
  })

  it('an excluded word removes only the sections that contain it', () => {
    expect(run('coopérative -brevet').hits.map((h) => h.sectionId)).toEqual(['gouvernance'])
  })

  it('sections found only through the document title or tags count once per document', () => {
    // « coopératives » is in the title, so every section matches; the document's own sections win.
    expect(run('coopératives').hits.map((h) => h.sectionId).sort()).toEqual(['brevets', 'gouvernance'])
    // « introduction » is only in the intro, « coopératives » only in the title: the intro is found.
    expect(run('coopératives introduction').hits.map((h) => h.sectionId)).toEqual([''])
    // Title-only: one section stands for the document.
    expect(run('titre:coopératives').hits.map((h) => h.sectionId)).toEqual([''])
    // The only section with its own match is excluded: the document is still found by its title.
    expect(run('coopératives -brevet -assemblée').hits.map((h) => h.sectionId)).toEqual([''])
  })

  it('a filter-only query lists each document once, by its first section', () => {
    expect(run('type:cas').hits.map((h) => [h.docId, h.sectionId])).toEqual([['coop', '']])
  })

  it('while typing, the last word also matches the words it begins', () => {
    expect(docIds('assemb')).toEqual([])
    expect(docIds('assemb', { typing: true })).toEqual(['coop'])
    expect(docIds('coopérative assemb', { typing: true })).toEqual(['coop'])
  })

  it('facet filters apply after facet documents are counted', () => {
    const r = run('économie', { facet: { kinds: ['cas'] } })
    expect(r.hits.map((h) => h.docId)).toEqual(['coop'])
    expect(r.facetDocs.map((d) => d.docId).sort()).toEqual(['coop', 'eparpille'])
  })
})

describe('fuzzy tolerance by word length', () => {
  it.each([
    ['de', 2, 0],
    ['lieu', 2, 1],
    ['asso', 1, 1],
    ['cooperatve', 2, 2],
    ['cooperatve', 1, 1],
  ])('%j~%i tolerates %i typo(s)', (word, asked, tolerated) => expect(fuzzyDistance(word, asked)).toBe(tolerated))
})

describe('highlights', () => {
  const marked = (h: { text: string; marks: readonly (readonly [number, number])[] }): string[] => h.marks.map(([s, e]) => h.text.slice(s, e))

  it('marks stemmed, accent- and case-insensitive matches, past elisions', () => {
    const hit = run('economie coopératives').hits.find((h) => h.sectionId === 'gouvernance')!
    expect(marked(hit.snippet)).toEqual(['coopérative', 'économie'])
    expect(marked(hit.docTitle)).toEqual(['coopératives'])
  })

  it('marks a verified phrase as one span, and not its scattered words', () => {
    const hits = run('"économie sociale et solidaire"').hits
    expect(hits.map((h) => h.sectionId)).toEqual(['gouvernance'])
    expect(marked(hits[0]!.snippet)).toEqual(['économie sociale et solidaire'])
  })

  it('marks the heading and gives the section path', () => {
    const hit = run('financement').hits[0]!
    expect(marked(hit.heading)).toEqual(['Financement'])
    expect(hit.path).toEqual(['Financement'])
  })

  it('cuts a long section around its best passage, at word boundaries', () => {
    const long = `${'Un mot banal. '.repeat(60)}Ici la sociocratie décide. ${'Encore du texte. '.repeat(40)}`
    const i = FrenchIndex.load(buildStoredIndex([indexableDoc('long', 'Long', { sections: [{ title: 'Partie', body: long }] })], 'x', 'y'))
    const hit = searchIndex(i, 'library', { parsed: parseQuery('sociocratie').query, typing: false, facetFilter: NO_FILTER, limit: 5 }).hits[0]!
    expect(hit.snippet.truncatedStart).toBe(true)
    expect(hit.snippet.truncatedEnd).toBe(true)
    expect(hit.snippet.text.length).toBeLessThanOrEqual(220)
    expect(hit.snippet.text).toMatch(/^\S.*\S$/)
    expect(marked(hit.snippet)).toEqual(['sociocratie'])
  })
})

describe('locating matches in a document’s text (reader)', () => {
  it('returns ranges of words and verified phrases in the rendered text', () => {
    const doc = docs.find((d) => d.id === 'coop')!
    const words = locateInText(index, parseQuery('coopérative reconnaissance').query, doc.text)
    expect(words.map((r) => doc.text.slice(r.start, r.end))).toEqual(['coopérative', 'reconnaissance', 'coopérative'])
    const phrase = locateInText(index, parseQuery('"économie sociale"').query, doc.text)
    expect(phrase.map((r) => doc.text.slice(r.start, r.end))).toEqual(['économie sociale'])
  })

  it('does not look in the body for title-only clauses', () => {
    const doc = docs.find((d) => d.id === 'coop')!
    expect(locateInText(index, parseQuery('titre:coopératives').query, doc.text)).toEqual([])
  })
})
