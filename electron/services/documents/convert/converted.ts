/** What every converter returns: one normalised Markdown body and the metadata the file carried. */
import { AppFailure } from '../../../shared/result'
import type { ImportProblem } from '../../../shared/documents/model'

export interface Converted {
  readonly markdown: string
  /** null when the file names no title (the file name is used). */
  readonly title: string | null
  readonly authors: readonly string[]
  /** YYYY-MM-DD, or null when the file gives no date. */
  readonly date: string | null
  /** PDF only: how many markup annotations (highlights, notes) the file carries, offered for import. */
  readonly pdfMarkups?: number
}

/**
 * A file that cannot be imported, with why (the code the UI words, the message for logs and the
 * CLI). Converters throw it; the import service turns it into one line of the batch report.
 */
export class ImportRefusal extends AppFailure {
  constructor(
    readonly problem: ImportProblem,
    message: string,
  ) {
    super(problem === 'io' ? 'io' : 'corrupt', message)
    this.name = 'ImportRefusal'
  }
}

/** A date found in a file's metadata (ISO, `D:20240131…` PDF dates, `2024`), as YYYY-MM-DD; null if none. */
export function dayOf(raw: string | null | undefined): string | null {
  if (!raw) return null
  const m = /^(?:D:)?(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?/.exec(raw.trim())
  if (!m) return null
  const [, y, mo = '01', d = '01'] = m
  const day = `${y}-${mo}-${d}`
  const t = Date.parse(`${day}T00:00:00Z`)
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? null : day
}

/**
 * The authors one metadata field names: office suites and pandoc write several as « A; B » in a
 * DOCX's dc:creator or an ODT's meta:initial-creator.
 */
export function authorsOf(raw: string | null | undefined): string[] {
  return (raw ?? '').split(';').map((a) => cleanMeta(a, 200)).filter((a): a is string => a !== null)
}

/** Collapses whitespace and drops control characters from a metadata value; null when nothing is left. */
export function cleanMeta(raw: string | null | undefined, max = 300): string | null {
  if (typeof raw !== 'string') return null
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const s = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim()
  return s === '' ? null : s.slice(0, max)
}
