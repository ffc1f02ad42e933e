/**
 * Export to W3C JSON-LD, and import of W3C JSON-LD or of Passerelles' own store files (a backup, a
 * moved-aside snapshot, another machine's annotations.json). Import is all-or-nothing and merges by
 * id: a new id is added, a known id is replaced only by a later `modified`.
 */
import { AnnotationStoreFileSchema, DEFAULT_COLOR_LABELS } from '../../shared/annotations/model'
import type { Annotation, ColorLabels } from '../../shared/annotations/model'
import { fromW3c } from '../../shared/annotations/w3c'
import { describeIssues } from '../../shared/api/bind'
import { AppFailure } from '../../shared/result'
import type { ImportReport } from '../../shared/annotations/api'
import { importMarkdown } from '../../shared/export/import-markdown'
import { migrateFile, versionOf } from './migrations'
import type { Plan, StoreOp, StoreState } from './annotation-store'


export interface Incoming {
  readonly annotations: readonly Annotation[]
  readonly colorLabels: ColorLabels | null
}

/** Parses an import file's text; throws AppFailure('corrupt') with the reason, having changed nothing. */
export function parseImport(text: string): Incoming {
  // A Markdown export (front matter or text first) carries its annotations in data comments.
  const first = text.replace(/^\uFEFF/, '').trimStart()[0]
  if (first !== undefined && first !== '{' && first !== '[') {
    const md = importMarkdown(text)
    if (!md.ok) throw new AppFailure('corrupt', `Nothing imported: ${md.error.message}`)
    return { annotations: md.value.annotations, colorLabels: null }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new AppFailure('corrupt', `Nothing imported: the file is not JSON (${(e as Error).message}).`)
  }
  if (versionOf(json) !== null) {
    const m = migrateFile(json)
    if (m.status === 'newer') throw new AppFailure('corrupt', `Nothing imported: the file comes from a newer version of Passerelles (schema ${m.version}).`)
    const parsed = m.status === 'invalid' ? null : AnnotationStoreFileSchema.safeParse(m.raw)
    if (!parsed?.success) throw new AppFailure('corrupt', `Nothing imported: not a valid Passerelles annotation file (${parsed ? describeIssues(parsed.error) : 'no schema version'}).`)
    return { annotations: parsed.data.annotations, colorLabels: parsed.data.colorLabels }
  }
  const w = fromW3c(json)
  if (!w.ok) throw new AppFailure('corrupt', w.message)
  return w
}

const sameLabels = (a: ColorLabels, b: ColorLabels): boolean => (Object.keys(a) as (keyof ColorLabels)[]).every((k) => a[k] === b[k])

/** The transaction that merges `incoming` into the freshest state. */
export function mergePlan(incoming: Incoming): (state: StoreState) => Plan<ImportReport> {
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
