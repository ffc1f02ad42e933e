import { describe, expect, it } from 'vitest'
import { DEFAULT_COLOR_LABELS } from '../annotations/model'
import { applyScope, matchesFilter, resolveColor } from './scope'
import { fixtureAnnotations } from './testing/fixture'

const { annotations } = fixtureAnnotations()
const ids = (xs: ReadonlyArray<{ id: string }>): string[] => xs.map((a) => a.id.slice(0, 8))

describe('applyScope', () => {
  it('takes all, one document, or the current filter', () => {
    expect(applyScope(annotations, { kind: 'all' })).toHaveLength(annotations.length)
    expect(ids(applyScope(annotations, { kind: 'document', documentId: 'cas-framasoft' }))).toEqual(['00000067', '00000001'])
  })

  it('combines facets with AND, values within a facet with OR', () => {
    const f = applyScope(annotations, { kind: 'filter', filter: { tags: ['licences', 'chatons'], colors: ['blue', 'green'] } })
    expect(f.every((a) => (a.body.tags.includes('licences') || a.body.tags.includes('chatons')) && ['blue', 'green'].includes(a.body.color))).toBe(true)
    expect(ids(f)).toEqual(['00000002', '00000008', '00000067'])
  })

  it('matches text in quotes, notes and tags, ignoring case and accents', () => {
    const only = (text: string): string[] => ids(applyScope(annotations, { kind: 'filter', filter: { text } }))
    expect(only('PREFIXE EN COLLISION')).toEqual(['00000001'])
    expect(only('framasoft a lance')).toEqual(['00000067'])
    expect(only('a-relire')).toEqual(['00000065'])
    expect(only('   ')).toHaveLength(annotations.length)
  })

  it('keeps creation days within an inclusive range', () => {
    const a = annotations[0]!
    expect(matchesFilter(a, { from: '2026-11-01', to: '2026-11-01' })).toBe(true)
    expect(matchesFilter(a, { from: '2026-11-02' })).toBe(false)
    expect(matchesFilter(a, { to: '2026-10-31' })).toBe(false)
  })

  it('restricts to the listed documents', () => {
    expect(applyScope(annotations, { kind: 'filter', filter: { documents: ['document-supprime'] } })).toHaveLength(1)
  })
})

describe('resolveColor', () => {
  it('accepts a colour id or a label, ignoring case and accents', () => {
    expect(resolveColor('blue', DEFAULT_COLOR_LABELS)).toBe('blue')
    expect(resolveColor('question', DEFAULT_COLOR_LABELS)).toBe('blue')
    expect(resolveColor(' a verifier ', DEFAULT_COLOR_LABELS)).toBe('orange')
    expect(resolveColor('rouge', DEFAULT_COLOR_LABELS)).toBeUndefined()
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
