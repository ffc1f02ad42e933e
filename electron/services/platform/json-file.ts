/**
 * Reads a JSON file validated by a schema. A missing file yields the fallback; a file that exists
 * but is unreadable, not JSON or not valid is moved aside (`name.corrupt-<time>`), never overwritten,
 * and reported so the user can be told (all or nothing: settings, reading positions, the list of
 * imported documents).
 */
import { readFileSync } from 'node:fs'
import { access, readFile, rename } from 'node:fs/promises'
import type { z } from 'zod'

export type LoadOutcome<T> =
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'missing'; readonly value: T }
  | { readonly status: 'recovered'; readonly value: T; readonly movedTo: string; readonly reason: string }

export async function loadJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: () => z.output<S>,
  now: () => Date,
): Promise<LoadOutcome<z.output<S>>> {
  const read = await readJson(path)
  if (read.status === 'missing') return { status: 'missing', value: fallback() }
  let reason = read.status === 'not-json' ? read.reason : ''
  if (read.status === 'read') {
    const parsed = schema.safeParse(read.value)
    if (parsed.success) return { status: 'loaded', value: parsed.data }
    reason = `invalid content: ${parsed.error.issues[0]?.message ?? 'schema mismatch'}`
  }
  const movedTo = await moveAside(path, now())
  return { status: 'recovered', value: fallback(), movedTo, reason }
}

export type JsonRead = { readonly status: 'missing' } | { readonly status: 'read'; readonly value: unknown } | { readonly status: 'not-json'; readonly reason: string }

/**
 * The first step of every JSON file the services read (the stores above, the decks file, the search
 * index): a missing file is a status, a file that is not JSON says why (`empty file`, `not JSON: …`).
 * What to do then is each caller's rule. Other file-system errors (permissions) are thrown.
 */
export async function readJson(path: string): Promise<JsonRead> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' }
    throw e
  }
  return parsed(text)
}

/**
 * `readJson` in one synchronous call, for many small files read one after the other between turns
 * of the event loop (the notes' shards): a read of a few dozen kB from the page cache costs tens of
 * microseconds, the four thread-pool round trips of an asynchronous read milliseconds under load.
 */
export function readJsonSync(path: string): JsonRead {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' }
    throw e
  }
  return parsed(text)
}

function parsed(text: string): JsonRead {
  try {
    return { status: 'read', value: JSON.parse(text) }
  } catch (e) {
    return { status: 'not-json', reason: text.length === 0 ? 'empty file' : `not JSON: ${(e as Error).message}` }
  }
}

/** Renames an unreadable file to `name.corrupt-<time>` (never overwriting it); returns the new path. */
export async function moveAside(path: string, when: Date, tag = 'corrupt'): Promise<string> {
  const base = `${path}.${tag}-${when.toISOString().replace(/[:.]/g, '-')}`
  let movedTo = base
  for (let n = 1; await exists(movedTo); n++) movedTo = `${base}-${n}`
  await rename(path, movedTo)
  return movedTo
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}
