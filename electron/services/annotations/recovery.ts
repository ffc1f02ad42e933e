/**
 * What the store does, under its lock, when its files cannot simply be loaded:
 *
 * - Corrupt snapshot (truncated, empty, garbage, invalid): moved aside (`.corrupt-<time>`, never
 *   overwritten), then the last good copy restored — the previous snapshot and journal kept by the
 *   last compaction (exact: no acknowledged change lost), else the newest valid daily backup — and
 *   the current journal's valid lines replayed on top.
 * - Corrupt journal: moved aside; its valid lines before the damage are kept.
 * - Older schema: the original kept in annotations-backups/, the migrated data written.
 *
 * The user is told through a notice (AnnotationStore.notices, the `annotations.status` API, the
 * CLI's stderr). If the bad files cannot even be moved aside, nothing is written: read-only.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { SCHEMA_VERSION } from '../../shared/annotations/model'
import { writeFileAtomic } from '../platform/atomic-file'
import { moveAside } from '../platform/json-file'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'
import { BACKUP_DIR, keepCopy, listDailyBackups } from './backups'
import { headerLine, scanJournal } from './journal'
import type { StoreOp } from './journal'
import { migrationSummary } from './migrations'
import { applyOps, emptyState, parseSnapshot, serializeSnapshot, stateFrom } from './snapshot'
import type { SnapshotContent, StoreState } from './snapshot'
import type { Scan, StoreFiles } from './annotation-store'
import type { StoreNotice } from '../../shared/annotations/api'


export interface RecoveryOutcome {
  readonly notice: StoreNotice
  readonly readOnly: string | null
  readonly state: StoreState
}

interface GoodCopy {
  readonly base: SnapshotContent
  readonly from: string
  readonly entries: readonly (readonly StoreOp[])[]
}

async function readSnapshotAt(path: string): Promise<SnapshotContent | null> {
  const bytes = await readFile(path).catch(() => null)
  const parsed = bytes ? parseSnapshot(bytes) : null
  return parsed?.status === 'ok' ? parsed.content : null
}

/** The previous snapshot + its journal (exact), else the newest readable daily backup. */
async function lastGoodCopy(files: StoreFiles): Promise<GoodCopy | null> {
  const bak = await readSnapshotAt(files.snapshotBak)
  if (bak) {
    const j = await readFile(files.journalBak).catch(() => null)
    const scan = j ? scanJournal(j, 0, null) : null
    return { base: bak, from: `${basename(files.snapshotBak)} + ${basename(files.journalBak)}`, entries: scan?.entries ?? [] }
  }
  for (const path of await listDailyBackups(files.dataDir)) {
    const content = await readSnapshotAt(path)
    if (content) return { base: content, from: join(BACKUP_DIR, basename(path)), entries: [] }
  }
  return null
}

export async function recoverLocked(input: { files: StoreFiles; clock: Clock; log: Logger; scan: Scan }): Promise<RecoveryOutcome> {
  const { files, clock, scan } = input
  const now = clock.now()
  const moved: string[] = []
  const reasons: string[] = []
  let base: SnapshotContent | null = null
  let restoredFrom: string | null = null
  let entries: (readonly StoreOp[])[] = []
  let migratedFrom: number | null = null
  const s = scan.snapshot
  const j = scan.journal
  try {
    if (s.status === 'corrupt') {
      reasons.push(`${basename(files.snapshot)}: ${s.reason}`)
      moved.push(await moveAside(files.snapshot, now))
      const good = await lastGoodCopy(files)
      if (good) {
        base = good.base
        restoredFrom = good.from
        entries = [...good.entries]
      }
    } else if (s.status === 'ok') {
      base = s.content
      if (s.migratedFrom !== null) {
        migratedFrom = s.migratedFrom
        await mkdir(join(files.dataDir, BACKUP_DIR), { recursive: true })
        await keepCopy(files.snapshot, join(files.dataDir, BACKUP_DIR, `annotations.schema-${migratedFrom}.json`))
      }
    }
    if (j?.corrupt) {
      reasons.push(`${basename(files.journal)}: ${j.corrupt}`)
      moved.push(await moveAside(files.journal, now))
    }
  } catch (e) {
    const message = `The annotation files could not be repaired (${(e as Error).message}); they are left untouched and annotations cannot be changed until this is fixed.`
    return { readOnly: message, state: emptyState(), notice: { kind: 'read-only', at: now.toISOString(), message, movedAside: moved, restoredFrom: null, annotationCount: 0 } }
  }
  // The journal's valid lines, unless they predate a good snapshot (left over from an interrupted compaction).
  const staleJournal = s.status === 'ok' && !!j?.header && j.header.generation < s.content.generation
  if (j && !staleJournal) entries = [...entries, ...j.entries]
  const state = base ? stateFrom(base) : emptyState()
  applyOps(state, entries.flat(), new Set())
  state.generation = Math.max(state.generation, j?.header?.generation ?? 0) + 1
  await writeFileAtomic(files.snapshot, serializeSnapshot(state.generation, state.colorLabels, state.annotations))
  await writeFileAtomic(files.journal, headerLine(state.generation))

  const count = state.annotations.size
  const at = now.toISOString()
  if (!reasons.length && migratedFrom !== null) {
    const message = `Annotations upgraded from schema ${migratedFrom} to ${SCHEMA_VERSION} (${migrationSummary(migratedFrom)}); the original file is kept in ${BACKUP_DIR}/annotations.schema-${migratedFrom}.json.`
    return { readOnly: null, state, notice: { kind: 'migrated', at, message, movedAside: [], restoredFrom: null, annotationCount: count } }
  }
  const restored = restoredFrom
    ? `the last good copy was restored from ${restoredFrom}`
    : s.status === 'corrupt'
      ? 'no good copy was found, so only the changes still in the journal were recovered'
      : 'the valid part was kept'
  const message = `Unreadable annotation data (${reasons.join('; ')}): moved aside to ${moved.map((m) => basename(m)).join(', ')}; ${restored}. ${count} annotation(s) now.`
  return { readOnly: null, state, notice: { kind: 'recovered', at, message, movedAside: moved, restoredFrom, annotationCount: count } }
}
