/**
 * The one meaning of an annotation filter, for the side panel and the notes view (`ListQuery`) and
 * for the export (`AnnotationFilter`), so « the current filter » selects the same annotations
 * wherever it is applied:
 *
 *  - documents, colours: any of those listed;
 *  - tags: every tag listed (a filter narrows);
 *  - text: every word, matched in the note, the quote (as stored, as found now when it moved or is
 *    fuzzy, or the detached quote of a document note) and the tags, through the typographic folding
 *    of shared/text/fold.ts (case, accents, œ/oe, apostrophes, dashes, spaces). A word
 *    `couleur:<name>` names colours instead (its id, French or English name, or the reader's label:
 *    colors.ts), as in the search; a name that names no colour matches nothing;
 *  - dates: inclusive; a day (YYYY-MM-DD) is compared with the day written in the date, a
 *    date-time as an instant.
 */
import { colorsNamed } from './colors'
import type { Annotation, ColorId, ColorLabels } from './model'
import { foldForCompare } from '../text/fold'

export interface FilterCriteria {
  readonly documents?: readonly string[]
  readonly colors?: readonly ColorId[]
  readonly tags?: readonly string[]
  readonly text?: string
  readonly from?: string
  readonly to?: string
  readonly dateField?: 'created' | 'modified'
}

/** An annotation, with the quote as found in the current text when it differs from the stored one. */
export type FilterSubject = { readonly annotation: Annotation; readonly currentQuote?: string }

const COLOR_WORD = /^(?:couleur|color):(.+)$/i

function dateTest(bound: string | undefined, field: 'created' | 'modified', after: boolean): ((a: Annotation) => boolean) | null {
  if (!bound) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(bound)) return (a) => (after ? a[field].slice(0, 10) >= bound : a[field].slice(0, 10) <= bound)
  const t = Date.parse(bound)
  return (a) => (after ? Date.parse(a[field]) >= t : Date.parse(a[field]) <= t)
}

const haystacks = new WeakMap<Annotation, string>()
function haystack(a: Annotation): string {
  let h = haystacks.get(a)
  if (h === undefined) {
    h = foldForCompare([a.body.note, a.target?.selector[0].exact ?? a.detachedQuote ?? '', a.body.tags.join(' ')].join('\n'))
    haystacks.set(a, h)
  }
  return h
}

/** Compiles the criteria once (colour names resolved against `labels`); the predicate is then cheap. */
export function compileFilter(c: FilterCriteria, labels: ColorLabels): (s: FilterSubject) => boolean {
  const field = c.dateField ?? 'created'
  const words: string[] = []
  let named: ReadonlySet<ColorId> | null = null
  for (const word of (c.text ?? '').split(/\s+/).filter(Boolean)) {
    const m = COLOR_WORD.exec(word)
    if (m) {
      const these: ReadonlySet<ColorId> = new Set(colorsNamed(m[1]!, labels))
      const before: ReadonlySet<ColorId> | null = named
      named = before === null ? these : new Set<ColorId>([...before].filter((x: ColorId) => these.has(x)))
    } else {
      const w = foldForCompare(word)
      if (w) words.push(w)
    }
  }
  const documents = c.documents?.length ? new Set(c.documents) : null
  const colors = c.colors?.length ? new Set(c.colors) : null
  const tags = c.tags?.map((t) => t.normalize('NFC')) ?? []
  const from = dateTest(c.from, field, true)
  const to = dateTest(c.to, field, false)
  return ({ annotation: a, currentQuote }) => {
    if (documents && !documents.has(a.document)) return false
    if (colors && !colors.has(a.body.color)) return false
    if (named && !named.has(a.body.color)) return false
    if (!tags.every((t) => a.body.tags.includes(t))) return false
    if ((from && !from(a)) || (to && !to(a))) return false
    if (words.length) {
      const h = haystack(a)
      const now = currentQuote !== undefined && currentQuote !== a.target?.selector[0].exact ? foldForCompare(currentQuote) : ''
      if (!words.every((w) => h.includes(w) || now.includes(w))) return false
    }
    return true
  }
}
