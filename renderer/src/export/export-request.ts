/**
 * The dialog's form state and the export request it stands for (the `export:*` payloads). Kept
 * apart from the component so the mapping (scope, filter, options) is plain data.
 */
import { COLOR_IDS } from '../../../electron/shared/annotations/model'
import type { ColorId } from '../../../electron/shared/annotations/model'
import type { AnnotationFilter, ExportFormat, ExportScope, Grouping, Include } from '../../../electron/shared/export/types'
import type { Language } from '../../../electron/shared/settings'
import { parseTagInput } from '../../../electron/shared/annotations/tags'

export interface ExportForm {
  readonly format: ExportFormat
  readonly scope: 'all' | 'document' | 'filter'
  readonly documentId: string
  readonly colors: readonly ColorId[]
  readonly tags: string
  readonly text: string
  readonly from: string
  readonly to: string
  readonly grouping: Grouping
  readonly include: Include
  readonly callouts: boolean
  /** Add the workshops' answers (« Recueillir les avis ») of the same documents after the notes. */
  readonly answers: boolean
  /** The CSV's separator; null: the one the UI's language expects (see `csvDelimiterFor`). */
  readonly csvDelimiter: CsvDelimiter | null
}

export type CsvDelimiter = ';' | ','

/**
 * What a spreadsheet app opens in columns without asking: `;` in French (Excel and LibreOffice
 * Calc take the list separator from the system's locale, and in French it is `;`, the comma being
 * the decimal separator), `,` in English.
 */
export function csvDelimiterFor(language: Language): CsvDelimiter {
  return language === 'fr' ? ';' : ','
}

export const INITIAL_FORM: ExportForm = {
  format: 'md',
  scope: 'all',
  documentId: '',
  colors: [],
  tags: '',
  text: '',
  from: '',
  to: '',
  grouping: 'document',
  include: { quotes: true, notes: true, tags: true, labels: true, dates: true, links: true },
  callouts: false,
  answers: false,
  csvDelimiter: null,
}

export { COLOR_IDS }

function filterOf(f: ExportForm): AnnotationFilter {
  // Read as the annotation editor reads its tags field: commas, `#` stripped, the same normalisation.
  const { tags } = parseTagInput(f.tags)
  return {
    ...(f.colors.length ? { colors: [...f.colors] } : {}),
    ...(tags.length ? { tags: [...tags] } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(f.from) ? { from: f.from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(f.to) ? { to: f.to } : {}),
  }
}

export function scopeOf(f: ExportForm): ExportScope {
  if (f.scope === 'document' && f.documentId) return { kind: 'document', documentId: f.documentId }
  if (f.scope === 'filter') return { kind: 'filter', filter: filterOf(f) }
  return { kind: 'all' }
}

export function requestOf(f: ExportForm, language: Language) {
  return {
    format: f.format,
    scope: scopeOf(f),
    options: { grouping: f.grouping, include: { ...f.include }, callouts: f.callouts, answers: f.answers, language, csvDelimiter: f.csvDelimiter ?? csvDelimiterFor(language) },
  }
}
