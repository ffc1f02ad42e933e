import { describe, expect, it } from 'vitest'
import { createLibraryIndex, NO_FILTER } from './library-filter'
import type { DocumentSummary } from './document'

function summary(id: string, fields: Partial<DocumentSummary>): DocumentSummary {
  return { id, title: id, kind: 'article', order: null, summary: '', tags: [], date: '2026-11-28', wordCount: 10, readingMinutes: 1, path: `${id}.md`, hash: id, ...fields }
}

const docs = [
  summary('ch-1', { kind: 'cahier', order: 1, title: 'Pourquoi ce cahier', tags: ['histoire', 'ess'] }),
  summary('art', { title: 'Les CHATONS', summary: 'Hébergement éthique.', tags: ['chatons', 'hebergement'] }),
  summary('cas', { kind: 'cas', title: 'Économie de la Scop', tags: ['cooperatives', 'ess'] }),
]

describe('library filter', () => {
  const index = createLibraryIndex(docs)
  const ids = (f: Partial<typeof NO_FILTER>): string[] => index.filter({ ...NO_FILTER, ...f }).map((d) => d.id)

  it('keeps every document with no filter, in the given order', () => {
    expect(ids({})).toEqual(['ch-1', 'art', 'cas'])
  })

  it('filters by kind and by tag, together', () => {
    expect(ids({ kind: 'cas' })).toEqual(['cas'])
    expect(ids({ tag: 'ess' })).toEqual(['ch-1', 'cas'])
    expect(ids({ tag: 'ess', kind: 'cahier' })).toEqual(['ch-1'])
  })

  it('matches typed words without accents or case, all words required', () => {
    expect(ids({ query: 'economie' })).toEqual(['cas'])
    expect(ids({ query: 'hebergement chatons' })).toEqual(['art'])
    expect(ids({ query: 'hebergement scop' })).toEqual([])
    expect(ids({ query: '   ' })).toEqual(['ch-1', 'art', 'cas'])
  })

  it('lists the tags in French order', () => {
    expect(index.tags).toEqual(['chatons', 'cooperatives', 'ess', 'hebergement', 'histoire'])
  })
})
