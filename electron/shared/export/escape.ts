/**
 * Plain text → Markdown that renders as exactly that text and can create no structure: for quotes
 * (the document's own words), titles, labels and filter values. Every character that CommonMark,
 * GFM or Obsidian give a meaning to is backslash-escaped (CommonMark lets any ASCII punctuation be
 * escaped, so the result still reads as the same text everywhere):
 *   \ ` * _ ~ [ ] > # | & = $ % ^     anywhere (code, emphasis, links, entities, headings, tables,
 *                                       Obsidian highlights, math, comments, block ids), and
 *   <                                   as `&lt;` (see `escapeChar`);
 *   - + and `1.` / `1)`                at the start of a line (lists, thematic breaks, setext);
 * except inside bare URLs, which stay working links (see `escapeUrl`).
 * Whitespace is collapsed and trimmed, so a line can never start an indented code block.
 */

const ANYWHERE = /[\\`*_~[\]<>#|&=$%^]/g
/** Whitespace other than single spaces (so `\s+` → ' ' would change something). */
const ODD_SPACE = /[^\S ]| {2}/
const NEEDS_ESCAPE = /[\\`*_~[\]<>#|&=$%^]/
const MAYBE_MARK = /^[-+0-9]/
const LINE_START_MARK = /^([-+])/
const ORDERED_MARK = /^(\d{1,9})([.)])/

/**
 * `<` is written `&lt;`, not `\<`: GFM extends a bare URL over a backslash, so in
 * `https://a.b\<img onerror=…>` the URL would swallow the escape and leave a live tag.
 */
const escapeChar = (c: string): string => (c === '<' ? '&lt;' : `\\${c}`)

/** Bare URLs, which GFM and Obsidian turn into links (GFM « autolink literals »). */
export const BARE_URL_G = /(?<![A-Za-z0-9])(?:https?:\/\/|www\.)[^\s<]*/gi
const URL_HINT = /:\/\/|www\./i
const ALNUM = /[A-Za-z0-9]/

/**
 * Inside a bare URL, escaping `&`, `=`, `_`… would put backslashes into the link. There only what
 * could open a construct is escaped: \ ` [ ] < > always, * and _ unless between letters or digits
 * (where they cannot open emphasis), ~ = % $ when doubled (strikethrough, Obsidian syntax).
 */
function escapeUrl(u: string): string {
  let out = ''
  for (let i = 0; i < u.length; i++) {
    const c = u[i]!
    let escape = false
    if ('\\`[]<>'.includes(c)) escape = true
    else if (c === '*' || c === '_') escape = !(ALNUM.test(u[i - 1] ?? '') && ALNUM.test(u[i + 1] ?? ''))
    else if ('~=%$'.includes(c)) escape = u[i - 1] === c || u[i + 1] === c
    out += escape ? `\\${c}` : c
  }
  return out
}

function escapeWithUrls(s: string): string {
  let out = ''
  let last = 0
  for (const m of s.matchAll(BARE_URL_G)) {
    out += s.slice(last, m.index).replace(ANYWHERE, escapeChar) + escapeUrl(m[0])
    last = m.index + m[0].length
  }
  return out + s.slice(last).replace(ANYWHERE, escapeChar)
}

/** One line of plain text as inline Markdown. `lineStart`: the text begins a Markdown line. */
export function escapeInline(text: string, lineStart = true): string {
  let s = (ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim()
  if (NEEDS_ESCAPE.test(s)) s = URL_HINT.test(s) ? escapeWithUrls(s) : s.replace(ANYWHERE, escapeChar)
  if (lineStart && MAYBE_MARK.test(s)) s = s.replace(LINE_START_MARK, '\\$1').replace(ORDERED_MARK, '$1\\$2')
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

const ANY_SURROGATE = /[\ud800-\udfff]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Replaces lone UTF-16 surrogates (which UTF-8 cannot encode) with U+FFFD, as a UTF-8 writer would. */
export function wellFormed(s: string): string {
  return ANY_SURROGATE.test(s) ? s.replace(LONE_SURROGATE, '\ufffd') : s
}
