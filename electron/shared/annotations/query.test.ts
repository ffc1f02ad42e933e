import { describe, expect, it } from 'vitest'
import { filterAndSort, ListQuerySchema, tagCounts } from './query'
import type { AnnotationView, ListQuery } from './query'
import { newAnnotation, detached } from './operations'
import { DEFAULT_COLOR_LABELS } from './model'
import type { Annotation, ColorId } from './model'
import type { AnchorView } from './reanchor'
import { BASE } from './anchor-fixture'

const doc = { version: 'c'.repeat(64), text: BASE }
let n = 0
function view(docId: string, start: number, opts: { color?: ColorId; tags?: string[]; note?: string; day?: number; anchor?: 'orphan' | 'note' } = {}): AnnotationView {
  n++
  const made = newAnnotation({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    now: `2026-11-${String(opts.day ?? 10).padStart(2, '0')}T10:00:00.000Z`,
    docId, doc, start, end: start + 20, color: opts.color ?? 'yellow', note: opts.note ?? '', tags: opts.tags ?? [],
  })
  if (!made.ok) throw new Error(made.message)
  let a: Annotation = made.annotation
  let anchor: AnchorView = { status: 'anchored', start, end: start + 20, quote: a.target!.selector[0].exact, oldQuote: a.target!.selector[0].exact, confidence: 1 }
  if (opts.anchor === 'orphan') anchor = { status: 'orphan', oldQuote: a.target!.selector[0].exact, reason: 'no-match', bestScore: 0 }
  if (opts.anchor === 'note') {
    const d = detached(a, a.modified)
    if (!d.ok) throw new Error(d.message)
    a = d.annotation
    anchor = { status: 'note' }
  }
  return { annotation: a, anchor }
}

const views = [
  view('doc-b', 300, { color: 'blue', tags: ['ess', 'gouvernance'], note: 'Voir l’Économie des communs, au cœur du sujet', day: 12 }),
  view('doc-a', 500, { color: 'yellow', tags: ['ess'], day: 11 }),
  view('doc-a', 100, { color: 'green', note: 'exemple à citer', day: 20 }),
  view('doc-a', 200, { anchor: 'orphan', day: 5 }),
  view('doc-a', 50, { anchor: 'note', note: 'Une remarque générale', day: 6 }),
]
const rank = (id: string): number => ['doc-a', 'doc-b'].indexOf(id)
const ids = (q: ListQuery): number[] => filterAndSort(views, ListQuerySchema.parse(q), rank, DEFAULT_COLOR_LABELS).items.map((v) => views.indexOf(v))

describe('listing annotations', () => {
  it('reading order: library order, then document-level notes, then place in the text, orphans last', () => {
    expect(ids({})).toEqual([4, 2, 1, 3, 0])
    expect(ids({ order: 'desc' })).toEqual([0, 3, 1, 2, 4])
  })
  it('by date', () => {
    expect(ids({ sort: 'created' })).toEqual([3, 4, 1, 0, 2])
  })
  it.each<[string, ListQuery, number[]]>([
    ['one document', { docId: 'doc-b' }, [0]],
    ['colours (any of)', { colors: ['blue', 'green'] }, [2, 0]],
    ['tags (all of)', { tags: ['ess', 'gouvernance'] }, [0]],
    ['a tag', { tags: ['ess'] }, [1, 0]],
    ['text, ignoring case and accents, in notes', { text: 'economie COMMUNS' }, [0]],
    ['text in tags', { text: 'gouvern' }, [0]],
    ['text in the quote', { text: views[2]!.annotation.target!.selector[0].exact.slice(2, 12) }, [2]],
    ['text in a detached quote', { text: views[4]!.annotation.detachedQuote!.slice(0, 10) }, [4]],
    ['a date range', { from: '2026-11-06T00:00:00Z', to: '2026-11-12T23:59:59Z' }, [4, 1, 0]],
    ['statuses', { statuses: ['orphan', 'note'] }, [4, 3]],
    ['text with « oe » for « œ » and a straight apostrophe', { text: "l'economie" }, [0]],
    ['« coeur » for « cœur »', { text: 'COEUR' }, [0]],
    ['a colour by its French name', { text: 'couleur:bleue' }, [0]],
    ['a colour by its label, with words', { text: 'couleur:exemple citer' }, [2]],
    ['a colour by its id', { text: 'couleur:green' }, [2]],
    ['a name that is no colour: nothing', { text: 'couleur:fuchsia' }, []],
  ])('filters by %s', (_name, q, expected) => {
    expect(ids(q)).toEqual(expected)
  })
  it('pages with offset and limit and counts the total', () => {
    const r = filterAndSort(views, ListQuerySchema.parse({ offset: 1, limit: 2 }), rank, DEFAULT_COLOR_LABELS)
    expect(r.total).toBe(5)
    expect(r.items.map((v) => views.indexOf(v))).toEqual([2, 1])
  })
  it('refuses unknown fields and bad values', () => {
    expect(ListQuerySchema.safeParse({ colour: 'blue' }).success).toBe(false)
    expect(ListQuerySchema.safeParse({ colors: ['red'] }).success).toBe(false)
    expect(ListQuerySchema.safeParse({ from: 'yesterday' }).success).toBe(false)
  })
  it('counts tags for autocompletion, most used first, by accent-insensitive prefix', () => {
    const all = views.map((v) => v.annotation)
    expect(tagCounts(all)).toEqual([{ tag: 'ess', count: 2 }, { tag: 'gouvernance', count: 1 }])
    expect(tagCounts(all, 'GOU')).toEqual([{ tag: 'gouvernance', count: 1 }])
  })
})
