/**
 * The journal, `annotations.journal.jsonl`: every acknowledged change since the last compaction,
 * one JSON line per transaction, appended and fdatasync'ed before the change is acknowledged.
 *
 *   {"journal":"passerelles-annotations","schemaVersion":2,"generation":3}
 *   {"at":"2026-11-28T10:00:00.000Z","ops":[{"op":"put","annotation":{…}}]}
 *   {"at":"…","ops":[{"op":"delete","id":"…"}]}
 *
 * Operations carry whole records (put/delete/labels), so replaying a journal is idempotent and order
 * is all that matters. A line is written with one write() ending in "\n": after a crash, bytes past
 * the last newline are an unacknowledged, torn write (ignored, and cut off by the next writer); a
 * complete line that does not parse is corruption (the store recovers, see annotation-store.ts).
 */
import { open, writeFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { z } from 'zod'
import { AnnotationSchema, ColorLabelsSchema, SCHEMA_VERSION } from '../../shared/annotations/model'
import { describeIssues } from '../../shared/api/bind'
import { migrateAnnotation } from './migrations'

export const StoreOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), annotation: AnnotationSchema }).strict(),
  z.object({ op: z.literal('delete'), id: z.string().uuid() }).strict(),
  z.object({ op: z.literal('labels'), colorLabels: ColorLabelsSchema }).strict(),
])
export type StoreOp = z.infer<typeof StoreOpSchema>

const EntrySchema = z.object({ at: z.string(), ops: z.array(StoreOpSchema).min(1) }).strict()
const HeaderSchema = z.object({ journal: z.literal('passerelles-annotations'), schemaVersion: z.number().int().min(1), generation: z.number().int().min(0) }).strict()
export type JournalHeader = z.infer<typeof HeaderSchema>

export function headerLine(generation: number): string {
  return `${JSON.stringify({ journal: 'passerelles-annotations', schemaVersion: SCHEMA_VERSION, generation })}\n`
}

export function entryLine(at: string, ops: readonly StoreOp[]): string {
  return `${JSON.stringify({ at, ops })}\n`
}

export interface JournalScan {
  /** Present when the scan started at the beginning of the file. */
  readonly header: JournalHeader | null
  readonly entries: readonly (readonly StoreOp[])[]
  /** File offset just past the last complete, valid line. */
  readonly end: number
  /** Bytes after `end` that do not (yet) form a complete line: a torn or in-progress write. */
  readonly tornBytes: number
  /** Why the first bad complete line is bad (the scan stops there), or null. */
  readonly corrupt: string | null
  /** Schema version of a journal written by a newer Passerelles, or null. */
  readonly newer: number | null
}

function parseEntry(line: string, schemaVersion: number): { ops: StoreOp[] } | { error: string } {
  let raw: unknown
  try {
    raw = JSON.parse(line)
  } catch (e) {
    return { error: `not JSON (${(e as Error).message})` }
  }
  if (schemaVersion < SCHEMA_VERSION && typeof raw === 'object' && raw !== null && Array.isArray((raw as { ops?: unknown }).ops)) {
    const r = raw as { ops: Record<string, unknown>[] }
    r.ops = r.ops.map((op) => (op?.op === 'put' ? { ...op, annotation: migrateAnnotation(op.annotation, schemaVersion) } : op))
  }
  const parsed = EntrySchema.safeParse(raw)
  return parsed.success ? { ops: parsed.data.ops } : { error: `invalid entry (${describeIssues(parsed.error)})` }
}

/**
 * Scans journal bytes that start at file offset `base`. At base 0 the first line must be the header;
 * later scans pass the header's schema version.
 */
export function scanJournal(bytes: Uint8Array, base: number, knownVersion: number | null): JournalScan {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let header: JournalHeader | null = null
  let version = knownVersion ?? SCHEMA_VERSION
  const entries: StoreOp[][] = []
  let pos = 0
  let lineNo = 0
  const result = (corrupt: string | null, newer: number | null = null): JournalScan => ({ header, entries, end: base + pos, tornBytes: buf.length - pos, corrupt, newer })
  for (;;) {
    const nl = buf.indexOf(0x0a, pos)
    if (nl < 0) return result(null)
    const line = buf.toString('utf8', pos, nl)
    const where = `line ${lineNo + 1}${base ? ` after byte ${base}` : ''}`
    if (base === 0 && lineNo === 0) {
      let raw: unknown = null
      try {
        raw = JSON.parse(line)
      } catch {
        /* reported below */
      }
      const h = HeaderSchema.safeParse(raw)
      if (!h.success) return result(`${where}: not a journal header`)
      if (h.data.schemaVersion > SCHEMA_VERSION) return result(null, h.data.schemaVersion)
      header = h.data
      version = h.data.schemaVersion
    } else {
      const e = parseEntry(line, version)
      if ('error' in e) return result(`${where}: ${e.error}`)
      entries.push(e.ops)
    }
    pos = nl + 1
    lineNo++
  }
}

/**
 * Appends lines durably (write + fdatasync before returning) through a handle kept open between
 * appends — two system calls per change. `release()` when the journal file is replaced.
 */
export interface JournalAppender {
  append(line: string, ino: number): Promise<number>
  release(): Promise<void>
}

/** `onWritten` (tests only, see phases.ts) is called synchronously after the write, before the fdatasync. */
export function journalAppender(path: string, onWritten?: () => void): JournalAppender {
  let handle: { h: FileHandle; ino: number } | null = null
  const release = async (): Promise<void> => {
    const old = handle
    handle = null
    await old?.h.close()
  }
  return {
    async append(line, ino) {
      if (handle?.ino !== ino) {
        await release()
        const h = await open(path, 'a', 0o600)
        handle = { h, ino: (await h.stat()).ino }
      }
      const data = Buffer.from(line, 'utf8')
      // A write may be short (e.g. at a file-size limit): continue until all is written or it fails.
      for (let done = 0; done < data.length; ) {
        const { bytesWritten } = await handle.h.write(data, done, data.length - done, null)
        if (bytesWritten <= 0) throw new Error('short write')
        done += bytesWritten
      }
      onWritten?.()
      await handle.h.datasync()
      return data.length
    },
    release,
  }
}

/** Reads the file from `offset` to its end. */
export async function readFrom(path: string, offset: number): Promise<Buffer> {
  const h = await open(path, 'r')
  try {
    const { size } = await h.stat()
    const buf = Buffer.alloc(Math.max(0, size - offset))
    let done = 0
    while (done < buf.length) {
      const { bytesRead } = await h.read(buf, done, buf.length - done, offset + done)
      if (bytesRead === 0) break
      done += bytesRead
    }
    return buf.subarray(0, done)
  } finally {
    await h.close()
  }
}

/**
 * Cuts a torn tail (bytes past the last complete line, from a writer that crashed mid-write) after
 * saving those bytes beside the journal, so nothing is destroyed unseen.
 */
export async function cutTornTail(path: string, end: number, savedAs: string): Promise<void> {
  const tail = await readFrom(path, end)
  if (tail.length === 0) return
  await writeFile(savedAs, tail, { mode: 0o600 })
  await truncateTo(path, end)
}

/** Cuts the file back to `end` bytes, durably. */
export async function truncateTo(path: string, end: number): Promise<void> {
  const h = await open(path, 'r+')
  try {
    await h.truncate(end)
    await h.datasync()
  } finally {
    await h.close()
  }
}
