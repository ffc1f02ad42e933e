/**
 * `typography`: the French typography lint, on the body's prose and on the front matter's prose
 * values (titles, summaries, source titles, organisation name and legal form) — never on keys,
 * ids, URLs, dates or tags.
 */
import { lineOfPath } from '../yaml-lines'
import type { Rule, ValidationIssue, ValidFile } from './issue'
import { maskNonProse, maskUrls } from './prose-mask'
import { bodyLines } from './source-lines'
import { excerpt, lintTypography } from './typography-lint'

function proseValues(f: ValidFile): { path: PropertyKey[]; text: string }[] {
  const { meta } = f.parsed
  const values: { path: PropertyKey[]; text: string }[] = [
    { path: ['title'], text: meta.title },
    { path: ['summary'], text: meta.summary },
    ...meta.sources.map((s, i) => ({ path: ['sources', i, 'title'], text: s.title })),
  ]
  if (meta.organisation) {
    values.push({ path: ['organisation', 'name'], text: meta.organisation.name })
    values.push({ path: ['organisation', 'legalForm'], text: meta.organisation.legalForm })
  }
  return values
}

function bodyIssues(f: ValidFile): ValidationIssue[] {
  const { body, bodyLine } = f.parsed
  const lines = bodyLines(body, bodyLine)
  const lineStart = (offset: number): number => body.lastIndexOf('\n', offset - 1) + 1
  return lintTypography(maskNonProse(body), body).map((x) => ({
    path: f.path,
    line: lines.lineAt(x.offset),
    rule: 'typography',
    message: `${x.message} (col ${x.offset - lineStart(x.offset) + 1}: ${excerpt(body, x.offset)})`,
  }))
}

function frontMatterIssues(f: ValidFile): ValidationIssue[] {
  const { yamlDoc, yaml } = f.parsed
  return proseValues(f).flatMap(({ path, text }) =>
    lintTypography(maskUrls(text), text).map((x) => ({
      path: f.path,
      line: lineOfPath(yamlDoc, yaml, path) ?? 1,
      rule: 'typography' as const,
      message: `${path.join('.')}: ${x.message} (${excerpt(text, x.offset)})`,
    })),
  )
}

export const typographyRule: Rule = ({ valid }) => valid.flatMap((f) => [...frontMatterIssues(f), ...bodyIssues(f)])
