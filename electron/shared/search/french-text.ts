/**
 * The French text rules of search, as plain string functions (no lunr, no environment), so the
 * index side, the query side and the UI all fold words the same way:
 *
 *   tokenize  →  normalise (case, apostrophes, ligatures)  →  strip elision (l’ d’ qu’ jusqu’ …)
 *             →  trim punctuation  →  fold accents  →  drop stop words  →  stem (lunr.fr, services)
 *
 * The lunr pipeline functions in `electron/services/search/french-pipeline.ts` wrap these.
 */
import { LIGATURES, PUNCTUATION } from '../text/fold'

/** A word of the text with its place: `start`/`end` are UTF-16 offsets into the tokenized string. */
export interface TextToken {
  readonly text: string
  readonly start: number
  readonly end: number
}

/**
 * Words are runs of letters, digits and combining marks, with inner apostrophes kept (« l’économie »,
 * « aujourd’hui »: elision is the pipeline's job, so a position still covers the whole written word).
 * Everything else separates words, including hyphens (« tiers-lieu » → tiers, lieu), the point médian
 * of inclusive writing and French spaces (U+00A0, U+202F).
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ‘][\p{L}\p{N}\p{M}]+)*/gu

export function tokenize(text: string): TextToken[] {
  const out: TextToken[] = []
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  return out
}

const NEXT = new RegExp(WORD.source, 'gu')

/** The first word that starts at or after `from`, or null. */
export function nextWord(text: string, from: number): TextToken | null {
  NEXT.lastIndex = from
  const m = NEXT.exec(text)
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : null
}

/** The last `count` words that end at or before `before` (fewer near the start of the text). */
export function wordsBefore(text: string, before: number, count: number): TextToken[] {
  for (let span = 48 * count; ; span *= 2) {
    const from = Math.max(0, before - span)
    // Skip a word cut in half by the window's start unless the window starts the text.
    const words = tokenize(text.slice(from, before)).map((w) => ({ ...w, start: w.start + from, end: w.end + from }))
    const whole = from === 0 ? words : words.slice(1)
    if (whole.length >= count || from === 0) return whole.slice(-count)
  }
}

/** Lower case, one apostrophe (’ ʼ ‘ → '), ligatures spelled out (œ → oe, æ → ae): the table of fold.ts, accents kept for the stemmer. */
export function normaliseWord(word: string): string {
  let out = ''
  for (const c of word.toLowerCase()) out += PUNCTUATION[c] === "'" ? "'" : (LIGATURES[c] ?? c)
  return out
}

/** French elided articles, pronouns and conjunctions, on a normalised word. */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=.)/

/** How many leading characters are an elision (« l'économie » → 2, « jusqu'ici » → 6, else 0). */
export function elisionLength(normalisedWord: string): number {
  const m = ELISION.exec(normalisedWord)
  return m ? m[0].length : 0
}

export function stripElision(normalisedWord: string): string {
  return normalisedWord.slice(elisionLength(normalisedWord))
}

/** Accent folding for search (é → e, ç → c, œ → oe…), with the ligatures of fold.ts's table. */
export function foldWord(word: string): string {
  let out = ''
  for (const c of word) out += LIGATURES[c] ?? c
  return out.normalize('NFD').replace(/\p{M}+/gu, '')
}

/**
 * The Snowball French stop words as lunr-languages lists them, plus their unaccented spellings
 * (so « ete » typed for « été » is treated like it). Checked after folding.
 */
const SNOWBALL_FR =
  'ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ceci celà ces cet cette d dans de des du elle en es est et eu eue eues eurent eus eusse eussent eusses eussiez eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses fussiez fussions fut fûmes fût fûtes ici il ils j je l la le les leur leurs lui m ma mais me mes moi mon même n ne nos notre nous on ont ou par pas pour qu que quel quelle quelles quels qui s sa sans se sera serai seraient serais serait seras serez seriez serions serons seront ses soi soient sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton tu un une vos votre vous y à étaient étais était étant étiez étions été étée étées étés êtes'

export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(SNOWBALL_FR.split(' ').map(foldWord))

export function isStopWord(foldedWord: string): boolean {
  return FRENCH_STOP_WORDS.has(foldedWord)
}

/**
 * Everything but stemming: the form a word is matched by for prefixes, fuzzy terms and « did you
 * mean » (« L’Économie » → economie, « Œuvres » → oeuvres). '' when nothing word-like is left.
 */
export function surfaceForm(word: string): string {
  const n = stripElision(normaliseWord(word))
  return foldWord(n).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
}
