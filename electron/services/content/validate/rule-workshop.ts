/**
 * `workshop`: every chapter of the cahier can close a workshop. Its last two `##` sections are
 * « À retenir » (three to five points) then « Questions pour l’atelier » (three to five questions),
 * each a list — the presentation mode shows them as the chapter's closing slides.
 */
import type { Rule, ValidationIssue } from './issue'
import { maskCode } from './prose-mask'
import { bodyLines } from './source-lines'

export const CLOSING_SECTIONS = ['À retenir', 'Questions pour l’atelier'] as const
const MIN_ITEMS = 3
const MAX_ITEMS = 5

export const workshopRule: Rule = ({ valid }) =>
  valid.flatMap((f) => {
    const { meta, body, bodyLine } = f.parsed
    if (meta.kind !== 'cahier') return []
    const lines = bodyLines(body, bodyLine)
    const text = maskCode(body)
    const headings = [...text.matchAll(/^## +(.+?) *$/gm)].map((m) => ({ title: m[1]!, at: m.index }))
    const last = headings.slice(-CLOSING_SECTIONS.length)
    const issues: ValidationIssue[] = []
    if (last.map((h) => h.title).join('\n') !== CLOSING_SECTIONS.join('\n')) {
      const message = `a chapter ends with the sections « ${CLOSING_SECTIONS[0]} » then « ${CLOSING_SECTIONS[1]} » (found: ${last.map((h) => `« ${h.title} »`).join(', ') || 'none'})`
      return [{ path: f.path, line: lines.lineAt(last[0]?.at ?? 0), rule: 'workshop' as const, message }]
    }
    last.forEach((h, i) => {
      const end = i + 1 < last.length ? last[i + 1]!.at : text.search(/^\[\^[^\]\s]+\]:/m) >= 0 ? text.search(/^\[\^[^\]\s]+\]:/m) : text.length
      const items = text.slice(h.at, end).match(/^(?:[-*+]|\d+\.) +\S/gm)?.length ?? 0
      if (items < MIN_ITEMS || items > MAX_ITEMS) {
        issues.push({ path: f.path, line: lines.lineAt(h.at), rule: 'workshop', message: `« ${h.title} » has ${items} list item(s); it needs ${MIN_ITEMS} to ${MAX_ITEMS}` })
      }
    })
    return issues
  })
