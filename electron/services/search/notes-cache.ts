/**
 * The notes' shard files and their manifest, in `<data dir>/search/notes/` (notes-source.ts decides
 * when they are used):
 *
 * - `<doc id>~<n>.json` — a document's n-th shard: `{ format, fingerprint, index, notes }`, the index
 *   of at most `NOTES_PER_SHARD` notes without its `docs` and `records` (they repeat the document
 *   and constants: `recordsOf` makes them again from `notes`) and, per note, what a hit needs
 *   (`ShardNote`). A shard is searched from its file alone: neither the annotation store nor the
 *   document (whose rendering gives the footnote cuts) is read.
 * - `manifest.json` — `{ format, version, revision, docs, unindexed }`: the annotation store's
 *   revision the shards were made from (annotation-store.ts `revision`), the app version that
 *   made them, and per document its key (title, kind, version) and its shards' fingerprints. When
 *   the store's revision and a document's key are still the same at start, its shards are read
 *   without listing a single note.
 *
 * A cache (the annotation store is the truth): a file that is torn, of another format, of the wrong
 * shape or whose fingerprint is not the one expected is rebuilt.
 */
import { join } from 'node:path'
import { readJsonSync } from '../platform/json-file'
import type { JsonRead } from '../platform/json-file'
import { isStoredIndex } from './index-format'
import type { StoredDoc, StoredIndex, StoredRecord } from './index-format'
import { COLOR_IDS } from '../../shared/annotations/model'
import type { ColorId } from '../../shared/annotations/model'
import { ANCHOR_STATUSES } from '../../shared/annotations/reanchor'
import type { AnchorStatus } from '../../shared/annotations/reanchor'

/** Bump when a shard file's or the manifest's layout changes. */
export const NOTES_CACHE_FORMAT = 5

export const MANIFEST_FILE = 'manifest.json'

export function notesCacheDir(dataDir: string): string {
  return join(dataDir, 'search', 'notes')
}

/** One indexed note, in record order: what a hit needs without going back to the store. */
export interface ShardNote {
  readonly id: string
  readonly color: ColorId
  readonly status: AnchorStatus
  /** Where the passage starts in the document's text; null for orphans and document-level notes. */
  readonly start: number | null
  /** The note's own tags. */
  readonly tags: readonly string[]
  /** The note's words without Markdown (what is indexed and shown). */
  readonly note: string
  /** The passage as found now (or as made, for orphans and document-level notes). */
  readonly quote: string
  /** Footnote calls and back-links inside `quote` ([start, end) in it), left out of its snippet; absent when none. */
  readonly cuts?: readonly (readonly [number, number])[]
}

/** A shard's index as kept: its records and docs are made from the notes (`recordsOf`). */
export type KeptIndex = Omit<StoredIndex, 'docs' | 'records'>

export interface ShardFile {
  readonly format: number
  readonly fingerprint: string
  readonly index: KeptIndex
  readonly notes: readonly ShardNote[]
}

const NO_PATH: readonly string[] = Object.freeze([])

/** The records (one per note) and docs (the document, with the note's tags) of a shard's index. */
export function recordsOf(doc: { readonly id: string; readonly title: string; readonly kind: string }, notes: readonly ShardNote[]): { docs: StoredDoc[]; records: StoredRecord[] } {
  const docs = notes.map((n): StoredDoc => ({ id: doc.id, title: doc.title, kind: doc.kind, tags: n.tags }))
  const records = notes.map((n, d): StoredRecord => ({ d, s: n.id, l: 0, h: n.note, p: NO_PATH, ho: -1, bo: 0, b: n.quote, ...(n.cuts ? { a: n.cuts } : {}) }))
  return { docs, records }
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string')
const COLORS = new Set<unknown>(COLOR_IDS)
const STATUSES = new Set<unknown>(ANCHOR_STATUSES)

const isCut = (c: unknown): boolean => Array.isArray(c) && c.length === 2 && typeof c[0] === 'number' && typeof c[1] === 'number'

function isShardNote(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return (
    typeof o.id === 'string' && COLORS.has(o.color) && STATUSES.has(o.status) &&
    (o.start === null || (typeof o.start === 'number' && Number.isInteger(o.start) && o.start >= 0)) &&
    isStrings(o.tags) && typeof o.note === 'string' && typeof o.quote === 'string' && (o.cuts === undefined || (Array.isArray(o.cuts) && o.cuts.every(isCut)))
  )
}

/** The shape a hit relies on, checked note by note (a shard holds at most a few hundred); the index as `isStoredIndex` checks it. */
export function isShardFile(v: unknown): v is ShardFile {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  // The index is checked with one record per note (`recordsOf`): a tf index's field lengths count its records.
  return o.format === NOTES_CACHE_FORMAT && typeof o.fingerprint === 'string' && typeof o.index === 'object' && o.index !== null &&
    Array.isArray(o.notes) && o.notes.every(isShardNote) && isStoredIndex({ ...o.index, docs: [], records: o.notes })
}

/** One document's entry in the manifest. */
export interface ManifestDoc {
  readonly id: string
  /** `documentKey`: what of the document its shards depend on. */
  readonly key: string
  /** Its shards' fingerprints, shard 0 first. */
  readonly shards: readonly string[]
}

export interface NotesManifest {
  readonly format: number
  /** The app version that made the shards (the footnote cuts and plain notes come from its code). */
  readonly version: string
  /** The annotation store's revision the shards were made from. */
  readonly revision: string
  /** Documents of the library with notes. */
  readonly docs: readonly ManifestDoc[]
  /** Documents with notes that were not in the library (not indexed): indexed if they come back. */
  readonly unindexed: readonly string[]
}

function isManifestDoc(v: unknown): v is ManifestDoc {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return typeof o.id === 'string' && typeof o.key === 'string' && isStrings(o.shards) && o.shards.length > 0
}

export function isManifest(v: unknown): v is NotesManifest {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return o.format === NOTES_CACHE_FORMAT && typeof o.version === 'string' && typeof o.revision === 'string' && Array.isArray(o.docs) && o.docs.every(isManifestDoc) && isStrings(o.unindexed)
}

/** What of a document its notes' shards depend on: title and kind (indexed), version (where passages are, footnotes). */
export const documentKey = (doc: { readonly title: string; readonly kind: string; readonly hash: string }): string => JSON.stringify([doc.title, doc.kind, doc.hash])

/** The file of a document's n-th shard (the id is encoded: any id makes one safe file name). */
export const shardFile = (docId: string, n: number): string => `${encodeURIComponent(docId)}~${n}.json`

/** A JSON cache file checked by `is` (read at once: json-file.ts `readJsonSync`): the value, or why it cannot be used (`missing`: no file). */
export function readCacheJson<T>(path: string, is: (v: unknown) => v is T, what: string): { value: T } | { problem: string } {
  let read: JsonRead
  try {
    read = readJsonSync(path)
  } catch (e) {
    return { problem: (e as Error).message }
  }
  if (read.status === 'missing') return { problem: 'missing' }
  if (read.status === 'not-json') return { problem: read.reason }
  return is(read.value) ? { value: read.value } : { problem: `not ${what} of this version` }
}
