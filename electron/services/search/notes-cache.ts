/**
 * Where the notes' shard indexes are kept and what a shard file holds (notes-source.ts reads and
 * writes them): `<data dir>/search/notes/<doc id>~<n>.json`, `{ format, fingerprint, index }`. A
 * cache: a file of another format, or torn, is rebuilt.
 */
import { join } from 'node:path'
import { isStoredIndex } from './index-format'
import type { StoredIndex } from './index-format'

/** Bump when a shard file's layout changes. */
export const NOTES_CACHE_FORMAT = 2

export function notesCacheDir(dataDir: string): string {
  return join(dataDir, 'search', 'notes')
}

export interface ShardFile {
  readonly format: number
  readonly fingerprint: string
  readonly index: StoredIndex
}

export function isShardFile(v: unknown): v is ShardFile {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return o.format === NOTES_CACHE_FORMAT && typeof o.fingerprint === 'string' && isStoredIndex(o.index)
}

/** The file of a document's n-th shard (the id is encoded: any id makes one safe file name). */
export const shardFile = (docId: string, n: number): string => `${encodeURIComponent(docId)}~${n}.json`
