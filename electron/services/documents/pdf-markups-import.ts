/**
 * « Importer les surlignages du PDF »: the highlights and notes another reader saved in an imported
 * PDF (convert/pdf-markups.ts) become Passerelles annotations. Each passage is placed on the
 * document's normalised text by the W3C import's engine (w3c/place.ts through
 * `annotations.importEach`), never at random; a sticky note becomes a note on the whole document.
 * Every markup is reported: added, already imported, or not placed and why. An annotation's id is
 * derived from the document and the markup's stable key, so a second import adds nothing twice
 * (and keeps what the reader changed since).
 */
import { AnnotationSchema, MAX_QUOTE } from '../../shared/annotations/model'
import type { Draft, ReadItem } from '../../shared/annotations/w3c/read'
import { contentUuid } from '../../shared/annotations/w3c/vocabulary'
import type { PdfMarkupItem, PdfMarkupsReport } from '../../shared/documents/model'
import { AppFailure } from '../../shared/result'
import type { AnnotationService } from '../annotations/annotation-service'
import type { Clock } from '../platform/clock'
import { readPdfMarkups } from './convert/from-pdf'
import type { DocumentsService } from './documents-service'

export interface PdfMarkupsDeps {
  readonly documents: DocumentsService
  readonly annotations: AnnotationService
  readonly clock: Clock
}

/** The Passerelles annotation id of a PDF markup of a document: the same markup, the same id. */
export const pdfMarkupAnnotationId = (docId: string, key: string): string => contentUuid(`pdf-markup:${docId}:${key}`)

export async function importPdfMarkups(deps: PdfMarkupsDeps, docId: string): Promise<PdfMarkupsReport> {
  const d = deps.documents.store.get(docId)
  if (!d) throw new AppFailure('not-found', `No imported document with id "${docId}".`)
  if (d.record.format !== 'pdf') throw new AppFailure('invalid-payload', `"${d.record.originalName}" is not a PDF: only PDF files carry highlights to import.`)
  const found = await readPdfMarkups(await deps.documents.store.readOriginal(docId))
  const now = deps.clock.now().toISOString()
  const items: ReadItem[] = []
  const unplaceable = new Map<number, string>()
  found.forEach((m, index) => {
    const draft: Draft = {
      id: pdfMarkupAnnotationId(docId, m.key),
      created: m.created ?? m.modified ?? now,
      modified: m.modified ?? m.created ?? now,
      body: { note: m.note, tags: [], color: m.color },
    }
    if (m.kind === 'note') items.push({ kind: 'ready', index, annotation: AnnotationSchema.parse({ ...draft, type: 'Annotation', document: docId, target: null }) })
    else if (m.quote === '') unplaceable.set(index, 'the PDF has no text under this markup')
    else items.push({ kind: 'place', index, writtenId: m.key, draft, document: docId, source: docId, quote: { exact: m.quote.slice(0, MAX_QUOTE), prefix: m.prefix, suffix: m.suffix }, position: null })
  })
  const first = await deps.annotations.importEach(items)
  // The page's context can differ from the normalised text (a heading, a line cut by a hyphen): a passage not placed with it is tried by its quote alone.
  const retry = new Set(first.problems.map((p) => p.index))
  const second = retry.size
    ? await deps.annotations.importEach(items.flatMap((i) => (i.kind === 'place' && retry.has(i.index) && (i.quote.prefix || i.quote.suffix) ? [{ ...i, quote: { ...i.quote, prefix: '', suffix: '' } }] : [])))
    : { kept: new Map(), problems: [] }
  const kept = new Map([...first.kept, ...second.kept])
  const reasons = new Map([...unplaceable, ...first.problems.map((p): [number, string] => [p.index, p.reason]), ...second.problems.map((p): [number, string] => [p.index, p.reason])])
  return {
    docId,
    items: found.map((m, index): PdfMarkupItem => {
      const { key, page, kind, quote, note, color } = m
      const k = kept.get(index)
      if (k) return { key, page, kind, quote, note, color, outcome: k.added ? 'added' : 'already', annotationId: k.id, status: k.status }
      return { key, page, kind, quote, note, color, outcome: 'not-placed', reason: reasons.get(index) ?? 'not placed' }
    }),
  }
}
