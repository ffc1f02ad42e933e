/**
 * The four engines of the search benchmark, behind one interface, each set up the way a French
 * reader app would reasonably set it up (as in /work/shared/research/search-engines.md):
 * - ours: the app's search (sections, French pipeline, positions, our query evaluation, snippets);
 * - lunr: plain lunr 2.3.9 + lunr-languages' `lunr.fr`, title (boost 5) and body, lunr's syntax;
 * - minisearch: MiniSearch 7, AND, per-term prefix/fuzzy, the Snowball French stemmer (lunr-languages'
 *   copy: @orama/stemmers is not installed here), lunr.fr stop words, accent folding;
 * - scan: the floor, a linear scan of folded text (substring words, anchored prefixes, fuzzy by an
 *   edit-distance-1 alternation, phrases by indexOf).
 * Every engine gets the same query written in our language and translates it.
 */
import lunr from 'lunr'
import MiniSearch from 'minisearch'
import type { Query as MiniQuery } from 'minisearch'
import { parseQuery } from '../../../electron/shared/search/query'
import type { Clause, ParsedQuery } from '../../../electron/shared/search/query'
import { FRENCH_STOP_WORDS, foldWord, normaliseWord } from '../../../electron/shared/search/french-text'
import { buildStoredIndex } from '../../../electron/services/search/build-index'
import { FrenchIndex } from '../../../electron/services/search/french-index'
import { compileQuery } from '../../../electron/services/search/compile'
import { evaluate } from '../../../electron/services/search/evaluate'
import { searchIndex } from '../../../electron/services/search/index-search'
import { registerFrenchPipeline, stem } from '../../../electron/services/search/french-pipeline'
import type { BenchDocument } from './corpus'

export const ENGINES = ['ours', 'lunr', 'minisearch', 'scan'] as const
export type EngineName = (typeof ENGINES)[number]

export interface LoadedEngine {
  /** Top `limit` results, as the app would show them (ours: with snippets). */
  search(query: string, limit: number): unknown
  /** Ids of every matching document (quality probes and hit counts). */
  documents(query: string): Set<string>
}

export interface Engine {
  build(docs: readonly BenchDocument[]): string
  load(serialised: string): LoadedEngine
}

const NO_FILTER = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }

const ours: Engine = {
  build: (docs) => JSON.stringify(buildStoredIndex(docs, 'bench', '2026-11-28T10:00:00Z')),
  load(serialised) {
    const index = FrenchIndex.load(JSON.parse(serialised))
    return {
      search: (q, limit) => searchIndex(index, 'bench', { parsed: parseQuery(q).query, typing: false, facetFilter: NO_FILTER, limit }),
      documents(q) {
        const { matched } = evaluate(index, compileQuery(index, parseQuery(q).query), NO_FILTER, NO_FILTER)
        return new Set(matched.map((r) => index.docs[index.records[r]!.d]!.id))
      },
    }
  },
}

/** Our query in lunr's syntax: every term required, phrases as their words (lunr has no phrases). */
function lunrSyntax(q: ParsedQuery): string {
  const field = (c: Clause): string => (c.field === 'title' ? 'title:' : '')
  return q.clauses
    .flatMap((c) => {
      const sign = c.negated ? '-' : '+'
      if (c.type === 'phrase') return c.text.split(/\s+/u).filter(Boolean).map((w) => `${sign}${field(c)}${w}`)
      return [`${sign}${field(c)}${c.text}${c.mode === 'prefix' ? '*' : c.mode === 'fuzzy' ? `~${c.distance}` : ''}`]
    })
    .join(' ')
}

function lunrFr(): lunr.Builder.Plugin {
  registerFrenchPipeline()
  return (lunr as unknown as { fr: lunr.Builder.Plugin }).fr
}

const plainLunr: Engine = {
  build(docs) {
    const fr = lunrFr()
    const index = lunr(function () {
      this.use(fr)
      this.ref('id')
      this.field('title', { boost: 5 })
      this.field('body')
      for (const d of docs) this.add({ id: d.id, title: d.title, body: d.text })
    })
    return JSON.stringify(index)
  },
  load(serialised) {
    lunrFr()
    const index = lunr.Index.load(JSON.parse(serialised))
    const run = (q: string): lunr.Index.Result[] => {
      try {
        return index.search(lunrSyntax(parseQuery(q).query))
      } catch {
        return [] // lunr's parser throws on what it cannot read
      }
    }
    return { search: (q, limit) => run(q).slice(0, limit), documents: (q) => new Set(run(q).map((r) => r.ref)) }
  },
}

function miniTerm(term: string): string | null {
  const folded = foldWord(normaliseWord(term))
  return FRENCH_STOP_WORDS.has(folded) ? null : stem(folded)
}

const MINI_OPTIONS = { fields: ['title', 'body'], idField: 'id', processTerm: miniTerm }

function miniQuery(q: ParsedQuery): MiniQuery {
  const leaf = (c: Clause): MiniQuery => {
    const fields = c.field === 'title' ? ['title'] : undefined
    if (c.type === 'phrase') return { combineWith: 'AND', queries: [c.text], fields }
    return { queries: [c.text], prefix: c.mode === 'prefix', fuzzy: c.mode === 'fuzzy' ? c.distance : false, fields }
  }
  // A stop word alone would be an empty sub-query, which AND turns into no result at all.
  const searchable = (c: Clause): boolean => c.type !== 'term' || c.mode !== 'word' || miniTerm(c.text) !== null
  const positive: MiniQuery = { combineWith: 'AND', queries: q.clauses.filter((c) => !c.negated && searchable(c)).map(leaf) }
  const negative = q.clauses.filter((c) => c.negated)
  return negative.length === 0 ? positive : { combineWith: 'AND_NOT', queries: [positive, ...negative.map(leaf)] }
}

const minisearch: Engine = {
  build(docs) {
    registerFrenchPipeline()
    const m = new MiniSearch(MINI_OPTIONS)
    m.addAll(docs.map((d) => ({ id: d.id, title: d.title, body: d.text })))
    return JSON.stringify(m)
  },
  load(serialised) {
    registerFrenchPipeline()
    const m = MiniSearch.loadJSON(serialised, MINI_OPTIONS)
    const run = (q: string): { id: string }[] => m.search(miniQuery(parseQuery(q).query), { combineWith: 'AND', boost: { title: 5 } }) as { id: string }[]
    return { search: (q, limit) => run(q).slice(0, limit), documents: (q) => new Set(run(q).map((r) => r.id)) }
  },
}

/** Lower case, accents and ligatures folded, one apostrophe: the scan's normal form. */
function scanFold(s: string): string {
  return foldWord(s.toLowerCase().replace(/[’ʼ‘]/g, "'"))
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Every string at edit distance ≤ 1 of `w`, as a regular expression over [a-z] wildcards. */
function editDistanceOne(w: string): RegExp {
  const alts = new Set<string>([escape(w)])
  for (let i = 0; i <= w.length; i++) {
    alts.add(`${escape(w.slice(0, i))}[a-z0-9]${escape(w.slice(i))}`)
    if (i < w.length) {
      alts.add(`${escape(w.slice(0, i))}${escape(w.slice(i + 1))}`)
      alts.add(`${escape(w.slice(0, i))}[a-z0-9]${escape(w.slice(i + 1))}`)
    }
    if (i < w.length - 1) alts.add(`${escape(w.slice(0, i))}${escape(w[i + 1]!)}${escape(w[i]!)}${escape(w.slice(i + 2))}`)
  }
  return new RegExp(`(?:^|[^a-z0-9])(?:${[...alts].join('|')})(?![a-z0-9])`)
}

type ScanTest = (title: string, text: string) => boolean

function scanClause(c: Clause): ScanTest {
  const needle = scanFold(c.text)
  let test: (s: string) => boolean
  if (c.type === 'phrase' || c.mode === 'word') test = (s) => s.includes(needle)
  else if (c.mode === 'prefix') {
    const re = new RegExp(`(?:^|[^a-z0-9])${escape(needle)}`)
    test = (s) => re.test(s)
  } else {
    const re = editDistanceOne(needle)
    test = (s) => re.test(s)
  }
  const inField: ScanTest = c.field === 'title' ? (t) => test(t) : (t, x) => test(t) || test(x)
  return c.negated ? (t, x) => !inField(t, x) : inField
}

const scan: Engine = {
  build: (docs) => JSON.stringify(docs.map((d) => [d.id, scanFold(d.title), scanFold(d.text)])),
  load(serialised) {
    const rows = JSON.parse(serialised) as [string, string, string][]
    const run = (q: string, limit: number): string[] => {
      const tests = parseQuery(q).query.clauses.map(scanClause)
      const out: string[] = []
      if (tests.length === 0) return out
      // Every query visits every document (no early stop at the limit, like the scoring engines).
      for (const [id, title, text] of rows) if (tests.every((t) => t(title, text))) out.push(id)
      return out.slice(0, limit)
    }
    return { search: (q, limit) => run(q, limit), documents: (q) => new Set(run(q, Infinity)) }
  },
}

export const ENGINE_IMPLEMENTATIONS: Readonly<Record<EngineName, Engine>> = { ours, lunr: plainLunr, minisearch, scan }
