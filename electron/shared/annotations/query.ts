/**
 * Listing annotations: the query (a strict schema, also the contract's payload), and the pure
 * filter-and-sort the service applies. Text search ignores case and accents and looks in the note,
 * the quotes (as made and as found now) and the tags.
 */
import { z } from 'zod'
import { DocIdSchema } from '../content/front-matter'
import { ColorIdSchema, IsoDateTimeSchema, TagSchema } from './model'
import type { Annotation } from './model'
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
    /** Words to find in the note, the quote or the tags (case and accents ignored). */
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

/** Lower case, accents removed, spaces collapsed. */
export function searchable(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ')
}

const haystacks = new WeakMap<Annotation, string>()
function haystack(v: AnnotationView): string {
  let h = haystacks.get(v.annotation)
  if (h === undefined) {
    const a = v.annotation
    h = searchable([a.body.note, a.target?.selector[0].exact ?? a.detachedQuote ?? '', a.body.tags.join(' ')].join('\n'))
    haystacks.set(a, h)
  }
  const now = v.anchor.status === 'fuzzy' || v.anchor.status === 'moved' ? searchable(v.anchor.quote) : ''
  return now ? `${h}\n${now}` : h
}

/** Sort key in the text: document-level notes first, then by place, orphans last. */
function place(v: AnnotationView): number {
  const s = v.anchor.status
  if (s === 'note') return -1
  if (s === 'orphan') return Number.MAX_SAFE_INTEGER
  return v.anchor.start
}

export function filterAndSort(views: readonly AnnotationView[], q: ParsedListQuery, docRank: (docId: string) => number): ListResult {
  const words = q.text ? searchable(q.text).split(' ').filter(Boolean) : []
  const colors = q.colors?.length ? new Set(q.colors) : null
  const statuses = q.statuses?.length ? new Set(q.statuses) : null
  const from = q.from ? Date.parse(q.from) : -Infinity
  const to = q.to ? Date.parse(q.to) : Infinity
  const matched = views.filter((v) => {
    const a = v.annotation
    if (q.docId && a.document !== q.docId) return false
    if (colors && !colors.has(a.body.color)) return false
    if (statuses && !statuses.has(v.anchor.status)) return false
    if (q.tags?.length && !q.tags.every((t) => a.body.tags.includes(t.normalize('NFC')))) return false
    const when = Date.parse(a[q.dateField])
    if (when < from || when > to) return false
    if (words.length) {
      const h = haystack(v)
      if (!words.every((w) => h.includes(w))) return false
    }
    return true
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
  const p = searchable(prefix)
  for (const a of annotations) for (const t of a.body.tags) if (!p || searchable(t).startsWith(p)) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((x, y) => y.count - x.count || x.tag.localeCompare(y.tag, 'fr'))
}
