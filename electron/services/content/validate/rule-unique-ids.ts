/** `unique-id`: no two documents share an id (annotations and links hang on ids). */
import { lineOfPath } from '../yaml-lines'
import type { Rule, ValidationIssue } from './issue'

export const uniqueIdsRule: Rule = ({ valid }) => {
  const firstPath = new Map<string, string>()
  const issues: ValidationIssue[] = []
  for (const f of valid) {
    const { meta, yamlDoc, yaml } = f.parsed
    const first = firstPath.get(meta.id)
    if (first === undefined) firstPath.set(meta.id, f.path)
    else issues.push({ path: f.path, line: lineOfPath(yamlDoc, yaml, ['id']) ?? 1, rule: 'unique-id', message: `id "${meta.id}" is already used by ${first}` })
  }
  return issues
}
