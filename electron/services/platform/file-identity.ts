/**
 * Whether a file is still the one we read or wrote, without reading it: its inode, size and
 * modification time. The annotation store (journal and snapshot) and the imported documents' list
 * use it to tell another process's change (the CLI writing the same data dir) from their own.
 * An atomic write (temp file + rename) always yields a new inode, so a rewrite of the same size in
 * the same millisecond is still seen.
 */
import { statSync } from 'node:fs'
import type { Stats } from 'node:fs'

export interface FileId {
  readonly ino: number
  readonly size: number
  readonly mtimeMs: number
}

export const idOf = (s: Stats | null): FileId | null => (s ? { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs } : null)

export const sameFile = (a: FileId | null, b: FileId | null): boolean => a === b || (!!a && !!b && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs)

/** Synchronous on purpose: a stat is a few microseconds, a thread-pool round trip can be milliseconds under load. */
export function statOrNull(path: string): Stats | null {
  return statSync(path, { throwIfNoEntry: false }) ?? null
}

/** The identity of the file at `path` now (null when missing). */
export const fileIdAt = (path: string): FileId | null => idOf(statOrNull(path))
