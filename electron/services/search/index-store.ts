/**
 * Where the library's search index lives, and how it is found at start:
 *
 * 1. `<content dir>/search-index.json` — the PREBUILT index, written by `npm run cli -- index`
 *    (run by `npm run build`) and packaged with the content. Read-only at run time.
 * 2. `<data dir>/search/library-index.json` — the CACHE, written by the app when (1) is missing or
 *    was built from other content (a user's own content dir, an edited pack).
 * 3. Otherwise the index is BUILT from the rendered documents, then saved as the cache.
 *
 * An index is used only if its `contentHash` equals the fingerprint of the content now on disk
 * (index format, lunr version, every document's path and sha256): a changed pack is rebuilt
 * automatically, never searched with stale offsets.
 */
import { mkdir } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { dirname, join } from 'node:path'
import { writeFileAtomic } from '../platform/atomic-file'
import { readJson } from '../platform/json-file'
import type { JsonRead } from '../platform/json-file'
import lunr from 'lunr'
import { INDEX_FORMAT, isStoredIndex } from './index-format'
import type { StoredIndex } from './index-format'

export const PREBUILT_INDEX_FILE = 'search-index.json'

export function prebuiltIndexPath(contentDir: string): string {
  return join(contentDir, PREBUILT_INDEX_FILE)
}

export function cachedIndexPath(dataDir: string): string {
  return join(dataDir, 'search', 'library-index.json')
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex')
}

/**
 * What an index depends on: the index format, lunr's version and each document's path and content
 * hash. Same fingerprint, same index: no rebuild.
 */
export function fingerprintOf(docs: readonly { readonly path: string; readonly hash: string }[]): string {
  const lines = docs.map((d) => `${d.path}\t${d.hash}`).sort()
  return sha256([`format ${INDEX_FORMAT}`, `lunr ${lunr.version}`, ...lines].join('\n'))
}

export type ReadOutcome =
  | { readonly status: 'ok'; readonly stored: StoredIndex }
  | { readonly status: 'missing' | 'stale' | 'unreadable'; readonly reason: string }

/** Reads an index file and checks that it was built from `fingerprint`. Never throws. */
export async function readIndexFile(path: string, fingerprint: string): Promise<ReadOutcome> {
  // The shared first step (json-file.ts); a cache's own rule after it: anything wrong is rebuilt,
  // never moved aside (the index is derived from the content, nothing of the user's is in it).
  let read: JsonRead
  try {
    read = await readJson(path)
  } catch (e) {
    return { status: 'unreadable', reason: `${path}: ${(e as Error).message}` }
  }
  if (read.status === 'missing') return { status: 'missing', reason: `${path}: no such file` }
  if (read.status === 'not-json') return { status: 'unreadable', reason: `${path}: ${read.reason}` }
  const value = read.value
  if (!isStoredIndex(value)) return { status: 'unreadable', reason: `${path}: not a search index of this version` }
  if (value.contentHash !== fingerprint) return { status: 'stale', reason: `${path}: built from other content` }
  return { status: 'ok', stored: value }
}

export async function writeIndexFile(path: string, stored: StoredIndex): Promise<number> {
  await mkdir(dirname(path), { recursive: true })
  const json = JSON.stringify(stored)
  await writeFileAtomic(path, json)
  return Buffer.byteLength(json)
}
