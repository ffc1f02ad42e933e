/**
 * The corpus figures issue 3 sets for the shipped pack. `check` always reports them; they are errors
 * only with `--targets` (what `npm run check:content` runs on content/), so that a small pack — a
 * test fixture, a translation in progress — can still be validated for correctness alone.
 */
import type { DocumentKind } from '../../../shared/content/front-matter'
import type { ValidationIssue } from './issue'
import type { PackStats } from './pack-stats'

export const CORPUS_TARGETS = {
  cahierChapters: 8,
  cahierWords: 14_000,
  articles: 6,
  articleWordsEach: 1_000,
  caseStudies: 12,
  caseStudyWordsEach: 600,
  glossaryTerms: 30,
  totalWords: 30_000,
} as const

export interface TargetResult {
  readonly name: string
  readonly required: number
  readonly actual: number
  readonly met: boolean
  /** Where a miss is reported: the folder of the kind, or `.` for the whole pack. */
  readonly where: string
  /** For a per-document minimum: the kind it applies to (each short document is reported). */
  readonly each?: DocumentKind
}

function target(name: string, required: number, actual: number, where: string, each?: DocumentKind): TargetResult {
  return { name, required, actual, met: actual >= required, where, ...(each ? { each } : {}) }
}

export function evaluateTargets(stats: PackStats): TargetResult[] {
  const t = CORPUS_TARGETS
  const { cahier, article, cas } = stats.kinds
  return [
    target('cahier chapters', t.cahierChapters, cahier.documents, 'cahier/'),
    target('cahier words', t.cahierWords, cahier.words, 'cahier/'),
    target('articles', t.articles, article.documents, 'articles/'),
    target('words of each article', t.articleWordsEach, article.minWords ?? 0, 'articles/', 'article'),
    target('case studies', t.caseStudies, cas.documents, 'cas/'),
    target('words of each case study', t.caseStudyWordsEach, cas.minWords ?? 0, 'cas/', 'cas'),
    target('glossary terms', t.glossaryTerms, stats.glossaryTerms, 'glossaire.md'),
    target('total words', t.totalWords, stats.total.words, '.'),
  ]
}

export function targetIssues(stats: PackStats, results: readonly TargetResult[]): ValidationIssue[] {
  return results
    .filter((r) => !r.met)
    .flatMap((r): ValidationIssue[] => {
      const short = r.each ? stats.perDocument.filter((d) => d.kind === r.each && d.words < r.required) : []
      if (short.length > 0) {
        return short.map((d) => ({ path: d.path, line: 1, rule: 'target', message: `${d.words} words; ${r.name} must be at least ${r.required}` }))
      }
      return [{ path: r.where, line: null, rule: 'target', message: `${r.name}: ${r.actual}; the shipped corpus needs at least ${r.required}` }]
    })
}
