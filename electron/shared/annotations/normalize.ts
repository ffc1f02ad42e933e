/**
 * The matching form of a text: whitespace (including the French non-breaking and thin spaces) and
 * invisible characters removed, typographic variants folded (’ → ', « » “ ” → ", – — → -, … → ...).
 * Re-anchoring compares texts in this form so that an edition that only fixes typography or
 * spacing keeps every annotation `anchored`/`moved` instead of asking the reader to confirm.
 * `toRaw` maps each matching-form position back to the raw text, so results are raw offsets.
 */

export interface MatchText {
  /** The folded text. */
  readonly text: string
  /** `toRaw[i]` is the raw offset of the character that produced `text[i]`. */
  readonly toRaw: Int32Array
}

/** Code units dropped from the matching form: every Unicode space, and invisible characters. */
function isDropped(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0xa0 || c === 0xad || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ||
    c === 0x2060 || c === 0x3000 || c === 0xfeff
  )
}

const APOSTROPHE = 0x27
const QUOTE = 0x22
const DASH = 0x2d
const FOLD = new Map<number, number>([
  ...[0x2019, 0x2018, 0x201a, 0x201b, 0x2bc, 0x2032].map((c) => [c, APOSTROPHE] as const),
  ...[0x201c, 0x201d, 0x201e, 0x201f, 0xab, 0xbb, 0x2033, 0x2039, 0x203a].map((c) => [c, QUOTE] as const),
  ...[0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212].map((c) => [c, DASH] as const),
])
const ELLIPSIS = 0x2026
const DOT = 0x2e

/** Appends the folded form of code unit `c` to `out` at `n`; returns the new length. */
function foldInto(c: number, out: Uint16Array, n: number): number {
  if (c < 0x80) {
    if (c === 32 || (c >= 9 && c <= 13)) return n
    out[n] = c === 0x60 ? APOSTROPHE : c
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
