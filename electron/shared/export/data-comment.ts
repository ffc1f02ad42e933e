/**
 * The machine-readable copy of an annotation that rides along in a Markdown export, as one HTML
 * comment line: `<!-- passerelles:annotation v2 {json} -->`. Markdown viewers (Obsidian, GitHub,
 * VS Code) hide it; the importer reads it back, so an export is also a backup.
 *
 * The JSON is the annotation in W3C form, written and read by the one codec (annotations/w3c/), so
 * a data comment is the same object as an item of the JSON export. Version 1 (the stored record
 * itself, written before the codecs were merged) is still read. The JSON is written
 * so that it can never end the comment or be taken apart by an editor: `<`, `>` and `&` become
 * \u escapes (no `-->`, `<!--` or `--!>` can appear), as do `%` and `$` (Obsidian comments and
 * math) and every character an editor might treat as a line break (JSON.stringify already escapes
 * C0 controls, \n and \r). JSON.parse restores the exact strings.
 */
import { AnnotationSchema } from '../annotations/model'
import type { Annotation } from '../annotations/model'
import { readW3c } from '../annotations/w3c/read'
import { toW3cAnnotation } from '../annotations/w3c/write'

export const DATA_COMMENT_PREFIX = '<!-- passerelles:annotation v2 '
/** Files exported before the codecs were merged: the stored record as JSON. */
const V1_PREFIX = '<!-- passerelles:annotation v1 '
export const DATA_COMMENT_SUFFIX = ' -->'

const UNSAFE_IN_COMMENT = /[<>&%$\u007f-\u009f\u2028\u2029\ufeff]/g
const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

export function encodeDataComment(annotation: Annotation): string {
  const json = JSON.stringify(toW3cAnnotation(annotation)).replace(UNSAFE_IN_COMMENT, unicodeEscape)
  return `${DATA_COMMENT_PREFIX}${json}${DATA_COMMENT_SUFFIX}`
}

export type DecodedComment =
  | { readonly ok: true; readonly annotation: Annotation }
  | { readonly ok: false; readonly reason: string }

/** Reads one data comment (the whole comment text, surrounding whitespace allowed), version 2 or 1. */
export function decodeDataComment(text: string): DecodedComment {
  const t = text.trim()
  const prefix = [DATA_COMMENT_PREFIX, V1_PREFIX].find((p) => t.startsWith(p))
  if (!prefix || !t.endsWith(DATA_COMMENT_SUFFIX)) return { ok: false, reason: 'not an annotation data comment' }
  let value: unknown
  try {
    value = JSON.parse(t.slice(prefix.length, t.length - DATA_COMMENT_SUFFIX.length))
  } catch (e) {
    return { ok: false, reason: `its JSON cannot be read (${e instanceof Error ? e.message : String(e)})` }
  }
  if (prefix === V1_PREFIX) {
    const parsed = AnnotationSchema.safeParse(value)
    if (parsed.success) return { ok: true, annotation: parsed.data }
    const issue = parsed.error.issues[0]
    return { ok: false, reason: `it is not a valid annotation (${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'})` }
  }
  // One W3C annotation, which must be complete as written: a data comment is never placed by guessing.
  const read = readW3c([value])
  if (!read.ok) return { ok: false, reason: read.message }
  const [item] = read.items
  if (item?.kind === 'ready') return { ok: true, annotation: item.annotation }
  return { ok: false, reason: `it is not a valid annotation (${read.problems[0]?.reason ?? 'its passage has no position'})` }
}

/** True for a line that looks like a data comment (whether or not its content is valid). */
export function isDataCommentLine(line: string): boolean {
  return line.startsWith('<!-- passerelles:annotation')
}
