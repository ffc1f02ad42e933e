import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_COLOR_LABELS } from '../annotations/model'
import type { Annotation } from '../annotations/model'
import { checkGolden } from '../../services/testing/golden'
import { csvField, guardFormula, parseCsv } from './csv'
import { colorName } from '../annotations/colors'
import { exportAnnotations } from './index'
import { exportSetArbitrary } from './testing/arbitraries'
import { wellFormed } from './escape'
import { fixtureInput } from './testing/fixture'
import type { ExportInput } from './types'
import { fileURLToPath } from 'node:url'

const GOLDEN = fileURLToPath(new URL('./__golden__/', import.meta.url))
const HEADERS = ['id', 'document', 'titre du document', 'section', 'citation', 'note', 'étiquettes', 'couleur', 'libellé', 'état', 'créée', 'modifiée', 'début', 'fin', 'lien']

function rows(csv: string, delimiter = ','): string[][] {
  return parse(csv, { bom: true, delimiter, relax_column_count: false, record_delimiter: '\r\n' }) as string[][]
}

/** What a cell should hold for a free-text value. */
const cell = (v: string): string => wellFormed(guardFormula(v))

describe('CSV export', () => {
  const input = fixtureInput()
  const csv = exportAnnotations('csv', input).content

  it('matches its golden file exactly', () => {
    const golden = checkGolden(GOLDEN, 'document.csv', csv)
    expect(golden.ok ? csv : golden.expected).toBe(csv)
  })

  it('is UTF-8 with a BOM, CRLF records, RFC 4180 quoting', () => {
    expect(csv.startsWith('\uFEFFid,document,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csvField('a "b", c', ',')).toBe('"a ""b"", c"')
    expect(csvField('ligne\nsuivante', ',')).toBe('"ligne\nsuivante"')
    expect(csvField('a;b', ';')).toBe('"a;b"')
    expect(csvField('a;b', ',')).toBe('a;b')
  })

  it('parses back (csv-parse) into one row per annotation with the right columns and values', () => {
    const [header, ...body] = rows(csv)
    expect(header).toEqual(HEADERS)
    expect(body).toHaveLength(input.annotations.length)
    const byId = new Map(body.map((r) => [r[0], r]))
    for (const a of input.annotations) {
      const r = byId.get(a.id)!
      expect(r[1]).toBe(a.document)
      expect(r[4]).toBe(cell(a.target?.selector[0].exact ?? ''))
      expect(r[5]).toBe(cell(a.body.note))
      expect(r[6]).toBe(a.body.tags.join(' '))
      expect(r[7]).toBe(colorName(a.body.color, 'fr'))
      expect(r[10]).toBe(a.created)
      expect(r[14]).toBe(`passerelles://open/${a.document}#annotation=${a.id}`)
    }
    expect(byId.get('00000066-0000-4000-8000-000000000066')![9]).toBe('introuvable')
    expect(byId.get('00000065-0000-4000-8000-000000000065')![9]).toBe('note sur le document')
    expect(byId.get('00000001-0000-4000-8000-000000000001')![7]).toBe('jaune')
    expect(byId.get('00000001-0000-4000-8000-000000000001')![3]).toBe('Vouloir ne suffit pas')
  })

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx'].map(guardFormula)).toEqual(["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx"])
    expect(guardFormula('Le 1er mai')).toBe('Le 1er mai')
    const [, ...body] = rows(csv)
    expect(body.find((r) => r[0] === '00000003-0000-4000-8000-000000000003')![4]).toBe("'- pas une liste")
  })

  it('uses the delimiter asked for (semicolon for French spreadsheet apps)', () => {
    const semi = exportAnnotations('csv', input, { csvDelimiter: ';' }).content
    expect(rows(semi, ';')[0]).toEqual(HEADERS)
    expect(rows(semi, ';').slice(1)).toEqual(rows(csv).slice(1))
  })

  it('parses back for any hostile annotations (property)', () => {
    fc.assert(
      fc.property(exportSetArbitrary(30), ({ annotations, states }) => {
        const data: ExportInput = { ...input, annotations, states, documents: [] }
        const parsed = rows(exportAnnotations('csv', data, { csvDelimiter: ';' }).content, ';')
        expect(parsed).toHaveLength(annotations.length + 1)
        const notes = new Map(parsed.slice(1).map((r) => [r[0], r[5]]))
        for (const a of annotations as Annotation[]) expect(notes.get(a.id)).toBe(cell(a.body.note))
      }),
      { numRuns: 200 },
    )
  })

  it('writes the English headers, colour names and statuses for an English export', () => {
    const en = exportAnnotations('csv', { ...input, colorLabels: DEFAULT_COLOR_LABELS }, { language: 'en' }).content
    const [header, ...body] = rows(en)
    expect(header).toEqual(['id', 'document', 'document title', 'section', 'quote', 'note', 'tags', 'colour', 'label', 'status', 'created', 'modified', 'start', 'end', 'link'])
    const byId = new Map(body.map((r) => [r[0], r]))
    expect(byId.get('00000001-0000-4000-8000-000000000001')![7]).toBe('yellow')
    expect(byId.get('00000066-0000-4000-8000-000000000066')![9]).toBe('not found')
    for (const r of body) expect(['in place', 'moved', 'to confirm', 'not found', 'note on the document']).toContain(r[9])
  })

  it('no French value is left in English, no English one in French (colours, statuses)', () => {
    const fr = rows(csv).slice(1)
    for (const r of fr) {
      expect(['jaune', 'bleu', 'vert', 'orange', 'violet']).toContain(r[7])
      expect(['en place', 'déplacée', 'à confirmer', 'introuvable', 'note sur le document']).toContain(r[9])
    }
  })

  it('parseCsv reads back what the exporter writes, as csv-parse does, with either delimiter', () => {
    for (const d of [',', ';'] as const) {
      const text = exportAnnotations('csv', input, { csvDelimiter: d }).content
      expect(parseCsv(text, d)).toEqual(rows(text, d))
    }
    expect(parseCsv('\uFEFFa;"b;""c""\r\nd";e\r\n', ';')).toEqual([['a', 'b;"c"\r\nd', 'e']])
    expect(parseCsv('a,"unclosed', ',')).toEqual([['a', 'unclosed']])
  })

  it('parses back for any hostile annotations with parseCsv too (property)', () => {
    fc.assert(
      fc.property(exportSetArbitrary(20), ({ annotations, states }) => {
        const text = exportAnnotations('csv', { ...input, annotations, states, documents: [] }, { csvDelimiter: ';' }).content
        expect(parseCsv(text, ';')).toEqual(rows(text, ';'))
      }),
      { numRuns: 100 },
    )
  })
})
