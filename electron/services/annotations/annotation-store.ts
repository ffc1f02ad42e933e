/**
 * The durable annotation store in the data dir: a snapshot (snapshot.ts) plus an append-only
 * journal (journal.ts), compacted into a new snapshot when the journal grows past a quarter of the
 * snapshot. Contracts:
 *
 * - Durable: `transact` resolves only after its journal line is fdatasync'ed (the journal itself is
 *   created by temp file + fsync + rename + directory fsync), so an acknowledged change survives
 *   SIGKILL or power loss.
 * - Shared: every change runs under a cross-process lock (process-lock.ts) against the freshest state
 *   (the journal tail other processes appended is replayed first), so the app and the CLI can write
 *   the same data dir without losing an update. Reads catch up without the lock.
 * - Named: `revision()` names the annotations held (the snapshot's checksum and a running sha256 of
 *   the journal bytes replayed), the same in every process that reads the same files, so a cache
 *   derived from them (the notes' search shards) can tell at start that nothing changed.
 * - Never overwrites unreadable data: a corrupt snapshot or journal is moved aside, the last good
 *   copy restored (recovery.ts), and a notice kept for the user. Data from a newer version opens
 *   read-only.
 */
import { createHash } from 'node:crypto'
import type { Hash } from 'node:crypto'
import { mkdir, open } from 'node:fs/promises'
import { join } from 'node:path'
import { SCHEMA_VERSION } from '../../shared/annotations/model'
import { AppFailure } from '../../shared/result'
import { writeFileAtomic } from '../platform/atomic-file'
import { idOf, sameFile, statOrNull } from '../platform/file-identity'
import type { FileId } from '../platform/file-identity'
import { withProcessLock } from '../platform/process-lock'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'
import { ensureDailyBackup, keepCopy } from './backups'
import { cutTornTail, entryLine, headerLine, journalAppender, readFrom, scanJournal, truncateTo } from './journal'
import type { JournalScan, StoreOp } from './journal'
import { applyOps, emptyState, parseSnapshot, renderSnapshot, serializeSnapshot, stateFrom } from './snapshot'
import type { SnapshotParse, StoreState } from './snapshot'
import { recoverLocked } from './recovery'
import type { StoreNotice } from '../../shared/annotations/api'
import type { PhaseHook } from './phases'
import { serialQueue } from '../platform/serial-queue'

export type { StoreState } from './snapshot'
export type { StoreOp } from './journal'
export type { StoreNotice } from '../../shared/annotations/api'

export interface StoreFiles {
  readonly dataDir: string
  readonly snapshot: string
  readonly journal: string
  readonly lock: string
  readonly snapshotBak: string
  readonly journalBak: string
}

export function storeFiles(dataDir: string): StoreFiles {
  const snapshot = join(dataDir, 'annotations.json')
  const journal = join(dataDir, 'annotations.journal.jsonl')
  return { dataDir, snapshot, journal, lock: join(dataDir, 'annotations.lock'), snapshotBak: `${snapshot}.bak`, journalBak: `${journal}.bak` }
}

export interface StoreOptions {
  readonly dataDir: string
  readonly clock: Clock
  readonly log: Logger
  /** Compact once the journal exceeds max(this, a quarter of the snapshot). Default 256 kB. */
  readonly compactMinBytes?: number
  readonly lockTimeoutMs?: number
  /** Delay before the daily backup (kept off the start-up path); close() runs a pending one at once. Default 5 s. */
  readonly backupDelayMs?: number
  /** Tests only (crash-safety.test.ts): told when a change reaches each point where a crash matters; see phases.ts. */
  readonly onPhase?: PhaseHook
}

/** What a transaction wants written, and what it returns to its caller. */
export interface Plan<T> {
  readonly ops: readonly StoreOp[]
  readonly result: T
}

/** Ids changed by ops (own or another process's), or 'all' after a reload; with the state after. */
export type ChangeListener = (changed: ReadonlySet<string> | 'all', state: StoreState) => void

export interface AnnotationStore {
  readonly files: StoreFiles
  /** The current state, after replaying what other processes appended. Do not keep it across awaits. */
  read(): Promise<StoreState>
  /**
   * Names the current annotations (after replaying what other processes appended), for caches
   * derived from them: the same revision means the same annotations, in any process (it is made of
   * the snapshot's checksum and a hash of the journal bytes replayed). A change, here or elsewhere,
   * gives another one; a compaction may too. Null when read-only (nothing to name).
   */
  revision(): Promise<string | null>
  /** Runs `plan` on the freshest state under the lock; resolves once its ops are durable. */
  transact<T>(plan: (state: StoreState) => Plan<T>): Promise<T>
  notices(): readonly StoreNotice[]
  /** Why writes are refused, or null. */
  readOnly(): string | null
  onChange(listener: ChangeListener): void
  compact(): Promise<void>
  /** Waits for background work (compaction, daily backup). */
  close(): Promise<void>
}

/** Reads a whole file with the identity of exactly what was read (null if missing). */
async function readWithId(path: string): Promise<{ bytes: Buffer; id: FileId } | null> {
  let h
  try {
    h = await open(path, 'r')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
  try {
    const st = await h.stat()
    return { bytes: await h.readFile(), id: idOf(st)! }
  } finally {
    await h.close()
  }
}

export interface Scan {
  readonly snapshot: SnapshotParse | { readonly status: 'missing' }
  readonly snapshotId: FileId | null
  readonly journal: JournalScan | null
  readonly journalId: FileId | null
  /** The journal's bytes as read (its revision hashes those up to `journal.end`). */
  readonly journalBytes: Buffer | null
}

async function scanFiles(files: StoreFiles): Promise<Scan> {
  for (let attempt = 0; ; attempt++) {
    const s = await readWithId(files.snapshot)
    const j = await readWithId(files.journal)
    const snapshot = s ? parseSnapshot(s.bytes) : ({ status: 'missing' } as const)
    const journal = j ? scanJournal(j.bytes, 0, null) : null
    // A compaction between our two reads: the journal is newer than the snapshot we hold. Read again.
    const raced = snapshot.status === 'ok' && journal?.header && journal.header.generation > snapshot.content.generation
    if (!raced || attempt >= 4) return { snapshot, snapshotId: s?.id ?? null, journal, journalId: j?.id ?? null, journalBytes: j?.bytes ?? null }
  }
}

export async function openAnnotationStore(options: StoreOptions): Promise<AnnotationStore> {
  const { clock, log, onPhase } = options
  const files = storeFiles(options.dataDir)
  await mkdir(files.dataDir, { recursive: true })
  const lockOptions = { timeoutMs: options.lockTimeoutMs ?? 15_000 }
  const notices: StoreNotice[] = []
  const listeners: ChangeListener[] = []
  let readOnly: string | null = null
  let state = emptyState()
  let snapshotId: FileId | null = null
  let snapshotBytes = 0
  /** The journal we have replayed: its identity, how far, and its header. */
  let journal: { id: FileId; end: number; generation: number; schemaVersion: number } | null = null
  /** The revision's parts (see `revision`): the snapshot's, and a running hash of the journal's bytes 0…end. */
  let snapshotRevision = 'none'
  let journalHash: Hash | null = null
  const hashOf = (bytes: Uint8Array | string): Hash => createHash('sha256').update(bytes)
  const queue = serialQueue()
  /** Journal entries not yet folded into the snapshot. */
  let pendingEntries = 0
  const appender = journalAppender(files.journal, onPhase && (() => onPhase('journal-written')))
  let backupTimer: NodeJS.Timeout | null = null

  const notify = (changed: ReadonlySet<string> | 'all'): void => {
    if (changed === 'all' || changed.size) for (const l of listeners) l(changed, state)
  }
  /** Serialises everything that reads or mutates the in-memory state or the files. */
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => queue.run(task)
  const locked = <T>(task: () => Promise<T>): Promise<T> => withProcessLock(files.lock, task, lockOptions)

  /** Adopts a clean scan; returns false if it needs the recovery path (under the lock). */
  function adopt(scan: Scan): boolean {
    const s = scan.snapshot
    if (s.status === 'newer' || scan.journal?.newer) {
      const v = s.status === 'newer' ? s.version : scan.journal!.newer
      readOnly = `Annotations were saved by a newer version of Passerelles (schema ${v}); they are left untouched and cannot be changed here.`
      state = emptyState()
      return true
    }
    if (s.status === 'corrupt' || scan.journal?.corrupt || (s.status === 'ok' && s.migratedFrom !== null)) return false
    state = s.status === 'ok' ? stateFrom(s.content) : emptyState()
    snapshotRevision = s.status === 'ok' ? s.content.revision : 'none'
    snapshotId = scan.snapshotId
    snapshotBytes = scan.snapshotId?.size ?? 0
    journal = null
    journalHash = null
    pendingEntries = 0
    if (scan.journal?.header && scan.journalId && scan.journalBytes) {
      const h = scan.journal.header
      journalHash = hashOf(scan.journalBytes.subarray(0, scan.journal.end))
      // A journal older than the snapshot is left over from an interrupted compaction: already included.
      if (h.generation === state.generation) {
        applyOps(state, scan.journal.entries.flat(), new Set())
        pendingEntries = scan.journal.entries.length
      }
      journal = { id: scan.journalId, end: scan.journal.end, generation: h.generation, schemaVersion: h.schemaVersion }
    }
    return true
  }

  async function load(inLock: boolean): Promise<void> {
    const scan = await scanFiles(files)
    if (adopt(scan)) return
    const recover = async (): Promise<void> => {
      const again = await scanFiles(files)
      if (adopt(again)) return
      const outcome = await recoverLocked({ files, clock, log, scan: again })
      notices.push(outcome.notice)
      log.warn(outcome.notice.message)
      if (outcome.readOnly) {
        readOnly = outcome.readOnly
        state = outcome.state
        return
      }
      if (!adopt(await scanFiles(files))) throw new AppFailure('corrupt', 'The annotation store is still unreadable after recovery.')
    }
    await (inLock ? recover() : locked(recover))
  }

  /** Replays what others appended, or reloads after their compaction. */
  async function sync(inLock: boolean): Promise<void> {
    const s = statOrNull(files.snapshot)
    const j = statOrNull(files.journal)
    const jid = idOf(j)
    // Another process started the journal of our snapshot's generation: read it like an append.
    if (!journal && jid && sameFile(idOf(s), snapshotId)) {
      const bytes = await readFrom(files.journal, 0)
      const scan = scanJournal(bytes, 0, null)
      if (!scan.corrupt && !scan.newer && scan.header?.generation === state.generation) {
        journalHash = hashOf(bytes.subarray(0, scan.end))
        const changed = new Set<string>()
        applyOps(state, scan.entries.flat(), changed)
        pendingEntries = scan.entries.length
        journal = { id: jid, end: scan.end, generation: scan.header.generation, schemaVersion: scan.header.schemaVersion }
        notify(changed)
        return
      }
    }
    const replaced = !sameFile(idOf(s), snapshotId) || (jid?.ino ?? null) !== (journal?.id.ino ?? null) || (jid && journal && jid.size < journal.end)
    if (replaced) {
      await load(inLock)
      notify('all')
      return
    }
    if (!jid || !journal || jid.size === journal.end) return
    const appended = await readFrom(files.journal, journal.end)
    const scan = scanJournal(appended, journal.end, journal.schemaVersion)
    if (scan.corrupt) {
      await load(inLock)
      notify('all')
      return
    }
    journalHash?.update(appended.subarray(0, scan.end - journal.end))
    const changed = new Set<string>()
    if (journal.generation === state.generation) {
      applyOps(state, scan.entries.flat(), changed)
      pendingEntries += scan.entries.length
    }
    journal = { ...journal, id: jid, end: scan.end }
    notify(changed)
  }

  async function commit(ops: readonly StoreOp[]): Promise<void> {
    if (!journal || journal.generation !== state.generation) {
      const header = headerLine(state.generation)
      await writeFileAtomic(files.journal, header)
      const j = idOf(statOrNull(files.journal))!
      journal = { id: j, end: j.size, generation: state.generation, schemaVersion: SCHEMA_VERSION }
      journalHash = hashOf(header)
    }
    if (journal.id.size > journal.end) {
      const savedAs = `${files.journal}.torn-${clock.now().toISOString().replace(/[:.]/g, '-')}`
      await cutTornTail(files.journal, journal.end, savedAs)
      log.info(`annotations: cut an unacknowledged torn write from the journal (saved as ${savedAs})`)
    }
    let written: number
    const line = entryLine(clock.now().toISOString(), ops)
    try {
      written = await appender.append(line, journal.id.ino)
    } catch (e) {
      // Not durable, so not acknowledged: take back whatever part of the line reached the file.
      await appender.release()
      await truncateTo(files.journal, journal.end).catch(() => undefined)
      throw new AppFailure('io', `The change could not be saved (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing was changed.`)
    }
    onPhase?.('journal-synced')
    journalHash?.update(line)
    const changed = new Set<string>()
    applyOps(state, ops, changed)
    pendingEntries++
    // The journal's identity is its inode and size (we hold the lock: only we appended).
    const end = journal.end + written
    journal = { ...journal, end, id: { ...journal.id, size: end } }
    notify(changed)
  }

  async function compactLocked(): Promise<void> {
    await sync(true)
    if (readOnly) return
    const generation = state.generation + 1
    await keepCopy(files.snapshot, files.snapshotBak)
    await keepCopy(files.journal, files.journalBak)
    const { text, checksum } = renderSnapshot(generation, state.colorLabels, state.annotations)
    await writeFileAtomic(files.snapshot, text, onPhase && ((step) => onPhase(step === 'written' ? 'snapshot-written' : 'snapshot-synced')))
    onPhase?.('snapshot-renamed')
    const header = headerLine(generation)
    await writeFileAtomic(files.journal, header)
    await appender.release()
    state.generation = generation
    snapshotRevision = checksum
    journalHash = hashOf(header)
    pendingEntries = 0
    snapshotId = idOf(statOrNull(files.snapshot))
    snapshotBytes = snapshotId!.size
    const j = idOf(statOrNull(files.journal))!
    journal = { id: j, end: j.size, generation, schemaVersion: SCHEMA_VERSION }
  }

  function needsCompaction(): boolean {
    return !!journal && journal.end > Math.max(options.compactMinBytes ?? 256 * 1024, snapshotBytes / 4)
  }

  /** Today's backup: a copy of the snapshot when it holds everything, else a fresh serialisation. */
  const backupToday = (): Promise<unknown> =>
    enqueue(async () => {
      if (readOnly) return
      const written = await ensureDailyBackup(files.dataDir, clock.now(), async (path) => {
        if (pendingEntries === 0 && snapshotId) await keepCopy(files.snapshot, path, 'copy')
        else await writeFileAtomic(path, serializeSnapshot(state.generation, state.colorLabels, state.annotations))
      })
      if (written) log.info(`annotations: daily backup ${written}`)
    }).catch((e: unknown) => log.warn('annotations: daily backup failed', e))

  await enqueue(() => load(false))
  backupTimer = setTimeout(() => {
    backupTimer = null
    void backupToday()
  }, options.backupDelayMs ?? 5_000)
  backupTimer.unref()

  const store: AnnotationStore = {
    files,
    read: () => enqueue(async () => (await sync(false), state)),
    revision: () =>
      enqueue(async () => {
        await sync(false)
        if (readOnly) return null
        return hashOf(`${snapshotRevision}\n${journalHash ? journalHash.copy().digest('hex') : 'no journal'}`).digest('hex')
      }),
    async transact(plan) {
      const result = await enqueue(() =>
        locked(async () => {
          await sync(true)
          if (readOnly) throw new AppFailure('read-only', readOnly)
          const p = plan(state)
          if (p.ops.length) await commit(p.ops)
          return p.result
        }),
      )
      if (needsCompaction()) {
        void enqueue(() => locked(compactLocked))
          .then(() => backupToday())
          .catch((e: unknown) => log.warn('annotations: compaction failed (the journal still holds every change)', e))
      }
      return result
    },
    notices: () => notices,
    readOnly: () => readOnly,
    onChange: (l) => void listeners.push(l),
    compact: () => enqueue(() => locked(compactLocked)),
    async close() {
      if (backupTimer) {
        clearTimeout(backupTimer)
        backupTimer = null
        void backupToday()
      }
      void enqueue(() => appender.release())
      await queue.idle()
    },
  }
  return store
}
