/**
 * Re-anchoring every annotation of one document at once, and the migration report built from it.
 * Batch anchoring is both faster and better than one by one: annotations are walked in their old
 * reading order and each one is first looked for where its neighbours went (an insertion before it
 * shifts them all alike), and the fuzzy pass searches near that expected position first.
 */
import { anchorTarget } from './anchor'
import type { AnchorResult, PreparedText } from './anchor'
import type { Annotation, AnchorState, AnnotationTarget, ColorId } from './model'

export interface AnchorItem {
  readonly id: string
  readonly target: AnnotationTarget
}

export function reanchorAll(doc: PreparedText, items: readonly AnchorItem[]): Map<string, AnchorResult> {
  const order = [...items].sort((a, b) => a.target.selector[1].start - b.target.selector[1].start)
  const results = new Map<string, AnchorResult>()
  const shifts: (number | null)[] = []
  let shift = 0
  for (const item of order) {
    const start = item.target.selector[1].start
    const r = anchorTarget(doc, item.target, { expectedStart: start + shift, exactOnly: true })
    if (r && r.status !== 'orphan') {
      shift = r.start - start
      results.set(item.id, r)
      shifts.push(shift)
    } else shifts.push(null)
  }
  order.forEach((item, i) => {
    if (results.has(item.id)) return
    const near = nearestShift(shifts, i)
    results.set(item.id, anchorTarget(doc, item.target, { expectedStart: item.target.selector[1].start + near })!)
  })
  return results
}

/** The shift of the closest resolved annotation before `i` (else after it, else 0). */
function nearestShift(shifts: readonly (number | null)[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (shifts[k] !== null) return shifts[k]!
  for (let k = i + 1; k < shifts.length; k++) if (shifts[k] !== null) return shifts[k]!
  return 0
}

/** Anchoring status of a listed annotation: one of the four, or `note` for a document-level note. */
export type AnchorStatus = AnchorState | 'note'
export const ANCHOR_STATUSES: readonly AnchorStatus[] = ['anchored', 'moved', 'fuzzy', 'orphan', 'note']

export type AnchorView = AnchorResult | { readonly status: 'note' }

export interface AnchorReportItem {
  readonly id: string
  readonly status: AnchorStatus
  readonly color: ColorId
  /** The note, cut to 120 characters. */
  readonly note: string
  /** The quote the annotation was made on ('' for a document-level note). */
  readonly oldQuote: string
  readonly oldStart: number | null
  readonly oldEnd: number | null
  /** Where it is now (null for orphans and notes). */
  readonly quote: string | null
  readonly start: number | null
  readonly end: number | null
  readonly confidence: number | null
}

export interface AnchorReport {
  readonly docId: string
  /** null when the document is no longer in the content pack (every annotation is then an orphan). */
  readonly docVersion: string | null
  readonly counts: Readonly<Record<AnchorStatus, number>>
  readonly items: readonly AnchorReportItem[]
}

export function emptyCounts(): Record<AnchorStatus, number> {
  return { anchored: 0, moved: 0, fuzzy: 0, orphan: 0, note: 0 }
}

export function buildReport(docId: string, docVersion: string | null, entries: readonly { annotation: Annotation; anchor: AnchorView }[]): AnchorReport {
  const counts = emptyCounts()
  const items = entries.map(({ annotation: a, anchor }): AnchorReportItem => {
    counts[anchor.status]++
    const pos = a.target?.selector[1]
    const located = anchor.status !== 'note' && anchor.status !== 'orphan' ? anchor : null
    return {
      id: a.id,
      status: anchor.status,
      color: a.body.color,
      note: a.body.note.length > 120 ? `${a.body.note.slice(0, 119)}…` : a.body.note,
      oldQuote: a.target?.selector[0].exact ?? '',
      oldStart: pos?.start ?? null,
      oldEnd: pos?.end ?? null,
      quote: located?.quote ?? null,
      start: located?.start ?? null,
      end: located?.end ?? null,
      confidence: located ? Number(located.confidence.toFixed(3)) : null,
    }
  })
  return { docId, docVersion, counts, items }
}
