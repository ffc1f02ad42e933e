/**
 * Test and benchmark helper: a `LibraryReader` over documents already in the shape the search index
 * consumes (text + section map, see indexable-doc.ts), which can grow and shrink like « Mes
 * documents ». `renders` counts `get` calls: what the mine index had to (re)read to index.
 */
import { createHash } from 'node:crypto'
import type { DocumentSummary, RenderedDocument } from '../../shared/content/document'
import { AppFailure } from '../../shared/result'
import type { LibraryReader } from '../content/library-reader'
import type { IndexableDocument } from '../search/build-index'

export interface IndexableLibrary extends LibraryReader {
  put(doc: IndexableDocument): void
  remove(id: string): void
  readonly renders: number
}

function summaryOf(d: IndexableDocument): DocumentSummary {
  const words = d.text.split(/\s+/u).length
  return {
    id: d.id, title: d.title, kind: 'mien', order: null, summary: '', tags: d.tags, date: '2026-12-01', wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / 200)), path: `documents/${d.id}/document.md`, hash: createHash('sha256').update(d.text).digest('hex'),
  }
}

export function indexableLibrary(initial: readonly IndexableDocument[] = []): IndexableLibrary {
  const docs = new Map<string, { doc: IndexableDocument; summary: DocumentSummary }>()
  let renders = 0
  const put = (doc: IndexableDocument): void => void docs.set(doc.id, { doc, summary: summaryOf(doc) })
  initial.forEach(put)
  return {
    list: () => [...docs.values()].map((d) => d.summary),
    get(id): RenderedDocument {
      const d = docs.get(id)
      if (!d) throw new AppFailure('not-found', `No document with id "${id}".`)
      renders++
      const { summary, doc } = d
      return { summary, meta: { id, title: doc.title, kind: 'mien', summary: '', tags: [...doc.tags], date: summary.date, authors: [], licence: '', sources: [] }, html: '', text: doc.text, sections: doc.sections, apparatus: doc.apparatus ?? [] }
    },
    put,
    remove: (id) => void docs.delete(id),
    get renders() {
      return renders
    },
  }
}
