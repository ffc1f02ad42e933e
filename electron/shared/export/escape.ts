/**
 * Plain text → Markdown that renders as exactly that text and can create no structure: for quotes
 * (the document's own words), titles, labels and filter values. Every character that CommonMark,
 * GFM or Obsidian give a meaning to is backslash-escaped (CommonMark lets any ASCII punctuation be
 * escaped, so the result still reads as the same text everywhere):
 *   \ ` * _ ~ [ ] < > # | & = $ % ^   anywhere (code, emphasis, links, HTML, entities, headings,
 *                                       tables, Obsidian highlights, math, comments, block ids);
 *   - + and `1.` / `1)`                at the start of a line (lists, thematic breaks, setext).
 * Whitespace is collapsed and trimmed, so a line can never start an indented code block.
 */

const ANYWHERE = /[\\`*_~[\]<>#|&=$%^]/g
/** Whitespace other than single spaces (so `\s+` → ' ' would change something). */
const ODD_SPACE = /[^\S ]| {2}/
const NEEDS_ESCAPE = /[\\`*_~[\]<>#|&=$%^]/
const LINE_START_MARK = /^([-+])/
const ORDERED_MARK = /^(\d{1,9})([.)])/

/** One line of plain text as inline Markdown. `lineStart`: the text begins a Markdown line. */
export function escapeInline(text: string, lineStart = true): string {
  let s = (ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim()
  if (NEEDS_ESCAPE.test(s)) s = s.replace(ANYWHERE, '\\$&')
  if (lineStart) s = s.replace(LINE_START_MARK, '\\$1').replace(ORDERED_MARK, '$1\\$2')
  return s
}

/**
 * Like `escapeInline` for a piece of a line cut at markers: keeps one space at each end where the
 * piece had whitespace (except at the start of a line, where it is dropped and the line-start
 * rules apply).
 */
export function escapePiece(text: string, lineStart: boolean): string {
  const lead = !lineStart && /^\s/.test(text) ? ' ' : ''
  const trail = /\s$/.test(text) && text.trim() !== '' ? ' ' : ''
  const body = escapeInline(text, lineStart)
  return body === '' ? lead || trail : `${lead}${body}${trail}`
}

const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029|\u0085/

/**
 * A multi-line plain text (a quote across paragraphs) as the lines of Markdown paragraphs: one
 * paragraph per non-blank source line, blank lines between. Returns [] for whitespace-only text.
 */
export function plainParagraphs(text: string): string[] {
  if (!LINE_BREAKS.test(text)) {
    const escaped = escapeInline(text)
    return escaped === '' ? [] : [escaped]
  }
  const out: string[] = []
  for (const line of text.split(LINE_BREAKS)) {
    const escaped = escapeInline(line)
    if (escaped === '') continue
    if (out.length > 0) out.push('')
    out.push(escaped)
  }
  return out
}

/**
 * Puts lines inside a Markdown container by prefixing every one of them (blank ones included), so
 * that nothing inside — an unclosed fence, an HTML block, a list — can outlive the container.
 */
export function prefixLines(lines: readonly string[], prefix: '> ' | '    '): string[] {
  const bare = prefix.trimEnd()
  return lines.map((l) => (l === '' ? bare : prefix + l))
}

/**
 * A string as a YAML double-quoted scalar. JSON strings are YAML 1.2 double-quoted scalars except
 * that YAML forbids some printable-in-JSON characters raw (C1 controls, line/paragraph separators,
 * BOM): those are written as \u escapes, which both languages read alike. (JSON.stringify already
 * escapes lone surrogates.)
 */
export function yamlString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
