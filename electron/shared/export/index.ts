/**
 * The export core's entry points: the format plugins by name, one call to export, and the split
 * into one file per document. Everything here is pure; the service (Node) and the dialog's live
 * preview (renderer) call the same functions.
 */
import { csvPlugin } from './csv'
import { markdownPlugin } from './markdown'
import { ExportOptionsSchema } from './types'
import type { ExportFormat, ExportInput, ExportOptionsInput, ExportPlugin, ExportResult } from './types'
import { w3cPlugin } from './w3c'

export const EXPORT_PLUGINS: Readonly<Record<ExportFormat, ExportPlugin>> = {
  md: markdownPlugin,
  csv: csvPlugin,
  json: w3cPlugin,
}

export function exportAnnotations(format: ExportFormat, input: ExportInput, options: ExportOptionsInput = {}): ExportResult {
  return EXPORT_PLUGINS[format].export(input, ExportOptionsSchema.parse(options))
}

export interface DocumentFile {
  readonly documentId: string
  /** `<docId><extension>`: document ids are kebab-case, so always a safe file name. */
  readonly fileName: string
  readonly result: ExportResult
}

/**
 * « Un fichier par document »: the same export, once per document that has annotations (or
 * workshop answers, when asked for), each file
 * complete on its own (front matter with a `document` scope, re-importable).
 */
export function exportPerDocument(format: ExportFormat, input: ExportInput, options: ExportOptionsInput = {}): DocumentFile[] {
  const ids = [...new Set([...input.annotations.map((a) => a.document), ...(input.answers ?? []).map((a) => a.section.docId)])]
  const order = new Map(input.documents.map((d, i) => [d.id, i]))
  ids.sort((a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || (a < b ? -1 : 1))
  return ids.map((documentId) => {
    const part: ExportInput = {
      ...input,
      annotations: input.annotations.filter((a) => a.document === documentId),
      documents: input.documents.filter((d) => d.id === documentId),
      ...(input.answers ? { answers: input.answers.filter((a) => a.section.docId === documentId) } : {}),
      meta: { ...input.meta, scope: { kind: 'document', documentId } },
    }
    const result = exportAnnotations(format, part, options)
    return { documentId, fileName: `${documentId}${result.extension}`, result }
  })
}

export type * from './types'
export { ExportOptionsSchema, ExportRequestSchema, ExportScopeSchema, AnnotationFilterSchema, DEFAULT_EXPORT_OPTIONS } from './types'
export { applyScope, matchesFilter } from './scope'
export { importMarkdown } from './import-markdown'
export type { MarkdownImport } from './import-markdown'
export { renderHandout, sectionSpan } from './handout'
export type { HandoutInput, HandoutOptions } from './handout'
