/**
 * `footnote`: every note call `[^x]` has its definition `[^x]: …` (else the reader shows the raw
 * `[^x]`), and every definition is called once defined (else the note is silently dropped).
 */
import type { Rule, ValidationIssue } from './issue'
import { maskCode } from './prose-mask'
import { bodyLines } from './source-lines'

export const footnotesRule: Rule = ({ valid }) =>
  valid.flatMap((f) => {
    const { body, bodyLine } = f.parsed
    const lines = bodyLines(body, bodyLine)
    const text = maskCode(body)
    const issues: ValidationIssue[] = []
    const defined = new Map<string, number>()
    for (const m of text.matchAll(/^ {0,3}\[\^([^\]\s]+)\]:/gm)) {
      const line = lines.lineAt(m.index)
      if (defined.has(m[1]!)) issues.push({ path: f.path, line, rule: 'footnote', message: `note [^${m[1]}] is defined twice (first on line ${defined.get(m[1]!)})` })
      else defined.set(m[1]!, line)
    }
    const called = new Set<string>()
    for (const m of text.matchAll(/\[\^([^\]\s]+)\](?!:)/g)) {
      called.add(m[1]!)
      if (!defined.has(m[1]!)) issues.push({ path: f.path, line: lines.lineAt(m.index), rule: 'footnote', message: `note [^${m[1]}] has no definition` })
    }
    for (const [label, line] of defined) {
      if (!called.has(label)) issues.push({ path: f.path, line, rule: 'footnote', message: `note [^${label}] is defined but never called` })
    }
    return issues
  })
