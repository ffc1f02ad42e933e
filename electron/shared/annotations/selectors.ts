/**
 * Building the redundant selectors of a new annotation from the rendered text of a document and a
 * selection in it (UTF-16 offsets into RenderedDocument.text). The range is tightened to exclude
 * surrounding whitespace (as Hypothesis shrinks ranges) and never splits a surrogate pair; the quote
 * keeps QUOTE_CONTEXT characters of context on each side.
 */
import { MAX_QUOTE, QUOTE_CONTEXT } from './model'
import type { TextPositionSelector, TextQuoteSelector } from './model'

export type SelectorPair = readonly [TextQuoteSelector, TextPositionSelector]

export type BuildResult = { readonly ok: true; readonly selectors: SelectorPair } | { readonly ok: false; readonly message: string }

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch)
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff

/** Moves `i` off the middle of a surrogate pair (towards `dir`). */
function snap(text: string, i: number, dir: -1 | 1): number {
  if (i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) return i + (dir < 0 ? -1 : 1)
  return i
}

export function buildSelectors(text: string, start: number, end: number): BuildResult {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    return { ok: false, message: `The selection ${start}–${end} is not a range of this document's text (0–${text.length}).` }
  }
  let s = snap(text, start, -1)
  let e = snap(text, end, 1)
  while (s < e && isSpace(text[s])) s++
  while (e > s && isSpace(text[e - 1])) e--
  if (e <= s) return { ok: false, message: 'The selection holds only white space.' }
  if (e - s > MAX_QUOTE) return { ok: false, message: `The selection is too long (${e - s} characters; at most ${MAX_QUOTE}).` }
  const prefixStart = snap(text, Math.max(0, s - QUOTE_CONTEXT), 1)
  let suffixEnd = Math.min(text.length, e + QUOTE_CONTEXT)
  if (suffixEnd < text.length && isLow(text.charCodeAt(suffixEnd))) suffixEnd--
  return {
    ok: true,
    selectors: [
      { type: 'TextQuoteSelector', exact: text.slice(s, e), prefix: text.slice(prefixStart, s), suffix: text.slice(e, suffixEnd) },
      { type: 'TextPositionSelector', start: s, end: e },
    ],
  }
}
