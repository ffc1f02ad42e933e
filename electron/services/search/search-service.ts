/**
 * The search service: parses the query once (never throwing: a query it cannot read is searched as
 * plain words and the response carries a notice), runs it on every source, merges the section hits
 * by score, groups them by document, counts facets and, when nothing is found, proposes variants.
 */
import { asTyped, formatQuery, hasPositiveClause, parseQuery } from '../../shared/search/query'
import type { ParsedQuery } from '../../shared/search/query'
import type { FacetCount, LocateResponse, SearchNotice, SearchRequest, SearchResponse, SearchStatus } from '../../shared/search/types'
import type { DocumentGroup } from '../../shared/search/types'
import { AppFailure } from '../../shared/result'
import { analyseWord } from './french-pipeline'
import { tokenize } from '../../shared/search/french-text'
import type { DocFilter } from './evaluate'
import type { FacetDoc, SearchSource, SourceHit, SourceResult } from './source'
import { suggestAlternatives } from './suggestions'

export interface SearchService {
  query(request: SearchRequest): Promise<SearchResponse>
  locate(q: string, docId: string): Promise<LocateResponse>
  status(): SearchStatus
  /** Adds a source (e.g. the user's annotations); its hits are merged with the others by score. */
  addSource(source: SearchSource): void
  /** Resolves when every source is ready. */
  ready(): Promise<void>
}

export const DEFAULT_LIMIT = 50
export const DEFAULT_PER_DOCUMENT = 3

function facetCounts(docs: readonly FacetDoc[]): { kinds: FacetCount[]; tags: FacetCount[] } {
  const seen = new Set<string>()
  const kinds = new Map<string, number>()
  const tags = new Map<string, number>()
  for (const d of docs) {
    if (seen.has(d.docId)) continue
    seen.add(d.docId)
    kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1)
    for (const t of d.tags) tags.set(t, (tags.get(t) ?? 0) + 1)
  }
  const sorted = (m: Map<string, number>): FacetCount[] =>
    [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr'))
  return { kinds: sorted(kinds), tags: sorted(tags) }
}

function group(hits: readonly SourceHit[], sectionsPerDoc: ReadonlyMap<string, number>, perDocument: number): DocumentGroup[] {
  const groups = new Map<string, { first: SourceHit; sections: SourceHit[] }>()
  for (const h of hits) {
    const g = groups.get(h.docId)
    if (!g) groups.set(h.docId, { first: h, sections: [h] })
    else if (g.sections.length < perDocument) g.sections.push(h)
  }
  return [...groups.values()].map(({ first, sections }) => ({
    docId: first.docId,
    title: first.docTitle,
    kind: first.kind,
    tags: first.tags,
    score: first.score,
    sections: sections.map(({ docTitle: _t, kind: _k, tags: _g, ...hit }) => hit),
    moreSections: Math.max(0, (sectionsPerDoc.get(first.docId) ?? sections.length) - sections.length),
  }))
}

/** Only stop words were typed (« de la »): nothing can be searched. */
function onlyStopWords(q: ParsedQuery): boolean {
  const positive = q.clauses.filter((c) => !c.negated)
  return positive.length > 0 && positive.every((c) => c.type !== 'term' || c.mode === 'word') &&
    positive.every((c) => tokenize(c.text).every((w) => analyseWord(w.text).term === null))
}

export function createSearchService(initial: readonly SearchSource[], status: () => SearchStatus): SearchService {
  const sources: SearchSource[] = [...initial]

  async function run(parsed: ParsedQuery, facetFilter: DocFilter, limit: number, typing: boolean): Promise<SourceResult[]> {
    return Promise.all(sources.map((s) => s.search({ parsed, typing, facetFilter, limit })))
  }

  async function sourceProblem(parsed: ParsedQuery): Promise<SearchNotice | null> {
    for (const s of sources) {
      const p = await s.problem?.(parsed)
      if (p) return p
    }
    return null
  }

  async function count(q: string): Promise<number> {
    const { query, problem } = parseQuery(q)
    if (problem || !hasPositiveClause(query)) return 0
    const results = await run(query, { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }, 1, false)
    return results.reduce((n, r) => n + r.totalSections, 0)
  }

  return {
    addSource: (s) => void sources.push(s),
    status,
    ready: async () => void (await Promise.all(sources.map((s) => s.ready()))),

    async query(request) {
      const started = performance.now()
      const text = request.q.trim()
      const { query: parsed, problem } = parseQuery(text)
      const limit = request.limit ?? DEFAULT_LIMIT
      const facetFilter: DocFilter = { kinds: request.kinds ?? [], excludedKinds: [], tags: request.tags ?? [], excludedTags: [] }
      const hasFilter =
        parsed.scope !== 'all' || parsed.kinds.length + parsed.excludedKinds.length + parsed.tags.length + parsed.excludedTags.length + parsed.colors.length + parsed.excludedColors.length > 0
      const typing = request.typing === true && !/\s$/u.test(request.q)
      const effective = formatQuery(typing ? asTyped(parsed) : parsed)
      const empty = (notice: SearchNotice | null): SearchResponse => ({
        query: request.q, effective, groups: [], total: { documents: 0, sections: 0, bySource: {} }, facets: { kinds: [], tags: [], sources: [] },
        notice, ignored: [], suggestions: [], tookMs: performance.now() - started,
      })
      if (text === '') return empty(null)
      if (!hasPositiveClause(parsed) && !hasFilter) return empty(problem ?? { code: 'nothing-to-search', near: text })
      if (onlyStopWords(parsed)) return empty(problem ?? { code: 'stop-words-only', near: text })

      const notice = problem ?? (await sourceProblem(parsed))
      const all = await run(parsed, facetFilter, limit, typing)
      // The sources facet: every source runs (for its count), the unselected ones' hits are left out.
      const wanted = request.sources && request.sources.length > 0 ? new Set<string>(request.sources) : null
      const results = all.filter((_, i) => wanted === null || wanted.has(sources[i]!.id))
      const chosen = sources.filter((s) => wanted === null || wanted.has(s.id))
      const hits = results.flatMap((r) => r.hits).sort((a, b) => b.score - a.score).slice(0, limit)
      const perDoc = new Map<string, number>()
      for (const r of results) for (const d of r.matchedDocs) perDoc.set(d.docId, (perDoc.get(d.docId) ?? 0) + d.sections)
      const sections = results.reduce((n, r) => n + r.totalSections, 0)
      const suggestions = sections === 0 && hasPositiveClause(parsed) ? await suggestAlternatives(parsed, sources, count) : []
      return {
        query: request.q,
        effective,
        groups: group(hits, perDoc, request.perDocument ?? DEFAULT_PER_DOCUMENT),
        total: { documents: perDoc.size, sections, bySource: Object.fromEntries(chosen.map((s, i) => [s.id, results[i]!.totalSections])) },
        facets: {
          ...facetCounts(results.flatMap((r) => r.facetDocs)),
          sources: sources.map((s, i) => ({ value: s.id, count: all[i]!.totalSections })).filter((f) => f.count > 0 || wanted?.has(f.value)),
        },
        notice,
        ignored: [...new Set(results.flatMap((r) => r.ignored))],
        suggestions,
        tookMs: performance.now() - started,
      }
    },

    async locate(q, docId) {
      const { query } = parseQuery(q.trim())
      for (const s of sources) {
        if (!s.locate) continue
        return { docId, ranges: await s.locate(query, docId) }
      }
      throw new AppFailure('not-found', 'No search source can locate matches in documents.')
    },
  }
}
