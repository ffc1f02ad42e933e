/**
 * Remembers where the reader stopped in each document (`reading.json` in the data dir). Saves are
 * frequent (the reader reports its position as it scrolls), so writes are coalesced: a save updates
 * memory at once and resolves when a write that includes it is durable; while one write runs, later
 * saves share the next one. An unreadable file is moved aside and reported, never overwritten.
 */
import { join } from 'node:path'
import { MAX_READING_POSITIONS, ReadingFileSchema } from '../../shared/reading'
import type { ReadingFile, ReadingPosition, ReadingPositionInput } from '../../shared/reading'
import { writeFileAtomic } from '../platform/atomic-file'
import { loadJsonFile } from '../platform/json-file'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'

export interface ReadingService {
  get(docId: string): ReadingPosition | null
  /** Most recently read first. */
  list(): readonly ReadingPosition[]
  save(input: ReadingPositionInput): Promise<ReadingPosition>
}

export async function createReadingService(opts: { dataDir: string; clock: Clock; log: Logger }): Promise<ReadingService> {
  const file = join(opts.dataDir, 'reading.json')
  const loaded = await loadJsonFile(file, ReadingFileSchema, (): ReadingFile => ({ version: 1, positions: [] }), () => opts.clock.now())
  if (loaded.status === 'recovered') opts.log.warn(`reading.json was unreadable (${loaded.reason}); moved to ${loaded.movedTo}, positions start afresh`)
  const positions = new Map<string, ReadingPosition>(loaded.value.positions.map((p) => [p.docId, p]))

  /** Most recent first; the map's insertion order (a save moves its entry last) breaks ties. */
  const sorted = (): ReadingPosition[] => [...positions.values()].reverse().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))

  let running: Promise<void> | null = null
  let queued: Promise<void> | null = null
  const writeNow = (): Promise<void> =>
    writeFileAtomic(file, `${JSON.stringify({ version: 1, positions: sorted() } satisfies ReadingFile, null, 1)}\n`)
  /** Resolves once a write that started after this call is durable. */
  const flush = (): Promise<void> => {
    if (!running) {
      running = writeNow().finally(() => {
        running = null
      })
      return running
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null
        return flush()
      })
    return queued
  }

  return {
    get: (docId) => positions.get(docId) ?? null,
    list: sorted,
    async save({ id, ...rest }) {
      const position: ReadingPosition = { docId: id, ...rest, updatedAt: opts.clock.now().toISOString() }
      positions.delete(id)
      positions.set(id, position)
      if (positions.size > MAX_READING_POSITIONS) {
        for (const old of sorted().slice(MAX_READING_POSITIONS)) positions.delete(old.docId)
      }
      await flush()
      return position
    },
  }
}
