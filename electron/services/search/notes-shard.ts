/**
 * One shard of the notes source (notes-source.ts): at most `NOTES_PER_SHARD` notes of one document,
 * in reading order, their index and what their hits need. A shard is made from the annotation
 * service's views (`buildShard`: indexed, needs the document's footnote apparatus) or from its file
 * (`shardFromFile`: nothing else is read, the index's records are made again from its notes), and
 * the two are the same.
 */
import lunr from 'lunr'
import type { AnnotationView } from '../../shared/annotations/query'
import type { Annotation } from '../../shared/annotations/model'
import { noteText } from '../../shared/annotations/note-text'
import type { ApparatusRange, DocumentSummary } from '../../shared/content/document'
import { cutsIn } from '../../shared/text/apparatus'
import { FrenchIndex } from './french-index'
import { INDEX_FORMAT } from './index-format'
import { sha256 } from './index-store'
import { documentKey, NOTES_CACHE_FORMAT, recordsOf } from './notes-cache'
import type { ShardFile, ShardNote } from './notes-cache'
import { buildTfIndex } from './tf-index'

/** Notes per shard: one shard's build stays short (the event loop is given back between shards). */
export const NOTES_PER_SHARD = 150

export interface Shard {
  readonly doc: DocumentSummary
  readonly index: FrenchIndex
  /** Per record of the index, what its hit needs. */
  readonly notes: readonly ShardNote[]
  readonly fingerprint: string
}

/** Records are immutable (an edit makes a new one): their plain note text is computed once. */
const plainNotes = new WeakMap<Annotation, string>()
function plainNote(a: Annotation): string {
  let text = plainNotes.get(a)
  if (text === undefined) plainNotes.set(a, (text = noteText(a.body.note)))
  return text
}

/** Where a note's passage is now (null for orphans and document-level notes) and its quote. */
function placeOf(view: AnnotationView): { quote: string; start: number | null; end: number | null } {
  const a = view.annotation
  const located = view.anchor.status !== 'note' && view.anchor.status !== 'orphan' ? view.anchor : null
  return { quote: located?.quote ?? a.target?.selector[0].exact ?? a.detachedQuote ?? '', start: located?.start ?? null, end: located?.end ?? null }
}

/**
 * What a shard depends on, from the views alone (no rendering, no plain note): the formats, the app
 * version (its code makes the plain notes and the footnote cuts), the document's key, and each
 * note's id, Markdown, tags, colour, status and place. Same fingerprint, same file.
 */
export function shardFingerprint(doc: DocumentSummary, views: readonly AnnotationView[], version: string): string {
  const lines = [`notes ${NOTES_CACHE_FORMAT}`, `format ${INDEX_FORMAT}`, `lunr ${lunr.version}`, `app ${version}`, doc.id, documentKey(doc)]
  for (const v of views) {
    const { id, body } = v.annotation
    const { quote, start, end } = placeOf(v)
    lines.push(JSON.stringify([id, body.note, body.tags, body.color, v.anchor.status, quote, start, end]))
  }
  return sha256(lines.join('\n'))
}

/** Indexes a chunk of a document's notes (in reading order); `file` is what to keep on disk. */
export function buildShard(doc: DocumentSummary, views: readonly AnnotationView[], apparatus: readonly ApparatusRange[], fingerprint: string): { shard: Shard; file: ShardFile } {
  const notes = views.map((v): ShardNote => {
    const a = v.annotation
    const { quote, start, end } = placeOf(v)
    const cuts = start !== null && end !== null ? cutsIn(apparatus, start, end) : []
    return { id: a.id, color: a.body.color, status: v.anchor.status, start, tags: a.body.tags, note: plainNote(a), quote, ...(cuts.length ? { cuts } : {}) }
  })
  const { docs, records } = recordsOf(doc, notes)
  // Every note weighs the same (the library halves its footnote sections; a note is never one). Term
  // frequencies, not lunr's field vectors (tf-index.ts): same weights and hits, a smaller file.
  const stored = buildTfIndex(docs, records, fingerprint, new Date(0).toISOString(), () => 1)
  const { docs: _docs, records: _records, ...index } = stored
  return { shard: { doc, index: FrenchIndex.load(stored), notes, fingerprint }, file: { format: NOTES_CACHE_FORMAT, fingerprint, index, notes } }
}

/** A shard read from its file (checked by `isShardFile`). */
export function shardFromFile(doc: DocumentSummary, file: ShardFile): Shard {
  return { doc, index: FrenchIndex.load({ ...file.index, ...recordsOf(doc, file.notes) }), notes: file.notes, fingerprint: file.fingerprint }
}
