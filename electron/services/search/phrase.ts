/**
 * Exact-phrase verification from term positions. lunr has no phrase search (lunr.js #62): an AND of
 * the words also finds sections where they are scattered. Here the stored positions of the
 * phrase's indexed words (sorted, as lunr records them) are walked together: each indexed word must
 * be the next occurrence after the previous one, and the text between them must hold exactly the
 * phrase's stop words (not indexed), compared folded. Punctuation between words is ignored; an
 * elision stuck to a word (« de l’économie ») belongs to that word.
 */
import { nextWord, surfaceForm, tokenize, wordsBefore } from '../../shared/search/french-text'

export interface PhraseWord {
  /** Folded, elision-free form (compared for stop words). */
  readonly surface: string
  /** The stem; null for a stop word. */
  readonly term: string | null
}

/** lunr's stored positions of one stem in one field: [start, length], in text order. */
export type Positions = readonly (readonly [number, number])[]

const WORD_CHAR = /[\p{L}\p{N}\p{M}'’ʼ‘]/u
const HAS_WORD = /[\p{L}\p{N}]/u

/** Start of the written word that contains `at` (a stored start may be past an elision). */
function writtenStart(text: string, at: number): number {
  let i = at
  while (i > 0 && WORD_CHAR.test(text[i - 1]!)) i--
  return i
}

/** Whether a written word is the stop word `surface` (fast path for plain lower-case words). */
function sameWord(written: string, surface: string): boolean {
  if (written === surface) return true
  // An elided or accented spelling is at most a few characters longer (« qu’il », « à »).
  if (written.length > surface.length + 8) return false
  return surfaceForm(written) === surface
}

const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu
const INNER_BREAK = /[^\p{L}\p{N}\p{M}'’ʼ‘]/u

/** The text between two indexed words holds exactly these stop words (and punctuation). */
function gapHolds(text: string, from: number, to: number, stopWords: readonly string[], letters: number): boolean {
  if (stopWords.length === 0) return !HAS_WORD.test(text.slice(from, to))
  // Scattered words are far apart: a gap much longer than its stop words cannot hold only them.
  if (to - from < letters || to - from > letters + 12 * stopWords.length + 8) return false
  const gap = text.slice(from, to)
  if (stopWords.length === 1) {
    const word = gap.replace(EDGES, '')
    if (!INNER_BREAK.test(word)) return sameWord(word, stopWords[0]!)
  }
  const words = tokenize(gap)
  return words.length === stopWords.length && words.every((w, i) => sameWord(w.text, stopWords[i]!))
}

/** A phrase prepared once per query: its indexed words and the stop words around and between them. */
export interface PhrasePlan {
  readonly words: readonly PhraseWord[]
  /** Stems of the indexed words, in phrase order. */
  readonly terms: readonly string[]
  /** Stop words between indexed word i and i + 1 (folded), and their total length. */
  readonly between: readonly (readonly string[])[]
  readonly betweenLetters: readonly number[]
  readonly leading: readonly string[]
  readonly trailing: readonly string[]
}

/** null when the phrase has no indexed word (only stop words). */
export function planPhrase(words: readonly PhraseWord[]): PhrasePlan | null {
  const keys = words.flatMap((w, i) => (w.term === null ? [] : [i]))
  if (keys.length === 0) return null
  return {
    words,
    terms: keys.map((k) => words[k]!.term!),
    between: keys.slice(1).map((k, i) => words.slice(keys[i]! + 1, k).map((w) => w.surface)),
    betweenLetters: keys.slice(1).map((k, i) => words.slice(keys[i]! + 1, k).reduce((n, w) => n + w.surface.length, 0)),
    leading: words.slice(0, keys[0]!).map((w) => w.surface),
    trailing: words.slice(keys[keys.length - 1]! + 1).map((w) => w.surface),
  }
}

/**
 * Spans [start, end) of verified occurrences of the phrase in `text`, given the stored positions of
 * each of `plan.terms` in that text (all occurrences, or only the first when `firstOnly`: enough to
 * decide whether a section matches).
 */
export function phraseSpans(text: string, plan: PhrasePlan, lists: readonly (Positions | undefined)[], firstOnly = false): [number, number][] {
  const n = plan.terms.length
  for (let i = 0; i < n; i++) if (!lists[i] || lists[i]!.length === 0) return []
  const { between, betweenLetters, leading, trailing } = plan
  const cursors = new Array<number>(n).fill(0)
  const spans: [number, number][] = []
  const first = lists[0]!
  for (let o = 0; o < first.length; o++) {
    const s = first[o]![0]
    const l = first[o]![1]
    let end = s + l
    let ok = true
    for (let i = 1; i < n && ok; i++) {
      const list = lists[i]!
      let c = cursors[i]!
      while (c < list.length && list[c]![0] < end) c++
      cursors[i] = c
      if (c === list.length) return spans // later occurrences cannot be followed either
      const next = list[c]!
      ok = gapHolds(text, end, writtenStart(text, next[0]), between[i - 1]!, betweenLetters[i - 1]!)
      end = next[0] + next[1]
    }
    for (let j = 0; j < trailing.length && ok; j++) {
      const next = nextWord(text, end)
      ok = next !== null && sameWord(next.text, trailing[j]!)
      if (next) end = next.end
    }
    let start = s
    if (ok && leading.length > 0) {
      // Counted back from the end of the first indexed word (its stored start may be past an elision).
      const before = wordsBefore(text, s + l, leading.length + 1).slice(0, -1)
      ok = before.length === leading.length && before.every((t, i) => sameWord(t.text, leading[i]!))
      if (ok) start = before[0]!.start
    }
    if (ok) {
      spans.push([start, end])
      if (firstOnly) break
    }
  }
  return spans
}
