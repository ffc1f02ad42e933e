/** `front-matter`: each file has a YAML front matter that parses and matches the schema. */
import type { Rule } from './issue'

export const frontMatterRule: Rule = ({ files }) =>
  files.flatMap((f) =>
    f.parsed.ok ? [] : f.parsed.problems.map((p) => ({ path: f.path, line: p.line ?? 1, rule: 'front-matter' as const, message: p.message })),
  )
