import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_COLOR_LABELS } from '../annotations/model'
import type { Annotation } from '../annotations/model'
import { checkGolden } from '../../services/testing/golden'
import { csvField, guardFormula } from './csv'
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
      expect(r[7]).toBe(a.body.color)
      expect(r[10]).toBe(a.created)
      expect(r[14]).toBe(`passerelles://open/${a.document}#annotation=${a.id}`)
    }
    expect(byId.get('00000066-0000-4000-8000-000000000066')![9]).toBe('orphan')
    expect(byId.get('00000065-0000-4000-8000-000000000065')![9]).toBe('document-note')
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

  it('writes the English headers for an English export', () => {
    const en = exportAnnotations('csv', { ...input, colorLabels: DEFAULT_COLOR_LABELS }, { language: 'en' }).content
    expect(rows(en)[0]).toEqual(['id', 'document', 'document title', 'section', 'quote', 'note', 'tags', 'colour', 'label', 'status', 'created', 'modified', 'start', 'end', 'link'])
  })
})
