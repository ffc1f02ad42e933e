/**
 * The notes' shard files and their manifest, in `<data dir>/search/notes/` (notes-source.ts decides
 * when they are used):
 *
 * - `<doc id>~<n>.json` — a document's n-th shard: `{ format, fingerprint, index, notes }`, the index
 *   of at most `NOTES_PER_SHARD` notes and, per note, what a hit needs besides the index's record
 *   (its colour, anchoring status and where its passage starts; the record holds its id, plain
 *   note, quote and footnote cuts, its StoredDoc its tags). A shard is searched from its file
 *   alone: neither the annotation store nor the document (whose rendering gives the cuts) is read.
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
import { readJson } from '../platform/json-file'
import type { JsonRead } from '../platform/json-file'
import { isStoredIndex } from './index-format'
import type { StoredIndex } from './index-format'
import { COLOR_IDS } from '../../shared/annotations/model'
import type { ColorId } from '../../shared/annotations/model'
import { ANCHOR_STATUSES } from '../../shared/annotations/reanchor'
import type { AnchorStatus } from '../../shared/annotations/reanchor'

/** Bump when a shard file's or the manifest's layout changes. */
export const NOTES_CACHE_FORMAT = 3

export const MANIFEST_FILE = 'manifest.json'

export function notesCacheDir(dataDir: string): string {
  return join(dataDir, 'search', 'notes')
}

/** Per note of a shard, in record order: what a hit needs besides the index's record. */
export interface ShardNote {
  readonly color: ColorId
  readonly status: AnchorStatus
  /** Where the passage starts in the document's text; null for orphans and document-level notes. */
  readonly start: number | null
}

export interface ShardFile {
  readonly format: number
  readonly fingerprint: string
  readonly index: StoredIndex
  readonly notes: readonly ShardNote[]
}

const COLORS = new Set<unknown>(COLOR_IDS)
const STATUSES = new Set<unknown>(ANCHOR_STATUSES)

function isShardNote(v: unknown): v is ShardNote {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return COLORS.has(o.color) && STATUSES.has(o.status) && (o.start === null || (typeof o.start === 'number' && Number.isInteger(o.start) && o.start >= 0))
}

/** The shape a hit relies on, checked note by note (a shard holds at most a few hundred). */
export function isShardFile(v: unknown): v is ShardFile {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  if (o.format !== NOTES_CACHE_FORMAT || typeof o.fingerprint !== 'string' || !isStoredIndex(o.index) || !Array.isArray(o.notes)) return false
  const { records, docs } = o.index
  return (
    o.notes.length === records.length &&
    o.notes.every(isShardNote) &&
    records.every((r, i) => typeof r.s === 'string' && typeof r.h === 'string' && typeof r.b === 'string' && r.d === i && (r.a === undefined || Array.isArray(r.a))) &&
    docs.length === records.length &&
    docs.every((d) => Array.isArray(d.tags) && d.tags.every((t) => typeof t === 'string'))
  )
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

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string')

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

/** A JSON cache file checked by `is` (json-file.ts reads it): the value, or why it cannot be used (`missing`: no file). */
export async function readCacheJson<T>(path: string, is: (v: unknown) => v is T, what: string): Promise<{ value: T } | { problem: string }> {
  let read: JsonRead
  try {
    read = await readJson(path)
  } catch (e) {
    return { problem: (e as Error).message }
  }
  if (read.status === 'missing') return { problem: 'missing' }
  if (read.status === 'not-json') return { problem: read.reason }
  return is(read.value) ? { value: read.value } : { problem: `not ${what} of this version` }
}
