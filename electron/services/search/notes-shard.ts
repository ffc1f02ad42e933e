/**
 * One shard of the notes source (notes-source.ts): at most `NOTES_PER_SHARD` notes of one document,
 * in reading order, their index and what their hits need. A shard is made from the annotation
 * service's views (`buildShard`: indexed, needs the document's footnote apparatus) or from its file
 * (`shardFromFile`: nothing else is read), and the two are the same: a note's entry is made from the
 * index's record and the shard's `notes` when a hit needs it (`entryOf`), not for every note.
 */
import lunr from 'lunr'
import type { AnnotationView } from '../../shared/annotations/query'
import type { Annotation } from '../../shared/annotations/model'
import { noteText } from '../../shared/annotations/note-text'
import type { ApparatusRange, DocumentSummary } from '../../shared/content/document'
import { cutsIn } from '../../shared/text/apparatus'
import type { Cut } from '../../shared/text/apparatus'
import { buildRecordIndex } from './build-index'
import { FrenchIndex } from './french-index'
import { INDEX_FORMAT } from './index-format'
import type { StoredDoc, StoredRecord } from './index-format'
import { sha256 } from './index-store'
import { documentKey, NOTES_CACHE_FORMAT } from './notes-cache'
import type { ShardFile, ShardNote } from './notes-cache'

/** Notes per shard: one shard's lunr build stays short (the event loop is given back between shards). */
export const NOTES_PER_SHARD = 150

/** One indexed note: what a hit needs without going back to the store. */
export interface Entry extends ShardNote {
  readonly id: string
  /** The note's own tags. */
  readonly tags: readonly string[]
  /** The note's words without Markdown (what is indexed and shown). */
  readonly note: string
  /** The passage as found now (or as made, for orphans and document-level notes). */
  readonly quote: string
  /** Footnote calls and back-links inside `quote` ([start, end) in it), left out of its snippet. */
  readonly cuts: readonly Cut[]
}

export interface Shard {
  readonly doc: DocumentSummary
  readonly index: FrenchIndex
  /** Per record of the index: colour (for `couleur:`), status, start. */
  readonly notes: readonly ShardNote[]
  readonly fingerprint: string
}

/** The entry of a shard's `record`-th note. */
export function entryOf(shard: Shard, record: number): Entry {
  const r = shard.index.records[record]!
  return { ...shard.notes[record]!, id: r.s, tags: shard.index.docs[r.d]!.tags, note: r.h, quote: r.b, cuts: r.a ?? [] }
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
  const entries: Entry[] = views.map((v) => {
    const a = v.annotation
    const { quote, start, end } = placeOf(v)
    const cuts = start !== null && end !== null ? cutsIn(apparatus, start, end) : []
    return { id: a.id, color: a.body.color, status: v.anchor.status, start, tags: a.body.tags, note: plainNote(a), quote, cuts }
  })
  const docs: StoredDoc[] = entries.map((e) => ({ id: doc.id, title: doc.title, kind: doc.kind, tags: [...e.tags] }))
  const records: StoredRecord[] = entries.map((e, d) => ({ d, s: e.id, l: 0, h: e.note, p: [], ho: -1, bo: 0, b: e.quote, ...(e.cuts.length ? { a: e.cuts } : {}) }))
  // Every note weighs the same (the library halves its footnote sections; a note is never one).
  const index = buildRecordIndex(docs, records, fingerprint, new Date(0).toISOString(), () => 1, { positions: false })
  const notes: ShardNote[] = entries.map(({ color, status, start }) => ({ color, status, start }))
  return { shard: { doc, index: FrenchIndex.load(index), notes, fingerprint }, file: { format: NOTES_CACHE_FORMAT, fingerprint, index, notes } }
}

/** A shard read from its file (checked by `isShardFile`). */
export function shardFromFile(doc: DocumentSummary, file: ShardFile): Shard {
  return { doc, index: FrenchIndex.load(file.index), notes: file.notes, fingerprint: file.fingerprint }
}
