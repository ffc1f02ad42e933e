/**
 * Import of every file Passerelles writes — the « JSON W3C » export (and older versions' JSON), a
 * Markdown export (its data comments), a store file (a backup, a moved-aside snapshot, another
 * machine's annotations.json) — and of W3C JSON written by other tools. All or nothing: every item
 * is read and placed (w3c/place.ts) before anything is kept, and one item that cannot be imported
 * rejects the file with the list of those items and their reasons. Merging is by id: a new id is
 * added, a known id is replaced only by a later `modified`.
 */
import { AnnotationStoreFileSchema, DEFAULT_COLOR_LABELS } from '../../shared/annotations/model'
import type { Annotation, ColorLabels } from '../../shared/annotations/model'
import { readW3c } from '../../shared/annotations/w3c/read'
import type { ItemProblem, ReadItem } from '../../shared/annotations/w3c/read'
import { placeAll } from '../../shared/annotations/w3c/place'
import type { Placement, PlacementLibrary } from '../../shared/annotations/w3c/place'
import { describeIssues } from '../../shared/api/bind'
import { AppFailure } from '../../shared/result'
import type { ImportReport } from '../../shared/annotations/api'
import { importMarkdown } from '../../shared/export/import-markdown'
import { exportStrings } from '../../shared/export/strings'
import { migrateFile, versionOf } from './migrations'
import type { Plan, StoreOp, StoreState } from './annotation-store'

/** What a file holds, read but not yet placed. */
export interface ReadFile {
  readonly items: readonly ReadItem[]
  readonly problems: readonly ItemProblem[]
  readonly colorLabels: ColorLabels | null
}

/** Ready to merge: each annotation once (the latest `modified` of a repeated id), with how it was placed. */
export interface Incoming {
  readonly annotations: readonly Annotation[]
  readonly placement: ReadonlyMap<string, Placement>
  readonly colorLabels: ColorLabels | null
}

const ready = (annotations: readonly Annotation[]): ReadItem[] => annotations.map((annotation, index) => ({ kind: 'ready', index, annotation }))
const nothing = (why: string): AppFailure => new AppFailure('corrupt', `Nothing imported: ${why}`)

/** The first line of a CSV export (either language, either delimiter). */
function isCsvExport(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  return (['fr', 'en'] as const).some((l) => [',', ';'].some((d) => first === exportStrings(l).csvHeaders.join(d)))
}

/** Reads an import file's text; throws AppFailure('corrupt') with the reason, having changed nothing. */
export function readImport(text: string): ReadFile {
  if (isCsvExport(text)) {
    throw nothing('a CSV export is for spreadsheets and cannot be imported back (it does not keep the passages’ positions). Import the Markdown or « JSON W3C » export instead.')
  }
  // A Markdown export (front matter or text first) carries its annotations in data comments.
  const first = text.replace(/^\uFEFF/, '').trimStart()[0]
  if (first !== undefined && first !== '{' && first !== '[') {
    const md = importMarkdown(text)
    if (!md.ok) throw nothing(md.error.message)
    return { items: ready(md.value.annotations), problems: [], colorLabels: null }
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw nothing(`the file is not JSON (${(e as Error).message}).`)
  }
  if (versionOf(json) !== null) {
    const m = migrateFile(json)
    if (m.status === 'newer') throw nothing(`the file comes from a newer version of Passerelles (schema ${m.version}).`)
    const parsed = m.status === 'invalid' ? null : AnnotationStoreFileSchema.safeParse(m.raw)
    if (!parsed?.success) throw nothing(`not a valid Passerelles annotation file (${parsed ? describeIssues(parsed.error) : 'no schema version'}).`)
    return { items: ready(parsed.data.annotations), problems: [], colorLabels: parsed.data.colorLabels }
  }
  const w = readW3c(json)
  if (!w.ok) throw nothing(w.message)
  return w
}

const MAX_LISTED = 50

/** Places what needs placing against the library; throws with every item that cannot be imported. */
export function resolveImport(file: ReadFile, library: PlacementLibrary): Incoming {
  const { placed, problems: unplaced } = placeAll(file.items, library)
  const problems = [...file.problems, ...unplaced].sort((a, b) => a.index - b.index)
  if (problems.length) {
    const total = file.items.length + file.problems.length
    const listed = problems.slice(0, MAX_LISTED).map((p) => `item ${p.index}${p.id ? ` (${p.id})` : ''}: ${p.reason}`)
    const more = problems.length > MAX_LISTED ? ` | and ${problems.length - MAX_LISTED} more` : ''
    throw nothing(`${problems.length} of ${total} annotation(s) cannot be imported. ${listed.join(' | ')}${more}`)
  }
  const byId = new Map<string, { annotation: Annotation; placement: Placement }>()
  for (const p of placed) {
    const prev = byId.get(p.annotation.id)
    if (!prev || Date.parse(p.annotation.modified) > Date.parse(prev.annotation.modified)) byId.set(p.annotation.id, p)
  }
  const annotations = [...byId.values()].map((p) => p.annotation)
  return { annotations, placement: new Map([...byId].map(([id, p]) => [id, p.placement])), colorLabels: file.colorLabels }
}

const sameLabels = (a: ColorLabels, b: ColorLabels): boolean => (Object.keys(a) as (keyof ColorLabels)[]).every((k) => a[k] === b[k])

export type MergeCounts = Omit<ImportReport, 'items'>

/** The transaction that merges `incoming` into the freshest state. */
export function mergePlan(incoming: Incoming): (state: StoreState) => Plan<MergeCounts> {
  return (state) => {
    const ops: StoreOp[] = []
    let added = 0
    let updated = 0
    for (const a of incoming.annotations) {
      const existing = state.annotations.get(a.id)
      if (!existing) added++
      else if (Date.parse(a.modified) > Date.parse(existing.modified)) updated++
      else continue
      ops.push({ op: 'put', annotation: a })
    }
    let labels: ImportReport['labels'] = 'none'
    if (incoming.colorLabels && !sameLabels(incoming.colorLabels, state.colorLabels)) {
      labels = sameLabels(state.colorLabels, DEFAULT_COLOR_LABELS) ? 'imported' : 'kept'
      if (labels === 'imported') ops.push({ op: 'labels', colorLabels: incoming.colorLabels })
    }
    const total = incoming.annotations.length
    return { ops, result: { total, added, updated, unchanged: total - added - updated, labels } }
  }
}
