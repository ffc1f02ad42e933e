/**
 * A user's note (Markdown) made safe to embed in an export while keeping its Markdown: emphasis,
 * lists, links, code, tables and nested quotes survive; nothing in it can change the structure of
 * the file around it or run in a viewer.
 *
 * How: (1) the caller puts the returned lines in a container whose every line is prefixed (`> `),
 * so an unclosed fence, an HTML block or a list ends with the container; (2) this module rewrites
 * the few constructs that would still escape or misbehave inside it —
 *   - raw HTML, comments and autolinks (`<` → `&lt;`, never `\<`, which a bare URL just before
 *     it would swallow) and entities (`&` → `\&`): no HTML, no forged data comment;
 *   - ATX headings are demoted by three levels (`# Date clé` → `#### Date clé`, at most 6): still a
 *     heading inside the note, never one of the export's own `#`/`##` levels; setext underlines
 *     (escaped): the file's outline is the exporter's alone;
 *   - link reference and footnote definitions (escaped): they are global to a Markdown file and
 *     would leak into other notes;
 *   - inline links whose destination is not http(s), mailto or passerelles (`](` → `]\(`);
 *   - Obsidian `%%` comments, `$` math and `^block` ids (escaped);
 * outside code spans and fenced code, which are kept verbatim. (3) When code regions hold anything
 * that would have been rewritten (so a disagreement about where code ends could matter), the
 * result is lexed with marked and checked against an allow-list of token types; if the check
 * fails the note is written as literal text instead (still readable, no Markdown).
 */
import { Lexer } from 'marked'
import type { Token } from 'marked'
import { BARE_URL_G, plainParagraphs } from './escape'
import { DEEP_LINK_SCHEME } from '../links/deep-link'

export interface NeutralizedNote {
  /** Lines to put inside a prefixed container (may be empty strings for blank lines). */
  readonly lines: string[]
  /** 'markdown': the note's Markdown was kept; 'literal': it had to be written as plain text. */
  readonly mode: 'markdown' | 'literal'
}

/** Line breaks for display purposes (the data comment keeps the note exactly). */
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029|\u0085/
/** Block-quote markers, list markers and indentation that may precede a line's own content. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/
const QUOTE_PREFIX = /^(?:[ \t]*>)*[ \t]*/
const ATX = /^#{1,6}(?=[ \t]|$)/
/** Characters without which a line can hold no heading, setext underline, definition or fence. */
const BLOCK_SPECIAL = /[#=\-[`~]/
const BLANK = /^[\s>]*$/
const SETEXT = /^(?:=+|-+)[ \t]*$/
/** A bracketed label that is closed on this line and not followed by `:` (so not a definition). */
const NOT_A_DEFINITION = /^\[(?:\\.|[^\\\]])*\](?!:)/
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', DEEP_LINK_SCHEME])
/** Characters that could matter if code boundaries were misjudged (HTML, headings, defs, links…). */
const RISKY_IN_CODE = /[<#[\]=&]|^\s*-+\s*$/

export function isSafeHref(href: string): boolean {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(href)
  return scheme === null || SAFE_SCHEMES.has(scheme[1]!.toLowerCase())
}

/** True when the `(` at `open` starts a link destination we must not let through. */
function unsafeDestination(line: string, open: number): boolean {
  const rest = line.slice(open + 1).replace(/^[ \t]*/, '')
  if (rest === '') return true // destination on the next line: not worth the risk
  const dest = rest.replace(/^\\?</, '').replace(/\\(.)/g, '$1')
  return !isSafeHref(dest)
}

interface LineState {
  risky: boolean
}

const INLINE_SPECIAL = /[\\`<\]&^%$]/
const INLINE_SPECIAL_G = /[\\`<\]&^%$]/g

/** [start, end) ranges of bare URLs (GFM autolink literals), where `&`, `^`, lone `%` and `$` stay raw. */
function urlRanges(line: string): Array<[number, number]> {
  if (!/:\/\/|www\./i.test(line)) return []
  return [...line.matchAll(BARE_URL_G)].map((m) => [m.index, m.index + m[0].length])
}

/** Escapes inline constructs in one line, outside code spans. */
function escapeInlineMarkdown(line: string, state: LineState): string {
  if (!INLINE_SPECIAL.test(line)) return line
  const urls = urlRanges(line)
  const inUrl = (i: number): boolean => urls.some(([a, b]) => i >= a && i < b)
  let out = ''
  let last = 0
  INLINE_SPECIAL_G.lastIndex = 0
  for (let m = INLINE_SPECIAL_G.exec(line); m !== null; m = INLINE_SPECIAL_G.exec(line)) {
    const i = m.index
    const c = line[i]!
    out += line.slice(last, i)
    let next = i + 1
    if (c === '\\') {
      // An escaped `<` becomes `&lt;` like any other: a bare URL just before it would swallow the backslash.
      next = Math.min(line.length, i + 2)
      out += line[i + 1] === '<' ? '&lt;' : line.slice(i, next)
    } else if (c === '`') {
      let n = 1
      while (line[i + n] === '`') n++
      const close = findBacktickRun(line, i + n, n)
      next = close >= 0 ? close + n : i + n
      const span = line.slice(i, next)
      if (close >= 0 && RISKY_IN_CODE.test(span)) state.risky = true
      out += span
    } else if (c === '<') out += '&lt;'
    else if (c === ']') {
      if (line[i + 1] === '(' && unsafeDestination(line, i + 1)) {
        out += ']\\('
        next = i + 2
      } else out += ']'
    } else if (c === '&' || c === '^') out += inUrl(i) ? c : `\\${c}`
    else out += inUrl(i) && line[i + 1] !== c ? c : `\\${c}` // % and $: doubled, they are Obsidian syntax
    last = next
    INLINE_SPECIAL_G.lastIndex = next
  }
  return out + line.slice(last)
}

function findBacktickRun(line: string, from: number, n: number): number {
  for (let j = from; j < line.length; j++) {
    if (line[j] !== '`') continue
    let m = 1
    while (line[j + m] === '`') m++
    if (m === n) return j
    j += m - 1
  }
  return -1
}

interface Fence {
  readonly char: '`' | '~'
  readonly length: number
  /**
   * Opened at column 0 outside any container: CommonMark then treats every following line as code
   * up to a closing fence (which this scanner also recognises) or the end of the note, exactly as
   * this scanner does — so its content cannot be misjudged and needs no check.
   */
  readonly topLevel: boolean
}

function openingFence(rest: string, topLevel: boolean): Fence | null {
  const m = /^(`{3,}|~{3,})(.*)$/.exec(rest)
  if (!m) return null
  const char = m[1]![0] as '`' | '~'
  if (char === '`' && m[2]!.includes('`')) return null
  return { char, length: m[1]!.length, topLevel }
}

function closesFence(rest: string, fence: Fence): boolean {
  const m = /^(`+|~+)[ \t]*$/.exec(rest)
  return m !== null && m[1]![0] === fence.char && m[1]!.length >= fence.length
}

/** The ATX heading starting at `at` in `line`, three levels lower (at most 6). */
function demoteAt(line: string, at: number): string {
  const level = /^#+/.exec(line.slice(at))![0].length
  return `${line.slice(0, at)}${'#'.repeat(Math.min(6, level + 3))}${line.slice(at + level)}`
}

/** Inserts a backslash at `at` in `line`. */
function escapeAt(line: string, at: number): string {
  return `${line.slice(0, at)}\\${line.slice(at)}`
}

function rewrite(note: string): { lines: string[]; risky: boolean } {
  const state: LineState = { risky: false }
  const lines: string[] = []
  let fence: Fence | null = null
  let previousBlank = true
  for (const raw of note.split(LINE_BREAK)) {
    if (fence) {
      if (closesFence(raw.slice(CONTAINER_PREFIX.exec(raw)![0].length), fence)) fence = null
      else if (!fence.topLevel && RISKY_IN_CODE.test(raw)) state.risky = true
      lines.push(raw)
      previousBlank = false
      continue
    }
    let line = raw
    if (BLOCK_SPECIAL.test(raw)) {
      const prefix = CONTAINER_PREFIX.exec(raw)![0]
      const rest = raw.slice(prefix.length)
      const opened = openingFence(rest, prefix === '')
      if (opened) {
        fence = opened
        lines.push(raw)
        previousBlank = false
        continue
      }
      const quotePrefix = QUOTE_PREFIX.exec(raw)![0]
      if (!previousBlank && SETEXT.test(raw.slice(quotePrefix.length))) line = escapeAt(line, quotePrefix.length)
      else if (ATX.test(rest)) line = demoteAt(line, prefix.length)
      else if (rest.startsWith('[') && !NOT_A_DEFINITION.test(rest)) line = escapeAt(line, prefix.length)
    }
    lines.push(escapeInlineMarkdown(line, state))
    previousBlank = BLANK.test(raw)
  }
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift()
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  return { lines, risky: state.risky }
}

const ALLOWED_TOKENS = new Set([
  'space', 'paragraph', 'heading', 'text', 'escape', 'strong', 'em', 'del', 'codespan', 'br', 'code',
  'blockquote', 'list', 'list_item', 'hr', 'table', 'link', 'image', 'checkbox',
])

/** True when every token is of an allowed type and every link/image goes somewhere safe. */
export function tokensAreSafe(tokens: readonly Token[]): boolean {
  for (const t of tokens) {
    if (!ALLOWED_TOKENS.has(t.type)) return false
    if ((t.type === 'link' || t.type === 'image') && !isSafeHref(t.href)) return false
    const children: Token[][] = []
    if ('tokens' in t && Array.isArray(t.tokens)) children.push(t.tokens)
    if (t.type === 'list') children.push(...(t.items as Token[]).map((item) => [item]))
    if (t.type === 'table') {
      for (const cell of t.header) children.push(cell.tokens)
      for (const row of t.rows) for (const cell of row) children.push(cell.tokens)
    }
    if (!children.every(tokensAreSafe)) return false
  }
  return true
}

export function neutralizeNote(note: string): NeutralizedNote {
  const { lines, risky } = rewrite(note)
  if (risky && !tokensAreSafe(Lexer.lex(lines.join('\n'), { gfm: true }))) {
    return { lines: plainParagraphs(note), mode: 'literal' }
  }
  return { lines, mode: 'markdown' }
}
