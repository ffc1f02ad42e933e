/**
 * Runs a parsed query on one loaded `FrenchIndex` and shapes the answer as a source result: ranked
 * section hits with highlighted title, heading and snippet; facet documents; match ranges in a
 * document's text for the reader. Reusable by any source built with `buildStoredIndex`.
 */
import type { ParsedQuery } from '../../shared/search/query'
import type { TextRange } from '../../shared/search/types'
import { analyseWord, stem } from './french-pipeline'
import { termPositions } from './french-index'
import type { FrenchIndex, WordSource } from './french-index'
import { compileQuery } from './compile'
import type { CompiledQuery } from './compile'
import { evaluate, topRanked } from './evaluate'
import type { DocFilter } from './evaluate'
import { cutSnippet, highlight, matchSpans, mergeSpans } from './snippet'
import type { Span } from './snippet'
import { phraseSpans } from './phrase'
import type { MatchedDoc, SourceHit, SourceQuery, SourceResult } from './source'

export function queryFilter(q: ParsedQuery): DocFilter {
  return { kinds: q.kinds, excludedKinds: q.excludedKinds, tags: q.tags, excludedTags: q.excludedTags }
}

export function hitFor(index: FrenchIndex, q: CompiledQuery, record: number, score: number, source: string): SourceHit {
  const r = index.records[record]!
  const doc = index.docs[r.d]!
  return {
    source,
    docId: doc.id,
    sectionId: r.s,
    heading: highlight(r.h, matchSpans(index, q, record, 'headings')),
    path: r.p,
    snippet: cutSnippet(r.b, matchSpans(index, q, record, 'body'), undefined, r.a),
    score: Math.round(score * 1000) / 1000,
    docTitle: highlight(doc.title, matchSpans(index, q, record, 'title')),
    kind: doc.kind,
    tags: doc.tags,
  }
}

export function searchIndex(index: FrenchIndex, source: string, sq: SourceQuery): SourceResult {
  const compiled = compileQuery(index, sq.parsed, sq.typing)
  const evaluation = evaluate(index, compiled, queryFilter(sq.parsed), sq.facetFilter)
  const hits = topRanked(evaluation, sq.limit).map((h) => hitFor(index, compiled, h.record, h.score, source))
  const { matched, facetDocs } = evaluation
  const perDoc = new Int32Array(index.docs.length)
  for (const r of matched) perDoc[index.records[r]!.d]! += 1
  const matchedDocs: MatchedDoc[] = []
  perDoc.forEach((sections, d) => sections > 0 && matchedDocs.push({ docId: index.docs[d]!.id, sections }))
  return {
    hits,
    totalSections: matched.length,
    matchedDocs,
    facetDocs: facetDocs.map((d) => ({ docId: index.docs[d]!.id, kind: index.docs[d]!.kind, tags: index.docs[d]!.tags })),
    ignored: compiled.ignored,
  }
}

/** Vocabulary words within 1 (then 2) edits of `word`, the most widespread first. */
export function spellingsOf(index: FrenchIndex, word: string): string[] {
  return spellingsNear(index, word, (term) => {
    const p = index.posting(term)
    return p ? (p.body?.sections.length ?? 0) + (p.title?.sections.length ?? 0) : 0
  })
}

/** Vocabulary words within 1 (then 2) edits of `word`, ranked by `spread` (how widely their stem occurs; 0: absent). */
export function spellingsNear(words: WordSource, word: string, spread: (term: string) => number): string[] {
  const surface = analyseWord(word).surface
  if (surface.length < 3) return []
  for (const distance of [1, 2]) {
    if (distance === 2 && surface.length < 6) break
    const near = words.wordsNear(surface, distance).filter((w) => w !== surface)
    if (near.length === 0) continue
    return near.map((w) => [w, spread(stem(w))] as const).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w).slice(0, 3)
  }
  return []
}

/**
 * Where the query's words and phrases occur in a document's rendered text: the text is analysed
 * afresh (same French steps as the index), so ranges always agree with what the reader shows.
 * Clauses restricted to the title are not looked for in the body.
 */
export function locateInText(index: FrenchIndex, parsed: ParsedQuery, text: string): TextRange[] {
  const compiled = compileQuery(index, parsed)
  const positions = termPositions(text)
  const spans: Span[] = []
  for (const req of compiled.positive) {
    if (!req.atoms.every((a) => a.fields.includes('body'))) continue
    if (req.phrase) {
      spans.push(...phraseSpans(text, req.phrase, req.phrase.terms.map((t) => positions.get(t))))
      continue
    }
    for (const a of req.atoms) for (const alt of a.alternatives) for (const [s, l] of positions.get(alt.term) ?? []) spans.push([s, s + l])
  }
  return mergeSpans(spans).map(([start, end]) => ({ start, end }))
}
