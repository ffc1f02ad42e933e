/**
 * The facilitator's layer on slides: where an annotation's passage is in the current text of its
 * document, and which slide it falls on.
 *
 * The position selector is trusted when the annotation was made (or last re-anchored) on this very
 * version of the document; otherwise the quote selector is looked up (with its context, then alone
 * when it occurs exactly once). Re-anchoring proper belongs to the annotation store; this is only
 * the safe reading of what it stored.
 */
import type { Annotation } from '../annotations/model'
import type { Span } from './spans'

export function annotationSpan(a: Annotation, doc: { readonly text: string; readonly hash: string }): Span | null {
  if (!a.target) return null
  const [quote, position] = a.target.selector
  if (a.target.docVersion === doc.hash && position.end <= doc.text.length && doc.text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end }
  }
  const withContext = doc.text.indexOf(quote.prefix + quote.exact + quote.suffix)
  if (withContext >= 0) {
    const start = withContext + quote.prefix.length
    return { start, end: start + quote.exact.length }
  }
  const first = doc.text.indexOf(quote.exact)
  if (first >= 0 && doc.text.indexOf(quote.exact, first + 1) < 0) return { start: first, end: first + quote.exact.length }
  return null
}

/**
 * The slide an annotation belongs to: the one whose span contains the passage's first character
 * (a passage running over two slides is noted once, where it begins). -1 when no slide has it.
 */
export function slideForOffset(spans: readonly (Span | null)[], offset: number): number {
  return spans.findIndex((s) => s !== null && s.start <= offset && offset < s.end)
}

/** A passage shortened for the presenter's notes panel. */
export function shortQuote(text: string, max = 140): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`
}
