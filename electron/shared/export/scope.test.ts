import { describe, expect, it } from 'vitest'
import { DEFAULT_COLOR_LABELS } from '../annotations/model'
import { filterAndSort, ListQuerySchema } from '../annotations/query'
import type { AnnotationView } from '../annotations/query'
import { applyScope, matchesFilter } from './scope'
import type { AnnotationFilter } from './types'
import { fixtureAnnotations } from './testing/fixture'

const { annotations } = fixtureAnnotations()
const L = DEFAULT_COLOR_LABELS
const ids = (xs: ReadonlyArray<{ id: string }>): string[] => xs.map((a) => a.id.slice(0, 8))

describe('applyScope', () => {
  it('takes all, one document, or the current filter', () => {
    expect(applyScope(annotations, { kind: 'all' }, L)).toHaveLength(annotations.length)
    expect(ids(applyScope(annotations, { kind: 'document', documentId: 'cas-framasoft' }, L))).toEqual(['00000067', '00000001'])
  })

  it('combines facets with AND: any colour listed, every tag listed', () => {
    const f = applyScope(annotations, { kind: 'filter', filter: { tags: ['licences'], colors: ['blue', 'green'] } }, L)
    expect(f.length).toBeGreaterThan(0)
    expect(f.every((a) => a.body.tags.includes('licences') && ['blue', 'green'].includes(a.body.color))).toBe(true)
    expect(applyScope(annotations, { kind: 'filter', filter: { tags: ['licences', 'chatons'] } }, L)).toEqual([])
  })

  it('matches text in quotes, notes and tags, ignoring case and accents', () => {
    const only = (text: string): string[] => ids(applyScope(annotations, { kind: 'filter', filter: { text } }, L))
    expect(only('PREFIXE EN COLLISION')).toEqual(['00000001'])
    expect(only('framasoft a lance')).toEqual(['00000067'])
    expect(only('a-relire')).toEqual(['00000065'])
    expect(only('   ')).toHaveLength(annotations.length)
  })

  it('keeps creation days within an inclusive range', () => {
    const a = annotations[0]!
    expect(matchesFilter(a, { from: '2026-11-01', to: '2026-11-01' }, L)).toBe(true)
    expect(matchesFilter(a, { from: '2026-11-02' }, L)).toBe(false)
    expect(matchesFilter(a, { to: '2026-10-31' }, L)).toBe(false)
  })

  it('restricts to the listed documents', () => {
    expect(applyScope(annotations, { kind: 'filter', filter: { documents: ['document-supprime'] } }, L)).toHaveLength(1)
  })
})

describe('one filter semantics for the panel, the notes view and the export', () => {
  const views: AnnotationView[] = annotations.map((annotation) => ({ annotation, anchor: annotation.target ? { status: 'orphan', oldQuote: '', reason: 'no-match', bestScore: 0 } : { status: 'note' } }))
  const panel = (f: AnnotationFilter): string[] => {
    const q = ListQuerySchema.parse({ colors: f.colors, tags: f.tags, text: f.text, ...(f.documents?.length === 1 ? { docId: f.documents[0] } : {}) })
    return filterAndSort(views, q, () => 0, L).items.map((v) => v.annotation.id).sort()
  }
  const exported = (f: AnnotationFilter): string[] => applyScope(annotations, { kind: 'filter', filter: f }, L).map((a) => a.id).sort()
  it.each<AnnotationFilter>([
    { tags: ['licences'] },
    { tags: ['communs', 'gouvernance'] },
    { colors: ['blue', 'green'] },
    { text: 'framasoft lance' },
    { text: 'couleur:question' },
    { text: 'couleur:bleu licence' },
    { text: 'couleur:jaune' },
    { documents: ['cahier-01-pourquoi-ce-cahier'], text: 'a-relire' },
  ])('selects the same annotations for %j', (f) => {
    expect(exported(f).length).toBeGreaterThan(0)
    expect(exported(f)).toEqual(panel(f))
  })
})

describe('ExportRequestSchema', () => {
  it('fills every default and refuses what it does not know', async () => {
    const { ExportRequestSchema, DEFAULT_EXPORT_OPTIONS } = await import('./index')
    expect(ExportRequestSchema.parse({})).toEqual({ format: 'md', scope: { kind: 'all' }, options: DEFAULT_EXPORT_OPTIONS })
    expect(ExportRequestSchema.parse({ options: { grouping: 'tag', include: { dates: false } } }).options.include).toEqual({ ...DEFAULT_EXPORT_OPTIONS.include, dates: false })
    for (const bad of [{ format: 'pdf' }, { options: { evil: 1 } }, { scope: { kind: 'document', documentId: '../x' } }, { scope: { kind: 'filter', filter: { colors: ['red'] } } }]) {
      expect(ExportRequestSchema.safeParse(bad).success).toBe(false)
    }
  })
})
