import fc from 'fast-check'
import { Lexer } from 'marked'
import { describe, expect, it } from 'vitest'
import { AnnotationSchema, DEFAULT_COLOR_LABELS } from '../annotations/model'
import type { Annotation } from '../annotations/model'
import { exportAnnotations, exportPerDocument } from './index'
import { importMarkdown } from './import-markdown'
import { exportSetArbitrary } from './testing/arbitraries'
import { fixtureInput } from './testing/fixture'
import { inspectExport } from './testing/inspect'
import type { ExportInput, ExportOptionsInput, Grouping } from './types'
import { readW3c } from '../annotations/w3c/read'
import type { W3cRead } from '../annotations/w3c/read'

const byId = (xs: readonly Annotation[]): Annotation[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1))

function inputOf(annotations: Annotation[], states = new Map()): ExportInput {
  const docs = [...new Set(annotations.map((a) => a.document))].map((id) => ({ id, title: `Titre de ${id}`, sections: [] }))
  return {
    annotations,
    states,
    documents: docs,
    colorLabels: DEFAULT_COLOR_LABELS,
    meta: { title: 'Sauvegarde', exported: '2026-11-28T18:00:00.000Z', app: { name: 'Passerelles', version: '0.1.0' }, scope: { kind: 'all' } },
  }
}

function importedFrom(md: string): Annotation[] {
  const r = importMarkdown(md)
  if (!r.ok) throw new Error(r.error.message)
  expect(r.value.warnings).toEqual([])
  return [...r.value.annotations]
}

describe('Markdown round trip (export → import)', () => {
  // One sample of exactly 1,000 generated annotations, hostile strings included, in every grouping
  // and with display options that hide everything: the data comments alone carry the annotations.
  const thousand = fc.sample(exportSetArbitrary(1000, 1000), { numRuns: 1, seed: 20261128 })[0]!
  const cases: ReadonlyArray<readonly [Grouping, ExportOptionsInput]> = [
    ['document', {}],
    ['color', { callouts: true }],
    ['tag', { include: { quotes: false, notes: false, tags: false, labels: false, dates: false, links: false } }],
  ]

  it('generates 1,000 distinct, schema-valid annotations', () => {
    expect(thousand.annotations).toHaveLength(1000)
    for (const a of thousand.annotations) expect(AnnotationSchema.parse(a)).toEqual(a)
  })

  it.each(cases)('restores exactly the 1,000 exported annotations (grouping %s)', (grouping, options) => {
    const md = exportAnnotations('md', inputOf(thousand.annotations, thousand.states), { ...options, grouping }).content
    expect(byId(importedFrom(md))).toEqual(byId(thousand.annotations))
    const s = inspectExport(md)
    expect(s.problems).toEqual([])
    expect(s.dataComments).toHaveLength(1000)
  })

  it('holds for any set of hostile annotations (property, shrinking)', () => {
    fc.assert(
      fc.property(exportSetArbitrary(15), fc.constantFrom<Grouping>('document', 'color', 'tag'), fc.boolean(), ({ annotations, states }, grouping, callouts) => {
        fc.pre(annotations.length > 0)
        const md = exportAnnotations('md', inputOf(annotations, states), { grouping, callouts }).content
        expect(byId(importedFrom(md))).toEqual(byId(annotations))
        expect(inspectExport(md).problems).toEqual([])
      }),
      { numRuns: 150 },
    )
  })

  it('survives an editor that rewrites line endings as CRLF and adds a BOM', () => {
    const { annotations } = fixtureInput()
    const md = exportAnnotations('md', fixtureInput()).content
    expect(byId(importedFrom(`\uFEFF${md.replace(/\n/g, '\r\n')}`))).toEqual(byId(annotations))
  })

  it('restores each document from its own file in a per-document export', () => {
    const input = fixtureInput()
    const files = exportPerDocument('md', input)
    expect(files.map((f) => f.fileName)).toEqual(['cahier-01-pourquoi-ce-cahier.md', 'cas-framasoft.md', 'document-supprime.md'])
    const restored = files.flatMap((f) => importedFrom(f.result.content))
    expect(byId(restored)).toEqual(byId(input.annotations))
    expect(files[0]!.result.content).toContain('scope: "document"\ndocument: "cahier-01-pourquoi-ce-cahier"')
  })

  it('only reads data that is top-level HTML, as marked sees it: one block, one line per annotation', () => {
    const md = exportAnnotations('md', fixtureInput()).content
    const html = Lexer.lex(md, { gfm: true }).filter((t) => t.type === 'html')
    expect(html).toHaveLength(1)
    expect(importedFrom(md)).toHaveLength(html[0]!.raw.trim().split('\n').length - 3)
  })
})

/** Every item of a W3C read, which must all be ready as written (nothing to place, no problem). */
function asWritten(r: W3cRead): Annotation[] {
  if (!r.ok) throw new Error(r.message)
  expect(r.problems).toEqual([])
  return r.items.map((i) => (i.kind === 'ready' ? i.annotation : expect.fail(`item ${i.index} was not taken as written`)))
}

describe('W3C JSON round trip (export screen → import codec)', () => {
  it('restores exactly 1,000 generated hostile annotations and the colour labels', () => {
    const { annotations, states } = fc.sample(exportSetArbitrary(1000, 1000), { numRuns: 1, seed: 7 })[0]!
    const input = { ...inputOf(annotations, states), colorLabels: { ...DEFAULT_COLOR_LABELS, purple: 'Citation <b>|# « \u2028 »' } }
    const r = readW3c(JSON.parse(exportAnnotations('json', input).content))
    expect(byId(asWritten(r))).toEqual(byId(annotations))
    expect(r.ok && r.colorLabels).toEqual(input.colorLabels)
  })

  it('holds for any set of hostile annotations (property, shrinking)', () => {
    fc.assert(
      fc.property(exportSetArbitrary(15), fc.constantFrom<'fr' | 'en'>('fr', 'en'), ({ annotations, states }, language) => {
        const json = JSON.parse(exportAnnotations('json', inputOf(annotations, states), { language }).content) as unknown
        expect(byId(asWritten(readW3c(json)))).toEqual(byId(annotations))
      }),
      { numRuns: 150 },
    )
  })
})
