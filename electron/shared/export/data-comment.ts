/**
 * The machine-readable copy of the annotations that rides along in a Markdown export. Written
 * today: one block at the end of the file (v3, below). Still read: version 2, one HTML comment line
 * per annotation, `<!-- passerelles:annotation v2 {json} -->`. Markdown viewers (Obsidian, GitHub,
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

/** A v2 comment. The exporter now writes a v3 block; this stays so tests can make the older files the importer must still read. */
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

/**
 * Version 3 (issue 16): one block at the end of the file instead of a comment per annotation, each
 * annotation on one short line — the stored model with short keys, the document versions listed
 * once — so the data takes a fraction of the room and sits out of the way in source mode, Live
 * Preview, Logseq or Zettlr:
 *
 *   <!-- passerelles:data v3
 *   {"versions":["<sha256 of the document file>", …]}
 *   {"id":"…","d":"<doc>","c":"yellow","at":"<created>","q":"<exact>","p":"<prefix>","s":"<suffix>","o":[88,102],"v":0}
 *   …
 *   -->
 *
 * Keys: id, d document, c colour, at created, m modified (absent: = created), n note (absent: ''),
 * t tags (absent: none), q p s o v the passage (quote, prefix, suffix, [start, end], index into
 * `versions`; absent for a document note), x detachedQuote. Every line is escaped like a v2
 * comment (no `<`, `>`, `&`, `%`, `$` or line break can appear), and the result is validated by the
 * model's own schema: what reads back is exactly the stored annotation.
 */
export const DATA_BLOCK_OPEN = '<!-- passerelles:data v3'
export const DATA_BLOCK_CLOSE = '-->'

const escapeJson = (value: unknown): string => JSON.stringify(value).replace(UNSAFE_IN_COMMENT, unicodeEscape)

/** The whole block, lines joined with \n, for the annotations in the order given. */
export function encodeDataBlock(annotations: readonly Annotation[]): string {
  const versions: string[] = []
  const versionIndex = new Map<string, number>()
  const lines = annotations.map((a) => {
    const r: Record<string, unknown> = { id: a.id, d: a.document, c: a.body.color, at: a.created }
    if (a.modified !== a.created) r.m = a.modified
    if (a.body.note !== '') r.n = a.body.note
    if (a.body.tags.length) r.t = a.body.tags
    if (a.target) {
      const [quote, position] = a.target.selector
      let v = versionIndex.get(a.target.docVersion)
      if (v === undefined) versionIndex.set(a.target.docVersion, (v = versions.push(a.target.docVersion) - 1))
      Object.assign(r, { q: quote.exact, p: quote.prefix, s: quote.suffix, o: [position.start, position.end], v })
    }
    if (a.detachedQuote !== undefined) r.x = a.detachedQuote
    return escapeJson(r)
  })
  return [DATA_BLOCK_OPEN, escapeJson({ versions }), ...lines, DATA_BLOCK_CLOSE].join('\n')
}

/** True for the line that opens a v3 block. */
export function isDataBlockStart(line: string): boolean {
  return line.trimEnd() === DATA_BLOCK_OPEN
}

const str = (v: unknown): v is string => typeof v === 'string'

/** One record line of a block, given the block's `versions`. */
export function decodeDataLine(line: string, versions: readonly string[]): DecodedComment {
  let r: unknown
  try {
    r = JSON.parse(line)
  } catch (e) {
    return { ok: false, reason: `its JSON cannot be read (${e instanceof Error ? e.message : String(e)})` }
  }
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return { ok: false, reason: 'it is not an annotation record' }
  const o = r as Record<string, unknown>
  const hasPassage = o.q !== undefined
  const offsets = Array.isArray(o.o) ? (o.o as unknown[]) : []
  const version = typeof o.v === 'number' ? versions[o.v] : undefined
  if (hasPassage && version === undefined) return { ok: false, reason: 'its document version is not listed in the block' }
  const candidate = {
    id: o.id,
    type: 'Annotation',
    created: o.at,
    modified: o.m ?? o.at,
    body: { note: o.n ?? '', tags: o.t ?? [], color: o.c },
    target: hasPassage
      ? {
          source: o.d,
          docVersion: version,
          selector: [
            { type: 'TextQuoteSelector', exact: o.q, prefix: str(o.p) ? o.p : '', suffix: str(o.s) ? o.s : '' },
            { type: 'TextPositionSelector', start: offsets[0], end: offsets[1] },
          ],
        }
      : null,
    document: o.d,
    ...(o.x !== undefined ? { detachedQuote: o.x } : {}),
  }
  const parsed = AnnotationSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, annotation: parsed.data }
  const issue = parsed.error.issues[0]
  return { ok: false, reason: `it is not a valid annotation (${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'})` }
}

export type DecodedBlock =
  | { readonly ok: true; readonly annotations: readonly { readonly annotation: Annotation; readonly line: number }[]; readonly lines: number }
  | { readonly ok: false; readonly reason: string; readonly line: number }

/**
 * Reads a block from `lines[from]` (its opening line) to its closing `-->`. Line numbers in the
 * answer are indexes into `lines`; `lines` counts the block's lines, opening and closing included.
 */
export function decodeDataBlock(lines: readonly string[], from: number): DecodedBlock {
  let versions: readonly string[] | null = null
  const out: { annotation: Annotation; line: number }[] = []
  for (let i = from + 1; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === DATA_BLOCK_CLOSE) return versions === null ? { ok: false, reason: 'the data block has no versions line', line: i } : { ok: true, annotations: out, lines: i - from + 1 }
    if (line.includes(DATA_BLOCK_CLOSE)) return { ok: false, reason: 'the data block was edited (a line holds -->)', line: i }
    if (versions === null) {
      let header: unknown
      try {
        header = JSON.parse(line)
      } catch {
        header = null
      }
      const v = typeof header === 'object' && header !== null ? (header as { versions?: unknown }).versions : undefined
      if (!Array.isArray(v) || !v.every(str)) return { ok: false, reason: 'the data block does not start with its versions line', line: i }
      versions = v
      continue
    }
    const decoded = decodeDataLine(line, versions)
    if (!decoded.ok) return { ok: false, reason: `the annotation data cannot be imported: ${decoded.reason}`, line: i }
    out.push({ annotation: decoded.annotation, line: i })
  }
  return { ok: false, reason: 'the data block is not closed (no --> line)', line: lines.length - 1 }
}
