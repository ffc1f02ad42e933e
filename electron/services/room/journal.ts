/**
 * A session's durable journal, `<dataDir>/room/<sessionId>.jsonl`: the `open` event, then every
 * event of the session, one JSON line each. `append` resolves only once its line is written AND
 * fdatasync'ed, and the server acknowledges an answer only then: a crash (SIGKILL, power cut) loses
 * nothing that a participant was told was received.
 *
 * Group commit: appends that arrive while a write is being synced are written together by the next
 * write and share its fdatasync (200 phones answering at once cost a few syncs, not 200).
 *
 * Reading back: bytes past the last newline are a torn write that was never acknowledged (cut off,
 * after being saved beside the journal as `.torn-<time>`); a complete line that is not a valid event
 * is skipped and counted (`problems`) — the rest of the session is still there.
 */
import { open, readdir } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { RoomEventSchema } from '../../shared/room/model'
import type { RoomEvent } from '../../shared/room/model'
import { openedState, reduceRoom } from '../../shared/room/state'
import type { RoomState } from '../../shared/room/state'
import { cutTornTail, readFrom } from '../annotations/journal'

export interface RoomJournal {
  readonly path: string
  /** Resolves once the events are durable (in order, after every earlier append). */
  append(events: readonly RoomEvent[]): Promise<void>
  close(): Promise<void>
}

export function journalPath(roomDir: string, sessionId: string): string {
  return join(roomDir, `${sessionId}.jsonl`)
}

export async function openJournal(path: string): Promise<RoomJournal> {
  const h: FileHandle = await open(path, 'a', 0o600)
  let pending: { data: string; done: () => void; fail: (e: unknown) => void }[] = []
  let flushing: Promise<void> | null = null
  let closed = false

  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending
      pending = []
      try {
        const data = Buffer.from(batch.map((b) => b.data).join(''), 'utf8')
        for (let done = 0; done < data.length; ) {
          const { bytesWritten } = await h.write(data, done, data.length - done, null)
          if (bytesWritten <= 0) throw new Error('short write')
          done += bytesWritten
        }
        await h.datasync()
        for (const b of batch) b.done()
      } catch (e) {
        for (const b of batch) b.fail(e)
      }
    }
    flushing = null
  }

  return {
    path,
    append(events) {
      if (closed) return Promise.reject(new Error('the journal is closed'))
      const data = events.map((e) => `${JSON.stringify(e)}\n`).join('')
      return new Promise<void>((done, fail) => {
        pending.push({ data, done, fail })
        flushing ??= flush()
      })
    },
    async close() {
      closed = true
      await flushing
      await h.close()
    },
  }
}

export interface ReadJournal {
  readonly state: RoomState
  /** Complete lines that were not valid events (skipped). */
  readonly problems: number
  /** Bytes of a torn last line, cut off (0 when the journal ended cleanly). */
  readonly tornBytes: number
}

/**
 * Replays a journal; null when its first line is not an `open` event (not a session journal).
 * `repair: false` only reads (a past session listed, never the one being written).
 */
export async function readJournal(path: string, now: () => Date, opts: { readonly repair?: boolean } = {}): Promise<ReadJournal | null> {
  const buf = await readFrom(path, 0)
  let state: RoomState | null = null
  let problems = 0
  let pos = 0
  for (;;) {
    const nl = buf.indexOf(0x0a, pos)
    if (nl < 0) break
    const line = buf.toString('utf8', pos, nl)
    pos = nl + 1
    let raw: unknown = null
    try {
      raw = JSON.parse(line)
    } catch {
      /* counted below */
    }
    const e = RoomEventSchema.safeParse(raw)
    if (!e.success) {
      problems++
      continue
    }
    if (state === null) {
      if (e.data.t !== 'open') return null
      state = openedState(e.data)
    } else state = reduceRoom(state, e.data)
  }
  if (state === null) return null
  const tornBytes = buf.length - pos
  if (tornBytes > 0 && opts.repair !== false) await cutTornTail(path, pos, `${path}.torn-${now().toISOString().replace(/[:.]/g, '-')}`)
  return { state, problems, tornBytes }
}

/** Every session journal of the folder (most recent last, by name: ids start with the opening time). */
export async function listJournals(roomDir: string): Promise<string[]> {
  try {
    return (await readdir(roomDir)).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(roomDir, f))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
}
