/**
 * Turns a parsed query into requirements on a loaded index. Every written word goes through the
 * index's own French steps (`analyseWord`); prefixes and fuzzy words are matched against the folded,
 * unstemmed vocabulary and then mapped to stems, which is what makes `cooperatve~1` find
 * « coopérative » (lunr alone compares stems: `cooperatv` vs `cooper`, 3 edits) and `reconnaissa*`
 * find « reconnaissance » (lunr.js #413: the prefix is longer than the stem `reconnaiss`).
 */
import type { Clause, ParsedQuery } from '../../shared/search/query'
import { surfaceForm, tokenize } from '../../shared/search/french-text'
import { analyseWord, stem } from './french-pipeline'
import type { Posting, WordSource } from './french-index'
import { INDEX_FIELDS } from './index-format'
import type { IndexField } from './index-format'
import { planPhrase } from './phrase'
import type { PhrasePlan, PhraseWord } from './phrase'

/**
 * Where a query's stems are looked up: one index (`FrenchIndex`), or a set of indexes compiled once
 * and bound to each (shard-set.ts).
 */
export interface TermLookup extends WordSource {
  posting(term: string): Posting | undefined
  /** The stems (present here) that a list of folded words stands for. */
  stemsOf(words: readonly string[]): string[]
}

/** One stem that satisfies a requirement, with its weight in ranking (exact words weigh most). */
export interface Alternative {
  readonly term: string
  readonly posting: Posting
  readonly weight: number
}

/** Satisfied by a section where any alternative occurs in any of the fields. */
export interface Atom {
  readonly alternatives: readonly Alternative[]
  readonly fields: readonly IndexField[]
}

export interface Requirement {
  /** All must hold (a phrase has one atom per indexed word, in `phrase.terms` order). */
  readonly atoms: readonly Atom[]
  /** For a phrase of several words: verified with positions. */
  readonly phrase: PhrasePlan | null
}

export interface CompiledQuery {
  readonly positive: readonly Requirement[]
  readonly negative: readonly Requirement[]
  /** Stop words left out of the search (« de », « la »…), as typed. */
  readonly ignored: readonly string[]
  /** The query had positive clauses but none left anything to search (only stop words). */
  readonly emptied: boolean
}

const EXACT = 1
const EXPANDED_PREFIX = 0.7
const EXPANDED_FUZZY = 0.6
const TYPING = 0.5

/**
 * Typos tolerated for a word of this length: none up to 3 letters (« de~2 » would match every short
 * word), at most 1 up to 5, else what was asked (1 or 2). Keeps fuzzy matching meaningful and cheap.
 */
export function fuzzyDistance(surface: string, asked: number): number {
  return Math.min(asked, surface.length <= 3 ? 0 : surface.length <= 5 ? 1 : 2)
}

function fieldsOf(c: Clause): readonly IndexField[] {
  return c.field === 'title' ? ['title'] : INDEX_FIELDS
}

function exactAtom(index: TermLookup, term: string, fields: readonly IndexField[]): Atom {
  const posting = index.posting(term)
  return { alternatives: posting ? [{ term, posting, weight: EXACT }] : [], fields }
}

/** Exact stem (if indexed) at full weight, then the stems of `words` at `weight`. */
function expandedAtom(index: TermLookup, surface: string, words: readonly string[], weight: number, fields: readonly IndexField[]): Atom {
  const exact = stem(surface)
  const alternatives: Alternative[] = []
  const own = index.posting(exact)
  if (own) alternatives.push({ term: exact, posting: own, weight: EXACT })
  for (const term of index.stemsOf(words)) {
    if (term !== exact) alternatives.push({ term, posting: index.posting(term)!, weight })
  }
  return { alternatives, fields }
}

function phraseRequirement(index: TermLookup, words: readonly string[], fields: readonly IndexField[], ignored: string[]): Requirement | null {
  const plan = planPhrase(words.map((w): PhraseWord => ({ surface: surfaceForm(w), term: analyseWord(w).term })))
  if (!plan) {
    ignored.push(...words)
    return null
  }
  const atoms = plan.terms.map((t) => exactAtom(index, t, fields))
  return { atoms, phrase: words.length > 1 ? plan : null }
}

function compileClause(index: TermLookup, c: Clause, typing: boolean, ignored: string[]): Requirement[] {
  const fields = fieldsOf(c)
  const written = tokenize(c.text).map((t) => t.text)
  if (written.length === 0) return []
  if (c.type === 'phrase' || (c.mode === 'word' && written.length > 1 && !typing)) {
    // A quoted phrase, or a hyphenated word such as « tiers-lieu », which must stay one phrase.
    const r = phraseRequirement(index, written, fields, ignored)
    return r ? [r] : []
  }
  const out: Requirement[] = []
  for (const w of written.slice(0, -1)) {
    const a = analyseWord(w)
    if (a.term === null) ignored.push(w)
    else out.push({ atoms: [exactAtom(index, a.term, fields)], phrase: null })
  }
  const last = written[written.length - 1]!
  const a = analyseWord(last)
  if (c.mode === 'prefix') {
    out.push({ atoms: [expandedAtom(index, a.surface, index.wordsWithPrefix(a.surface), EXPANDED_PREFIX, fields)], phrase: null })
  } else if (c.mode === 'fuzzy') {
    const distance = fuzzyDistance(a.surface, c.distance)
    const near = distance > 0 ? index.wordsNear(a.surface, distance) : []
    out.push({ atoms: [expandedAtom(index, a.surface, near, EXPANDED_FUZZY, fields)], phrase: null })
  } else if (typing && a.surface.length >= 2) {
    // The word being typed: itself, or any word it begins.
    out.push({ atoms: [expandedAtom(index, a.surface, index.wordsWithPrefix(a.surface), TYPING, fields)], phrase: null })
  } else if (a.term === null) {
    ignored.push(last)
  } else {
    out.push({ atoms: [exactAtom(index, a.term, fields)], phrase: null })
  }
  return out
}

/**
 * `typing`: the query is being typed (search palette) and does not end with a space, so its last
 * plain word also matches the words it begins. A set of small indexes compiles once, on their
 * common vocabulary and terms (shard-set.ts), then binds the result to each.
 */
export function compileQuery(index: TermLookup, q: ParsedQuery, typing = false): CompiledQuery {
  const ignored: string[] = []
  const positive: Requirement[] = []
  const negative: Requirement[] = []
  const lastPositive = q.clauses.findLastIndex((c) => !c.negated)
  q.clauses.forEach((c, i) => {
    const typingThis = typing && i === lastPositive && c.type === 'term' && c.mode === 'word'
    const reqs = compileClause(index, c, typingThis, c.negated ? [] : ignored)
    ;(c.negated ? negative : positive).push(...reqs)
  })
  const emptied = positive.length === 0 && q.clauses.some((c) => !c.negated)
  return { positive, negative, ignored, emptied }
}
