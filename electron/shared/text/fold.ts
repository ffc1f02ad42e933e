/**
 * The one table of typographic equivalences of the app, and its profiles. Every text match goes
 * through it: find in the document (`foldText`/`findAll`, with offsets), the annotation filters of
 * the panel, the notes view and the export (`foldForCompare`), colour names, the library filter, the
 * search's word rules (search/french-text.ts), re-anchoring (annotations/normalize.ts) and the
 * glossary (`typographicPattern`). « economie » finds « Économie », « l'ESS » finds « l’ESS »,
 * « coeur » finds « cœur ». Folding can change lengths (œ → oe), so the folded text keeps, for each
 * of its characters, the original span it came from: matches are reported as offsets into the
 * ORIGINAL text, the same offsets as `RenderedDocument.text`, so they map straight onto DOM ranges.
 *
 * Profiles, and why each differs:
 *  - compare (find, filters, colour names, library): the whole table, accents and case folded,
 *    runs of spaces as one space;
 *  - anchoring (normalize.ts): punctuation and spaces only (spaces and invisibles dropped); case,
 *    accents and ligatures kept, because re-anchoring must see a changed word as a change;
 *  - search words (french-text.ts): apostrophes and ligatures before elision and stemming (the
 *    French stemmer needs accents); accents folded after;
 *  - glossary (`typographicPattern`): the table as regular-expression classes; acronyms keep their case.
 * The table test (fold.table.test.ts) pins every profile on one hostile string.
 */

/** Each typographic variant and the plain character it counts as. */
export const PUNCTUATION: Readonly<Record<string, string>> = {
  // apostrophes and primes
  '’': "'", '‘': "'", '‚': "'", '‛': "'", 'ʼ': "'", '′': "'", '`': "'", '´': "'",
  // quotation marks
  '“': '"', '”': '"', '„': '"', '‟': '"', '«': '"', '»': '"', '″': '"', '‹': '"', '›': '"',
  // hyphens and dashes, and the minus sign
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
  '…': '...',
}

/** Ligatures and letters written as two. */
export const LIGATURES: Readonly<Record<string, string>> = {
  'œ': 'oe', 'Œ': 'OE', 'æ': 'ae', 'Æ': 'AE', 'ß': 'ss', 'ẞ': 'SS', 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st',
}

/** Every Unicode space (the French no-break and thin spaces among them), as code units. */
export const SPACE_CODES: ReadonlySet<number> = new Set([
  9, 10, 11, 12, 13, 32, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
])

/** Invisible characters: soft hyphen, zero-width space and joiners, word joiner, BOM. */
export const INVISIBLE_CODES: ReadonlySet<number> = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff])

const cache = new Map<string, string>()

/** The compare profile of one code point (possibly several characters, or none for an invisible one). */
export function foldChar(c: string): string {
  let f = cache.get(c)
  if (f !== undefined) return f
  const code = c.codePointAt(0)!
  if (INVISIBLE_CODES.has(code)) f = ''
  else if (SPACE_CODES.has(code) || /\s/u.test(c)) f = ' '
  else f = (PUNCTUATION[c] ?? LIGATURES[c] ?? c).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
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
 * Runs of white space fold to one space (as in `foldForCompare`), which spans the whole run: « a  a »
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

/** The compare profile of a text: folded, trimmed, runs of spaces collapsed (queries, filters, names). */
export function foldForCompare(text: string): string {
  let out = ''
  for (const c of text) out += foldChar(c)
  return out.trim().replace(/ {2,}/g, ' ')
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The characters each plain character stands for, from the table (for regular expressions). */
const VARIANTS = new Map<string, string[]>()
for (const [variant, plain] of Object.entries({ ...PUNCTUATION, ...LIGATURES })) VARIANTS.set(plain, [...(VARIANTS.get(plain) ?? [plain]), variant])
const SPACE_CLASS = `[${[...SPACE_CODES].map((c) => `\\u{${c.toString(16)}}`).join('')}]+`

/**
 * A regular-expression source (flag `u`) matching `text` written with any variant of the table:
 * spaces as any run of spaces, an apostrophe or a dash as any of theirs, « oe » as « œ » and the
 * reverse. Case and accents are left to the caller (the glossary keeps an acronym's case).
 */
export function typographicPattern(text: string): string {
  const chars = [...text.trim()]
  let out = ''
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    if (SPACE_CODES.has(c.codePointAt(0)!)) {
      while (i + 1 < chars.length && SPACE_CODES.has(chars[i + 1]!.codePointAt(0)!)) i++
      out += SPACE_CLASS
      continue
    }
    const plain = PUNCTUATION[c] ?? LIGATURES[c] ?? c
    const pair = plain.length === 1 ? chars.slice(i, i + 2).join('') : ''
    if (pair.length === 2 && VARIANTS.has(pair) && /\p{L}/u.test(pair)) {
      out += `(?:${VARIANTS.get(pair)!.map(escapeRegExp).join('|')})`
      i++
    } else out += VARIANTS.has(plain) ? `(?:${VARIANTS.get(plain)!.map(escapeRegExp).join('|')})` : escapeRegExp(c)
  }
  return out
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
  const q = foldForCompare(query)
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
