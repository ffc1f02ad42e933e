/**
 * Marks glossary terms in a document body: the first eligible occurrence of each term in each
 * section becomes a link to the term in the glossary (`data-term`), described by its definition.
 * Only text is wrapped (the body's textContent, hence every offset, is unchanged); text already in a
 * link, a heading, code, a footnote call or the notes is left alone.
 */
import type { RenderedDocument } from '../../../../electron/shared/content/document'
import type { Glossary } from '../../../../electron/shared/content/glossary'
import { compileGlossary } from '../../../../electron/shared/content/glossary'
import { routeHash } from '../../app/route'
import { textIndexFor, wrapTextNode } from '../../lib/text-offsets'

const SKIP = 'a, h1, h2, h3, h4, h5, h6, code, pre, sup, .footnotes, .remote-image, .dead-link, mark, [data-term]'

export function definitionId(termId: string): string {
  return `glossary-definition-${termId}`
}

/** Wraps the terms; returns the ids of the terms marked (for their hidden definitions). */
export function decorateGlossaryTerms(body: HTMLElement, doc: RenderedDocument, glossary: Glossary): string[] {
  if (!glossary.docId || glossary.docId === doc.summary.id || glossary.terms.length === 0) return []
  const occurrences = compileGlossary(glossary.terms).occurrences(doc.text, doc.sections)
  const index = textIndexFor(body)
  const seen = new Set<string>()
  const known = new Set(glossary.terms.map((t) => t.id))
  // Links the authors already made to a glossary entry get the definition too, and count as that
  // term's marked occurrence in their section.
  const authored: string[] = []
  for (const a of body.querySelectorAll<HTMLAnchorElement>(`a[data-doc="${CSS.escape(glossary.docId)}"][data-anchor]`)) {
    const termId = a.dataset.anchor!
    if (!known.has(termId)) continue
    a.dataset.term = termId
    a.setAttribute('aria-describedby', definitionId(termId))
    const at = index.offsetOf(a, 0) ?? 0
    let section = 0
    while (section < doc.sections.length - 1 && doc.sections[section + 1]!.start <= at) section++
    seen.add(`${section}:${termId}`)
    authored.push(termId)
  }
  const chosen: { node: Text; start: number; end: number; termId: string }[] = []
  for (const o of occurrences) {
    const key = `${o.section}:${o.termId}`
    if (seen.has(key)) continue
    const a = index.point(o.start, 'forward')
    const b = index.point(o.end, 'backward')
    // One text node, not inside anything that must stay as it is.
    if (!a || !b || a.node !== b.node || a.node.parentElement?.closest(SKIP)) continue
    seen.add(key)
    chosen.push({ node: a.node, start: a.offset, end: b.offset, termId: o.termId })
  }
  // Last first: splitting a text node keeps the positions of everything before the split valid.
  for (const c of chosen.reverse()) {
    const link = document.createElement('a')
    link.className = 'gloss-term'
    link.href = routeHash({ view: 'document', id: glossary.docId, anchor: c.termId })
    link.dataset.doc = glossary.docId
    link.dataset.anchor = c.termId
    link.dataset.term = c.termId
    link.setAttribute('aria-describedby', definitionId(c.termId))
    wrapTextNode(c.node, c.start, c.end, link)
  }
  return [...new Set([...authored, ...chosen.map((c) => c.termId)])]
}
