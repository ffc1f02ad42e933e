/**
 * Upgrades stored annotation data written by older versions. A migration is a pure function on
 * the raw (not yet validated) JSON, one schema version at a time; the result is then validated
 * against the current schema like any other input. Data from a NEWER version is never rewritten:
 * the store opens it read-only (see annotation-store.ts).
 */
import { DEFAULT_COLOR_LABELS, SCHEMA_VERSION } from '../../shared/annotations/model'

type Raw = Record<string, unknown>

interface Migration {
  readonly from: number
  readonly what: string
  /** The whole store file. */
  readonly file: (raw: Raw) => Raw
  /** One annotation (also applied to annotations in an older journal). */
  readonly annotation: (raw: unknown) => unknown
}

const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    what: 'colour labels stored with the annotations; compaction generation',
    file: (raw) => ({ ...raw, schemaVersion: 2, generation: 0, colorLabels: { ...DEFAULT_COLOR_LABELS } }),
    annotation: (a) => a,
  },
]

export type Migrated =
  | { readonly status: 'current' | 'migrated'; readonly raw: Raw; readonly from: number }
  | { readonly status: 'newer'; readonly version: number }
  | { readonly status: 'invalid'; readonly reason: string }

export function versionOf(raw: unknown): number | null {
  const v = (raw as Raw | null)?.schemaVersion
  return typeof raw === 'object' && raw !== null && Number.isInteger(v) ? (v as number) : null
}

export function migrateFile(raw: unknown): Migrated {
  const from = versionOf(raw)
  if (from === null || from < 1) return { status: 'invalid', reason: 'no schemaVersion' }
  if (from > SCHEMA_VERSION) return { status: 'newer', version: from }
  let out = raw as Raw
  for (const m of MIGRATIONS) if (m.from >= from && m.from < SCHEMA_VERSION) out = m.file(out)
  return { status: from === SCHEMA_VERSION ? 'current' : 'migrated', raw: out, from }
}

export function migrateAnnotation(raw: unknown, from: number): unknown {
  let out = raw
  for (const m of MIGRATIONS) if (m.from >= from && m.from < SCHEMA_VERSION) out = m.annotation(out)
  return out
}

/** What each migration does, for the notice shown after an upgrade. */
export function migrationSummary(from: number): string {
  return MIGRATIONS.filter((m) => m.from >= from && m.from < SCHEMA_VERSION).map((m) => `${m.from}→${m.from + 1}: ${m.what}`).join('; ')
}
