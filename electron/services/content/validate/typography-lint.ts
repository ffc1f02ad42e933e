/**
 * French typography on prose (content/README.md, « Typographie française ») : no straight quotes or
 * apostrophes, a no-break space (U+202F, or U+00A0) before `: ; ! ?`, and inside « ». Works on a
 * masked text (see prose-mask.ts) where only prose characters remain; the neighbours of a flagged
 * character are read in the original, so `code`: and [lien](x): count as "no space".
 */

export interface TypographyFinding {
  /** Offset in the text. */
  readonly offset: number
  readonly message: string
}

const NO_BREAK = new Set(['\u00a0', '\u202f'])
const HIGH_PUNCTUATION = new Set([':', ';', '!', '?'])

function spaceBefore(original: string, i: number, char: string): string | null {
  const prev = original[i - 1]
  if (prev === undefined || prev === '\n' || NO_BREAK.has(prev)) return null
  // `?!`, `!!`, `(?)`, `[!]`, and digits around a colon (a time, a ratio: 1:1).
  if ((char === '!' || char === '?') && (prev === '!' || prev === '?')) return null
  if (prev === '(' || prev === '[') return null
  if (char === ':' && /\d/.test(prev) && /\d/.test(original[i + 1] ?? '')) return null
  return prev === ' ' || prev === '\t'
    ? `ordinary space before '${char}': use a no-break space (U+202F)`
    : `missing no-break space before '${char}' (U+202F)`
}

function guillemetSpace(original: string, i: number, char: '«' | '»'): string | null {
  const neighbour = char === '«' ? original[i + 1] : original[i - 1]
  if (neighbour !== undefined && NO_BREAK.has(neighbour)) return null
  const side = char === '«' ? 'after' : 'before'
  return neighbour === ' ' || neighbour === '\t'
    ? `ordinary space ${side} '${char}': use a no-break space (U+00A0)`
    : `missing no-break space ${side} '${char}' (U+00A0)`
}

/** `masked` and `original` have the same length; only characters that survived the mask are checked. */
export function lintTypography(masked: string, original: string): TypographyFinding[] {
  const findings: TypographyFinding[] = []
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i]!
    let message: string | null = null
    if (c === '"') message = `straight double quote '"': use « » (with no-break spaces)`
    else if (c === "'") message = `straight apostrophe "'": use ’`
    else if (HIGH_PUNCTUATION.has(c)) message = spaceBefore(original, i, c)
    else if (c === '«' || c === '»') message = guillemetSpace(original, i, c)
    if (message) findings.push({ offset: i, message })
  }
  return findings
}

/** A short excerpt around an offset (same line), to find the spot by eye. */
export function excerpt(original: string, offset: number, radius = 18): string {
  const lineStart = original.lastIndexOf('\n', offset - 1) + 1
  const nl = original.indexOf('\n', offset)
  const lineEnd = nl < 0 ? original.length : nl
  const from = Math.max(lineStart, offset - radius)
  const to = Math.min(lineEnd, offset + radius + 1)
  return `${from > lineStart ? '…' : ''}${original.slice(from, to)}${to < lineEnd ? '…' : ''}`
}
