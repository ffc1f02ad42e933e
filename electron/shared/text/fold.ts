/**
 * Accent-, case- and typography-insensitive matching for « find in the document »: « economie »
 * finds « Économie », « l'ESS » finds « l’ESS », « coeur » finds « cœur ». Folding can change
 * lengths (œ → oe), so the folded text keeps, for each of its characters, the original span it came
 * from: matches are reported as offsets into the ORIGINAL text, the same offsets as
 * `RenderedDocument.text`, so they map straight onto DOM ranges without touching the text.
 */

/** Characters whose folding is not covered by NFD + lower-casing. */
const SPECIAL: Readonly<Record<string, string>> = {
  'œ': 'oe', 'Œ': 'oe', 'æ': 'ae', 'Æ': 'ae', 'ß': 'ss', 'ﬁ': 'fi', 'ﬂ': 'fl',
  '’': "'", '‘': "'", 'ʼ': "'", '′': "'", '`': "'",
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
  '…': '...',
}

const cache = new Map<string, string>()

/** The folded form of one code point (possibly several characters, possibly empty for a lone mark). */
export function foldChar(c: string): string {
  let f = cache.get(c)
  if (f !== undefined) return f
  if (SPECIAL[c] !== undefined) f = SPECIAL[c]
  else if (/\s/u.test(c)) f = ' '
  else f = c.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
  cache.set(c, f)
  return f
}

export interface FoldedText {
  readonly folded: string
  /** For folded character k: the original offset of the code point it came from… */
  readonly origStart: Int32Array
  /** …and the original offset just past that code point. */
  readonly origEnd: Int32Array
}

/**
 * Runs of white space fold to one space (as in `foldQuery`), which spans the whole run: « a  a »
 * (two spaces, a line break…) is found by « a a ».
 */
export function foldText(text: string): FoldedText {
  const out: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  let i = 0
  let lastSpace = false
  for (const c of text) {
    const f = foldChar(c)
    if (f === ' ' && lastSpace) {
      ends[ends.length - 1] = i + c.length
      i += c.length
      continue
    }
    lastSpace = f.endsWith(' ')
    for (let k = 0; k < f.length; k++) {
      starts.push(i)
      ends.push(i + c.length)
    }
    out.push(f)
    i += c.length
  }
  return { folded: out.join(''), origStart: Int32Array.from(starts), origEnd: Int32Array.from(ends) }
}

/** A query folded the same way, trimmed, with runs of spaces collapsed. */
export function foldQuery(query: string): string {
  let out = ''
  for (const c of query) out += foldChar(c)
  return out.trim().replace(/ {2,}/g, ' ')
}

export interface TextMatch {
  /** Offset into the original text. */
  readonly start: number
  /** Offset just past the match in the original text. */
  readonly end: number
}

/**
 * Every non-overlapping occurrence of `query` in the folded text, in order, as original offsets.
 * At most `limit` matches (a one-letter query in a long document stays cheap).
 */
export function findAll(text: FoldedText, query: string, limit = 10_000): TextMatch[] {
  const q = foldQuery(query)
  const matches: TextMatch[] = []
  if (q === '') return matches
  let from = 0
  while (matches.length < limit) {
    const k = text.folded.indexOf(q, from)
    if (k < 0) break
    matches.push({ start: text.origStart[k]!, end: text.origEnd[k + q.length - 1]! })
    from = k + q.length
  }
  return matches
}
