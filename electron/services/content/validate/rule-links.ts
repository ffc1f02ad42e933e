/**
 * `link`: every internal link resolves, to a document of the pack and, when it names one, to a
 * heading of that document (the ids the reader gives headings); no link to a forbidden scheme.
 */
import type { LinkTarget } from '../../../shared/markdown/links'
import { referencesOf } from './references'
import type { Rule, ValidationIssue } from './issue'

export const linksRule: Rule = ({ valid, library }) => {
  const headingIds = new Map<string, ReadonlySet<string>>()
  const idsOf = (docId: string): ReadonlySet<string> => {
    let ids = headingIds.get(docId)
    if (!ids) {
      ids = new Set(library.get(docId).sections.map((s) => s.id).filter((id) => id !== ''))
      headingIds.set(docId, ids)
    }
    return ids
  }
  const problem = (target: LinkTarget, ownId: string): string | null => {
    switch (target.kind) {
      case 'external':
        return null
      case 'broken':
        return `"${target.href}" does not lead to a document of the pack`
      case 'blocked':
        return `"${target.href}" uses a scheme the app never follows`
      case 'anchor':
        return idsOf(ownId).has(target.anchor) ? null : `no heading "#${target.anchor}" in this document`
      case 'document':
        if (target.anchor === null || idsOf(target.docId).has(target.anchor)) return null
        return `no heading "#${target.anchor}" in ${library.source(target.docId).path}`
    }
  }
  const issues: ValidationIssue[] = []
  for (const f of valid) {
    // A file whose id is a duplicate is not in the library: its links are checked against its twin.
    if (library.idForPath(f.path) === undefined) continue
    for (const link of referencesOf(f, library.idForPath).links) {
      const message = problem(link.target, f.parsed.meta.id)
      if (message) issues.push({ path: f.path, line: link.line, rule: 'link', message })
    }
  }
  return issues
}
