/**
 * The matching form of a text — the anchoring profile of the table of typographic equivalences
 * (shared/text/fold.ts): whitespace (including the French non-breaking and thin spaces) and
 * invisible characters removed, punctuation variants folded (’ → ', « » “ ” → ", – — → -, … → ...);
 * case, accents and ligatures kept, so that a changed word is seen as a change.
 * Re-anchoring compares texts in this form so that an edition that only fixes typography or
 * spacing keeps every annotation `anchored`/`moved` instead of asking the reader to confirm.
 * `toRaw` maps each matching-form position back to the raw text, so results are raw offsets.
 */

import { INVISIBLE_CODES, PUNCTUATION, SPACE_CODES } from '../text/fold'

export interface MatchText {
  /** The folded text. */
  readonly text: string
  /** `toRaw[i]` is the raw offset of the character that produced `text[i]`. */
  readonly toRaw: Int32Array
}

/** Code units dropped from the matching form: every Unicode space, and invisible characters (fold.ts). */
function isDropped(c: number): boolean {
  return SPACE_CODES.has(c) || INVISIBLE_CODES.has(c)
}

/** The anchoring profile of the one table (fold.ts): punctuation only, one code unit to one, or to « ... ». */
const FOLD = new Map<number, number>(
  Object.entries(PUNCTUATION)
    .filter(([variant, plain]) => variant.length === 1 && plain.length === 1)
    .map(([variant, plain]) => [variant.charCodeAt(0), plain.charCodeAt(0)] as const),
)
const ELLIPSIS = 0x2026
const DOT = 0x2e

/** Appends the folded form of code unit `c` to `out` at `n`; returns the new length. */
function foldInto(c: number, out: Uint16Array, n: number): number {
  if (c < 0x80) {
    if (c === 32 || (c >= 9 && c <= 13)) return n
    out[n] = FOLD.get(c) ?? c
    return n + 1
  }
  if (isDropped(c)) return n
  if (c === ELLIPSIS) {
    out[n] = DOT
    out[n + 1] = DOT
    out[n + 2] = DOT
    return n + 3
  }
  out[n] = FOLD.get(c) ?? c
  return n + 1
}

function decode(units: Uint16Array): string {
  let s = ''
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode(...units.subarray(i, i + 8192))
  return s
}

export function toMatchText(raw: string): MatchText {
  let room = raw.length
  for (let i = raw.indexOf('…'); i !== -1; i = raw.indexOf('…', i + 1)) room += 2
  const out = new Uint16Array(room)
  const map = new Int32Array(room)
  let n = 0
  for (let i = 0; i < raw.length; i++) {
    const next = foldInto(raw.charCodeAt(i), out, n)
    while (n < next) map[n++] = i
  }
  return { text: decode(out.subarray(0, n)), toRaw: map.subarray(0, n) }
}

/** The folded form alone (for short strings: quotes, prefixes, suffixes). */
export function foldText(raw: string): string {
  const out = new Uint16Array(raw.length * 3)
  let n = 0
  for (let i = 0; i < raw.length; i++) n = foldInto(raw.charCodeAt(i), out, n)
  return decode(out.subarray(0, n))
}

/** Raw range of the matching-form range [start, end) (end > start). */
export function rawRange(m: MatchText, start: number, end: number): { start: number; end: number } {
  return { start: m.toRaw[start]!, end: m.toRaw[end - 1]! + 1 }
}

/** First matching-form position whose raw offset is ≥ `raw` (binary search; `toRaw` is sorted). */
export function matchOffset(m: MatchText, raw: number): number {
  let lo = 0
  let hi = m.toRaw.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (m.toRaw[mid]! < raw) lo = mid + 1
    else hi = mid
  }
  return lo
}
