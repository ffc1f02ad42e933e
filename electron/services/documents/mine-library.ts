/**
 * The imported documents as the reader sees them: a summary per document (kind `mien`) and the
 * rendered document, made by the same pipeline as the pack (renderBody: marked → DOMPurify → text
 * and sections), cached by the Markdown's hash. The document's version (`hash`, which reading
 * positions and annotations compare) is the sha256 of its Markdown.
 */
import { createHash } from 'node:crypto'
import { countWords, WORDS_PER_MINUTE } from '../../shared/content/document'
import type { DocumentMeta, DocumentSummary, RenderedDocument } from '../../shared/content/document'
import { AppFailure } from '../../shared/result'
import { renderBody } from '../content/render-document'
import type { DocumentStore, StoredDocument } from './document-store'

export interface MineLibrary {
  list(): readonly DocumentSummary[]
  has(id: string): boolean
  /** Throws AppFailure('not-found') for an unknown id. */
  get(id: string): RenderedDocument
}

const FORMAT_LABEL = { markdown: 'Markdown', text: 'texte', html: 'page web', docx: 'DOCX', odt: 'ODT', epub: 'EPUB', pdf: 'PDF' } as const

function metaOf(d: StoredDocument): DocumentMeta {
  const r = d.record
  return {
    id: r.id,
    title: r.title,
    kind: 'mien',
    summary: `${r.originalName} (${FORMAT_LABEL[r.format]})`,
    tags: r.tags,
    date: r.date,
    authors: r.authors,
    licence: '',
    sources: [],
  }
}

export function createMineLibrary(store: DocumentStore): MineLibrary {
  const rendered = new Map<string, { hash: string; doc: RenderedDocument }>()
  const hashes = new Map<string, string>()
  const hashOf = (d: StoredDocument): string => {
    const key = `${d.record.id}:${d.record.updatedAt}:${d.record.originalHash}`
    let h = hashes.get(key)
    if (h === undefined) hashes.set(key, (h = createHash('sha256').update(d.markdown).digest('hex')))
    return h
  }
  const summaryOf = (d: StoredDocument, words: number): DocumentSummary => {
    const r = d.record
    return { id: r.id, title: r.title, kind: 'mien', order: null, summary: metaOf(d).summary, tags: r.tags, date: r.date, wordCount: words, readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)), path: `documents/${r.id}/document.md`, hash: hashOf(d) }
  }
  const words = new Map<string, number>()
  const wordsOf = (d: StoredDocument): number => {
    const h = hashOf(d)
    let n = words.get(h)
    if (n === undefined) words.set(h, (n = countWords(d.markdown)))
    return n
  }
  function entry(id: string): StoredDocument {
    const d = store.get(id)
    if (!d) throw new AppFailure('not-found', `No document with id "${id}".`)
    return d
  }
  return {
    list: () => store.list().map((d) => summaryOf(d, wordsOf(d))),
    has: (id) => store.get(id) !== undefined,
    get(id) {
      const d = entry(id)
      const summary = summaryOf(d, wordsOf(d))
      const cached = rendered.get(id)
      if (cached && cached.hash === summary.hash && cached.doc.summary.title === summary.title && cached.doc.meta.tags === d.record.tags) return cached.doc
      const body = renderBody(d.markdown, { path: summary.path, idForPath: () => undefined })
      const doc: RenderedDocument = { summary, meta: metaOf(d), ...body }
      rendered.set(id, { hash: summary.hash, doc })
      return doc
    },
  }
}
