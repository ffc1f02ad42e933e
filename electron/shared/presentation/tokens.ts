/**
 * A rendered document as a flat token stream, the representation the slide splitter works on.
 *
 * The Node adapter (electron/services/presentation/dom-blocks.ts) turns the sanitised HTML of a
 * document into blocks of tokens; everything here is pure. Every text token carries `at`, the offset
 * of its first character in `RenderedDocument.text`, so any slice of a slide can be traced back to
 * the exact characters of the document (this is what makes the no-text-lost property provable, and
 * what lets annotations — TextPositionSelector offsets into the same text — land on the right slide).
 *
 * Tags are kept as structured tokens (name + allow-listed attributes), never as raw HTML, so slicing
 * a paragraph in the middle of a <strong> re-balances the markup and rendering escapes everything.
 */
import { escapeHtml } from '../markdown/escape-html'

export type Attr = readonly [name: string, value: string]

export type Token =
  /** An element's start tag. Zero width. */
  | { readonly k: 'open'; readonly tag: string; readonly attrs: readonly Attr[] }
  /** An element's end tag. Zero width. */
  | { readonly k: 'close'; readonly tag: string }
  /** An element without content (<img>, <br>). Zero width. */
  | { readonly k: 'void'; readonly tag: string; readonly attrs: readonly Attr[] }
  /** Characters of the document text, starting at offset `at`. */
  | { readonly k: 'text'; readonly text: string; readonly at: number }
  /**
   * A footnote marker (the reference number in <sup>, or a "↩" back-reference): real characters of
   * the document text, which slides leave out.
   */
  | { readonly k: 'marker'; readonly text: string; readonly at: number }

export type TextToken = Extract<Token, { k: 'text' | 'marker' }>

export const BLOCK_KINDS = ['heading', 'paragraph', 'list', 'table', 'image', 'quote', 'code', 'rule', 'other'] as const
export type BlockKind = (typeof BLOCK_KINDS)[number]

/** One top-level piece of the document (a heading, a paragraph, a list, a table…). */
export interface Block {
  readonly kind: BlockKind
  /** Heading level (1–6); 0 for other kinds. */
  readonly level: number
  /** Offsets into the document text: [start, end). Inter-block whitespace is part of the block before it. */
  readonly start: number
  readonly end: number
  readonly tokens: readonly Token[]
  /**
   * Set on the blocks of the document's footnotes (its « Notes » heading and list): references,
   * not material to project, so the splitter leaves them out of slides.
   */
  readonly footnotes?: true
}

export function isTextToken(t: Token): t is TextToken {
  return t.k === 'text' || t.k === 'marker'
}

/** The characters covered by the tokens, markers included (equals the document text of the span). */
export function fullText(tokens: readonly Token[]): string {
  let s = ''
  for (const t of tokens) if (isTextToken(t)) s += t.text
  return s
}

/** The characters a slide shows: markers left out. */
export function visibleText(tokens: readonly Token[]): string {
  let s = ''
  for (const t of tokens) if (t.k === 'text') s += t.text
  return s
}

export function withoutMarkers(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.k !== 'marker')
}

/** Offsets of the first and past-the-last characters (null when the tokens carry no text). */
export function textSpan(tokens: readonly Token[]): { start: number; end: number } | null {
  let start = -1
  let end = -1
  for (const t of tokens) {
    if (!isTextToken(t) || t.text.length === 0) continue
    if (start < 0) start = t.at
    end = t.at + t.text.length
  }
  return start < 0 ? null : { start, end }
}

/**
 * The part of `tokens` whose text lies in [from, to), with the markup re-balanced: elements open
 * at the cut are re-opened, elements still open at the end are closed. Zero-width tokens at a cut
 * position: start tags and void elements go with the range that begins there, end tags with the
 * range that ends there — so a list cut at an item's offset keeps whole <li> elements.
 */
export function clipTokens(tokens: readonly Token[], from: number, to: number): Token[] {
  const positions = zeroWidthPositions(tokens, from)
  const out: Token[] = []
  const stack: { tok: Extract<Token, { k: 'open' }>; emitted: boolean }[] = []
  const flushOpens = (): void => {
    for (const e of stack) {
      if (!e.emitted) {
        out.push(e.tok)
        e.emitted = true
      }
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const pos = positions[i]!
    if (isTextToken(t)) {
      if (t.at >= to) break
      const a = Math.max(t.at, from)
      const b = Math.min(t.at + t.text.length, to)
      if (a < b) {
        flushOpens()
        out.push({ ...t, text: t.text.slice(a - t.at, b - t.at), at: a })
      }
      continue
    }
    if (t.k === 'close') {
      const top = stack.pop()
      if (top?.emitted) out.push(t)
      continue
    }
    if (pos >= to) break
    if (t.k === 'open') stack.push({ tok: t, emitted: false })
    if (pos >= from) {
      flushOpens()
      if (t.k === 'void') out.push(t)
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.emitted) out.push({ k: 'close', tag: stack[i]!.tok.tag })
  return out
}

/**
 * The text offset each token sits at: a text token at its first character, a zero-width token at
 * the end of the text before it (or, before any text, at the start of the text after it).
 */
function zeroWidthPositions(tokens: readonly Token[], fallback: number): number[] {
  const positions = new Array<number>(tokens.length)
  let next = fallback
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!
    if (isTextToken(t)) next = t.at
    positions[i] = next
  }
  let last: number | null = null
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (isTextToken(t)) {
      positions[i] = t.at
      last = t.at + t.text.length
    } else if (last !== null) {
      positions[i] = last
    }
  }
  return positions
}

/** A highlight to paint on a slide: a span of the document text and a colour id. */
export interface Highlight {
  readonly start: number
  readonly end: number
  readonly color: string
}

function renderAttrs(attrs: readonly Attr[]): string {
  return attrs.map(([n, v]) => ` ${n}="${escapeHtml(v)}"`).join('')
}

function renderText(t: Extract<Token, { k: 'text' }>, highlights: readonly Highlight[]): string {
  const s = t.at
  const e = t.at + t.text.length
  const cuts = new Set<number>([s, e])
  for (const h of highlights) {
    if (h.end <= s || h.start >= e) continue
    cuts.add(Math.max(h.start, s))
    cuts.add(Math.min(h.end, e))
  }
  if (cuts.size === 2) return escapeHtml(t.text)
  const points = [...cuts].sort((x, y) => x - y)
  let html = ''
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    const piece = escapeHtml(t.text.slice(a - s, b - s))
    // The most specific (latest-starting) highlight covering the piece gives its colour.
    let cover: Highlight | null = null
    for (const h of highlights) if (h.start <= a && h.end >= b && (!cover || h.start >= cover.start)) cover = h
    html += cover ? `<mark class="hl" data-color="${escapeHtml(cover.color)}">${piece}</mark>` : piece
  }
  return html
}

/** HTML for tokens (markers dropped); text is escaped, highlights become <mark data-color>. */
export function renderTokens(tokens: readonly Token[], highlights: readonly Highlight[] = []): string {
  let html = ''
  for (const t of tokens) {
    switch (t.k) {
      case 'open':
      case 'void':
        html += `<${t.tag}${renderAttrs(t.attrs)}>`
        break
      case 'close':
        html += `</${t.tag}>`
        break
      case 'text':
        html += renderText(t, highlights)
        break
      case 'marker':
        break
    }
  }
  return html
}

/** The text tokens' characters joined, with the document offset of each (`at[i]` is that of `text[i]`). */
export function textWithOffsets(tokens: readonly Token[]): { text: string; at: number[] } {
  let text = ''
  const at: number[] = []
  for (const t of tokens) {
    if (t.k !== 'text') continue
    text += t.text
    for (let i = 0; i < t.text.length; i++) at.push(t.at + i)
  }
  return { text, at }
}
