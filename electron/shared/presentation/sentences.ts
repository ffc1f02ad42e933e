/**
 * Sentence boundaries in French prose, for splitting a long paragraph across slides.
 *
 * A boundary is after a terminator (. ! ? … possibly repeated, e.g. « ?! »), optionally followed
 * by closing quotes or brackets (French closing guillemets come after a non-breaking space:
 * « … fin. »), then ordinary whitespace, then something that can start a sentence (a capital, a
 * digit, an opening guillemet or quote, a dash, an opening bracket).
 *
 * Not boundaries:
 * - the non-breaking spaces French puts BEFORE « ? ! : ; » (U+00A0, U+202F) — JavaScript's \s
 *   matches them, so only ASCII whitespace counts as a break here;
 * - colons and semicolons (they do not end a sentence);
 * - a period after a known abbreviation (M., Mme, cf., p., art., n°…) or after initials
 *   (A. Kauffmann, J.-C.);
 * - a period inside a number or an address (1.4, framasoft.net): no space follows.
 */

/** Abbreviations that are followed by a period and usually by a capital or a number. */
const ABBREVIATIONS = new Set(
  [
    'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Dr', 'Pr', 'Me', 'Mgr', 'St', 'Ste', 'Sts',
    'cf', 'p', 'pp', 'art', 'al', 'vol', 'chap', 'éd', 'coll', 'fig', 'n', 'no', 'op', 'cit', 'ibid',
    'env', 'av', 'apr', 'ex', 'tél', 'réf', 'sq', 'suiv', 'v', 'vs', 'Cie', 'dir', 'trad', 'ch', 't',
    'hab', 'min', 'max', 'approx', 'éds', 'Inc', 'Ltd', 'Co', 'Mr', 'Mrs', 'Ms',
  ].map((a) => a.toLowerCase()),
)

/** « etc. » ends most sentences it appears in; it is an abbreviation only before a lower-case word. */
const WEAK_ABBREVIATIONS = new Set(['etc'])

const TERMINATOR = /[.!?…]/u
const CLOSER = /[»”’")\]]/u
const NBSP = /[\u00A0\u202F]/u
const ASCII_SPACE = /[ \t\n\r]/
const OPENER = /[\p{Lu}\p{N}«“"'([—–¿¡]/u

/** The word just before index `i` (letters, digits, dots and hyphens: catches « J.-C »). */
function wordBefore(text: string, i: number): string {
  let j = i
  while (j > 0 && /[\p{L}\p{N}.\-°]/u.test(text[j - 1]!)) j--
  return text.slice(j, i)
}

function isAbbreviation(word: string, nextChar: string): boolean {
  const bare = word.replace(/^[.-]+/, '')
  if (bare === '') return false
  // Initials: « A », « J.-C », « M.-L ».
  if (/^\p{Lu}(?:\.-?\p{Lu})*$/u.test(bare)) return true
  const last = bare.split('.').pop()!.toLowerCase()
  if (WEAK_ABBREVIATIONS.has(last)) return /\p{Ll}/u.test(nextChar)
  return ABBREVIATIONS.has(last) || /°$/.test(bare)
}

/**
 * Offsets where a new sentence starts (the first character of the next sentence: the whitespace
 * before it stays with the sentence that ends). Never 0, never text.length; ascending.
 */
export function sentenceStarts(text: string): number[] {
  const starts: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (!TERMINATOR.test(text[i]!)) continue
    let j = i + 1
    while (j < text.length && TERMINATOR.test(text[j]!)) j++
    // Closing quotes/brackets, with the non-breaking space French puts before « ».
    for (;;) {
      if (j < text.length && CLOSER.test(text[j]!)) j++
      else if (j + 1 < text.length && NBSP.test(text[j]!) && CLOSER.test(text[j + 1]!)) j += 2
      else break
    }
    const afterEnd = j
    if (j >= text.length || !ASCII_SPACE.test(text[j]!)) continue
    while (j < text.length && ASCII_SPACE.test(text[j]!)) j++
    if (j >= text.length || !OPENER.test(text[j]!)) continue
    if (text[i] === '.' && afterEnd === i + 1 && isAbbreviation(wordBefore(text, i), text[j]!)) continue
    starts.push(j)
    i = j - 1
  }
  return starts
}
