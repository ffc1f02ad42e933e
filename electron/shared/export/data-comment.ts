/**
 * The machine-readable copy of an annotation that rides along in a Markdown export, as one HTML
 * comment line: `<!-- passerelles:annotation v1 {json} -->`. Markdown viewers (Obsidian, GitHub,
 * VS Code) hide it; the importer reads it back, so an export is also a backup.
 *
 * The JSON is the stored annotation itself (the W3C-compatible model, selectors included), written
 * so that it can never end the comment or be taken apart by an editor: `<`, `>` and `&` become
 * \u escapes (no `-->`, `<!--` or `--!>` can appear), as do `%` and `$` (Obsidian comments and
 * math) and every character an editor might treat as a line break (JSON.stringify already escapes
 * C0 controls, \n and \r). JSON.parse restores the exact strings.
 */
import { AnnotationSchema } from '../annotations/model'
import type { Annotation } from '../annotations/model'

export const DATA_COMMENT_PREFIX = '<!-- passerelles:annotation v1 '
export const DATA_COMMENT_SUFFIX = ' -->'

const UNSAFE_IN_COMMENT = /[<>&%$\u007f-\u009f\u2028\u2029\ufeff]/g
const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

export function encodeDataComment(annotation: Annotation): string {
  const json = JSON.stringify(annotation).replace(UNSAFE_IN_COMMENT, unicodeEscape)
  return `${DATA_COMMENT_PREFIX}${json}${DATA_COMMENT_SUFFIX}`
}

export type DecodedComment =
  | { readonly ok: true; readonly annotation: Annotation }
  | { readonly ok: false; readonly reason: string }

/** Reads one data comment (the whole comment text, surrounding whitespace allowed). */
export function decodeDataComment(text: string): DecodedComment {
  const t = text.trim()
  if (!t.startsWith(DATA_COMMENT_PREFIX) || !t.endsWith(DATA_COMMENT_SUFFIX)) return { ok: false, reason: 'not an annotation data comment' }
  let value: unknown
  try {
    value = JSON.parse(t.slice(DATA_COMMENT_PREFIX.length, t.length - DATA_COMMENT_SUFFIX.length))
  } catch (e) {
    return { ok: false, reason: `its JSON cannot be read (${e instanceof Error ? e.message : String(e)})` }
  }
  const parsed = AnnotationSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, reason: `it is not a valid annotation (${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'})` }
  }
  return { ok: true, annotation: parsed.data }
}

/** True for a line that looks like a data comment (whether or not its content is valid). */
export function isDataCommentLine(line: string): boolean {
  return line.startsWith('<!-- passerelles:annotation')
}
