/**
 * « No result » help: variants of the query that do find something, each with its count.
 * - spelling: each word replaced by the closest word of the corpus (folded, so unaccented);
 * - fuzzy: the same words with `~1` (tolerates one typing error);
 * - relaxed: phrases unquoted, exclusions and filters dropped, or one word left out.
 */
import { EMPTY_QUERY, formatQuery } from '../../shared/search/query'
import type { Clause, ParsedQuery, TermClause } from '../../shared/search/query'
import type { Suggestion } from '../../shared/search/types'
import type { SearchSource } from './source'

const MAX_SUGGESTIONS = 4

function isPlainWord(c: Clause): c is TermClause {
  return c.type === 'term' && c.mode === 'word' && !c.negated
}

async function spellingVariant(q: ParsedQuery, sources: readonly SearchSource[]): Promise<ParsedQuery | null> {
  const speller = sources.find((s) => s.spellings)
  if (!speller?.spellings) return null
  let changed = false
  const clauses: Clause[] = []
  for (const c of q.clauses) {
    if (!isPlainWord(c)) {
      clauses.push(c)
      continue
    }
    const [best] = await speller.spellings(c.text)
    if (best) changed = true
    clauses.push(best ? { ...c, text: best } : c)
  }
  return changed ? { ...q, clauses } : null
}

function fuzzyVariant(q: ParsedQuery): ParsedQuery | null {
  if (!q.clauses.some(isPlainWord)) return null
  return { ...q, clauses: q.clauses.map((c) => (isPlainWord(c) && c.text.length >= 4 ? { ...c, mode: 'fuzzy' as const, distance: 1 } : c)) }
}

function relaxedVariants(q: ParsedQuery): ParsedQuery[] {
  const out: ParsedQuery[] = []
  const positive = q.clauses.filter((c) => !c.negated)
  const unquoted = positive.flatMap((c): Clause[] =>
    c.type === 'phrase' ? c.text.split(/\s+/u).filter(Boolean).map((text) => ({ type: 'term', text, mode: 'word', distance: 0, field: c.field, negated: false })) : [c],
  )
  // Filters dropped, but not where to look (in:notes stays in the notes).
  out.push({ ...EMPTY_QUERY, scope: q.scope, clauses: unquoted })
  if (positive.length >= 2) {
    for (let i = 0; i < positive.length; i++) out.push({ ...q, clauses: q.clauses.filter((c) => c !== positive[i]) })
  }
  return out
}

export async function suggestAlternatives(
  q: ParsedQuery,
  sources: readonly SearchSource[],
  count: (query: string) => Promise<number>,
): Promise<Suggestion[]> {
  const original = formatQuery(q)
  const candidates: { query: ParsedQuery | null; kind: Suggestion['kind'] }[] = [
    { query: await spellingVariant(q, sources), kind: 'spelling' },
    { query: fuzzyVariant(q), kind: 'fuzzy' },
    ...relaxedVariants(q).map((query) => ({ query, kind: 'relaxed' as const })),
  ]
  const seen = new Set([original])
  const out: Suggestion[] = []
  let bestRelaxed: Suggestion | null = null
  for (const c of candidates) {
    if (!c.query) continue
    const text = formatQuery(c.query)
    if (text === '' || seen.has(text)) continue
    seen.add(text)
    const n = await count(text)
    if (n === 0) continue
    if (c.kind !== 'relaxed') out.push({ query: text, kind: c.kind, count: n })
    else if (!bestRelaxed || n > bestRelaxed.count) bestRelaxed = { query: text, kind: 'relaxed', count: n }
  }
  if (bestRelaxed) out.push(bestRelaxed)
  return out.slice(0, MAX_SUGGESTIONS)
}
