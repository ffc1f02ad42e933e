/**
 * CSV for qualitative coding in a spreadsheet: one row per annotation, in document then reading
 * order, RFC 4180 (CRLF records, fields quoted when they hold the delimiter, a quote, CR or LF;
 * quotes doubled), UTF-8 with a BOM so spreadsheet apps read the accents right. The delimiter is
 * the caller's choice: `;` is what Excel and LibreOffice Calc expect in French (the list separator
 * there, as the decimal one is `,`), so the export screen sends `;` when the UI is French. Headers,
 * colour names (« vert ») and statuses (« à confirmer ») are in the export's language; the colour's
 * id stays in no column — the label column holds the user's meaning.
 *
 * Spreadsheets run a cell that begins with = + - @ (or a tab/CR) as a formula — a quote or a note
 * could then fetch a URL or worse (« CSV injection »). Free-text cells that begin so are prefixed
 * with an apostrophe, as OWASP recommends; the CSV is for reading and coding, the Markdown and
 * JSON exports are the lossless ones. (So is UTF-8: a lone UTF-16 surrogate, which it cannot
 * encode, is written U+FFFD.)
 */
import { answerCells, answerStrings } from './answers'
import { ChunkWriter } from './chunks'
import { annotationLink } from '../links/deep-link'
import { wellFormed } from './escape'
import { colorLabel, groupEntries, shownQuote } from './group'
import { exportStrings } from './strings'
import type { ExportInput, ExportOptions, ExportPlugin, ExportResult } from './types'

export const CSV_BOM = '\uFEFF'
const FORMULA_START = /^[=+\-@\t\r]/

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** One field; lone surrogates (not encodable in UTF-8) become U+FFFD. */
export function csvField(raw: string, delimiter: string): string {
  const value = wellFormed(raw)
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function renderCsv(input: ExportInput, options: ExportOptions): { content: string; count: number } {
  const strings = exportStrings(options.language)
  const d = options.csvDelimiter
  const csv = new ChunkWriter()
  // With the workshops' answers, four more columns (type, question, pseudonym, support); the notes' rows leave three empty.
  const more = input.answers === undefined ? null : answerStrings(options.language)
  const headers = more ? [...strings.csvHeaders, ...more.csvHeaders] : strings.csvHeaders
  csv.add(CSV_BOM, headers.map((h) => csvField(h, d)).join(d), '\r\n')
  const write = (cells: readonly string[]): void => {
    let row = csvField(cells[0]!, d)
    for (let i = 1; i < cells.length; i++) row += d + csvField(cells[i]!, d)
    csv.add(row, '\r\n')
  }
  let count = 0
  // Document grouping gives document then reading order with each annotation exactly once.
  for (const group of groupEntries(input, 'document', strings)) {
    for (const sub of group.subgroups) {
      for (const e of sub.entries) {
        const a = e.annotation
        const position = a.target?.selector[1]
        const cells = [
          a.id,
          a.document,
          guardFormula(e.document.title),
          guardFormula(e.section ? e.section.title || strings.beforeFirstHeading : ''),
          guardFormula(shownQuote(input, a)),
          guardFormula(a.body.note),
          a.body.tags.join(' '),
          strings.colorNames[a.body.color],
          guardFormula(colorLabel(input, a.body.color, strings)),
          strings.states[e.state],
          a.created,
          a.modified,
          position ? String(position.start) : '',
          position ? String(position.end) : '',
          annotationLink(a.document, a.id) ?? '',
          ...(more ? [more.type.note, '', '', ''] : []),
        ]
        write(cells)
        count++
      }
    }
  }
  for (const a of input.answers ?? []) write(answerCells(a, options.language, guardFormula))
  return { content: csv.text(), count }
}

/**
 * Reads CSV as written above (RFC 4180: quoted fields may hold the delimiter, quotes doubled, line
 * breaks; a leading BOM is dropped): the export screen shows the preview as a table with it.
 * Lenient, never throws: an unclosed quote runs to the end.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = text.startsWith(CSV_BOM) ? 1 : 0
  let quoted = false
  for (; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c !== '"') field += c
      else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else quoted = false
    } else if (c === '"' && field === '') quoted = true
    else if (c === delimiter) {
      row.push(field)
      field = ''
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

export const csvPlugin: ExportPlugin = {
  format: 'csv',
  extension: '.csv',
  mediaType: 'text/csv; charset=utf-8; header=present',
  export(input, options): ExportResult {
    const { content, count } = renderCsv(input, options)
    return { format: 'csv', extension: '.csv', mediaType: this.mediaType, content, count, answers: input.answers?.length ?? 0 }
  },
}
