/** What the `export` namespace of the API contract returns (see electron/services/export). */
import type { ExportFormat } from './types'

export interface RenderedExport {
  readonly format: ExportFormat
  readonly extension: string
  readonly content: string
  /** Number of annotations written. */
  readonly count: number
  /** Number of workshop answers written (option `answers`; else 0). */
  readonly answers: number
  /** A file name to suggest when saving. */
  readonly fileName: string
}

export interface SavedExport {
  readonly path: string
  readonly bytes: number
  readonly count: number
}

export interface SavedFolder {
  readonly folder: string
  readonly files: readonly { readonly path: string; readonly documentId: string; readonly count: number }[]
  readonly count: number
}

export interface HandoutResult {
  readonly content: string
  readonly count: number
  readonly fileName: string
}
