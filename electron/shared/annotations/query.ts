/**
 * Listing annotations: the query (a strict schema, also the contract's payload), and the pure
 * filter-and-sort the service applies. What the filters mean is filter.ts, shared with the export.
 */
import { z } from 'zod'
import { foldForCompare } from '../text/fold'
import { DocIdSchema } from '../content/front-matter'
import { ColorIdSchema, IsoDateTimeSchema, TagSchema } from './model'
import type { Annotation, ColorLabels } from './model'
import { compileFilter } from './filter'
import { ANCHOR_STATUSES } from './reanchor'
import type { AnchorStatus, AnchorView } from './reanchor'

export const ListQuerySchema = z
  .object({
    /** One document; absent = every document (the global view). */
    docId: DocIdSchema.optional(),
    /** Any of these colours. */
    colors: z.array(ColorIdSchema).max(5).optional(),
    /** All of these tags. */
    tags: z.array(TagSchema).max(20).optional(),
    /** Every word in the note, the quote or the tags (typography, case and accents ignored); `couleur:<name>` names colours. */
    text: z.string().max(200).optional(),
    /** Inclusive bounds on `dateField`. */
    from: IsoDateTimeSchema.optional(),
    to: IsoDateTimeSchema.optional(),
    dateField: z.enum(['created', 'modified']).default('created'),
    /** Any of these anchoring statuses (e.g. ['orphan'] for the orphans tab). */
    statuses: z.array(z.enum(ANCHOR_STATUSES as [AnchorStatus, ...AnchorStatus[]])).max(5).optional(),
    /** `position`: reading order (library order, then place in the text). */
    sort: z.enum(['position', 'created', 'modified']).default('position'),
    order: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
export type ListQuery = z.input<typeof ListQuerySchema>
export type ParsedListQuery = z.output<typeof ListQuerySchema>

/** One annotation as the UI shows it: the stored record and where it is in the current text. */
export interface AnnotationView {
  readonly annotation: Annotation
  readonly anchor: AnchorView
}

export interface ListResult {
  readonly items: readonly AnnotationView[]
  /** How many matched before offset/limit. */
  readonly total: number
}

/** Sort key in the text: document-level notes first, then by place, orphans last. */
function place(v: AnnotationView): number {
  const s = v.anchor.status
  if (s === 'note') return -1
  if (s === 'orphan') return Number.MAX_SAFE_INTEGER
  return v.anchor.start
}

/** Filters (filter.ts: the same meaning as the export's) and sorts; `labels` resolve `couleur:` words. */
export function filterAndSort(views: readonly AnnotationView[], q: ParsedListQuery, docRank: (docId: string) => number, labels: ColorLabels): ListResult {
  const statuses = q.statuses?.length ? new Set(q.statuses) : null
  const matches = compileFilter({ ...q, documents: q.docId ? [q.docId] : undefined }, labels)
  const matched = views.filter((v) => {
    if (statuses && !statuses.has(v.anchor.status)) return false
    return matches({ annotation: v.annotation, currentQuote: v.anchor.status === 'fuzzy' || v.anchor.status === 'moved' ? v.anchor.quote : undefined })
  })
  // Decorate once: parsing dates inside the comparator would cost n·log n parses.
  const rows = matched.map((v) => ({
    v,
    rank: q.sort === 'position' ? docRank(v.annotation.document) : 0,
    place: q.sort === 'position' ? place(v) : 0,
    date: Date.parse(v.annotation[q.sort === 'modified' ? 'modified' : 'created']),
  }))
  const sign = q.order === 'asc' ? 1 : -1
  rows.sort((x, y) => sign * (x.rank - y.rank || x.place - y.place || x.date - y.date) || x.v.annotation.id.localeCompare(y.v.annotation.id))
  const sorted = rows.map((r) => r.v)
  const end = q.limit === undefined ? undefined : q.offset + q.limit
  return { items: sorted.slice(q.offset, end), total: sorted.length }
}

export interface TagCount {
  readonly tag: string
  readonly count: number
}

/** Every tag in use, most used first (for autocompletion), optionally those starting with `prefix`. */
export function tagCounts(annotations: Iterable<Annotation>, prefix = ''): TagCount[] {
  const counts = new Map<string, number>()
  const p = foldForCompare(prefix)
  for (const a of annotations) for (const t of a.body.tags) if (!p || foldForCompare(t).startsWith(p)) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((x, y) => y.count - x.count || x.tag.localeCompare(y.tag, 'fr'))
}
