/**
 * Extracts the glossary terms from the rendered glossary document: each top-level `##` heading is a
 * term, the blocks up to the next `##` its definition (as plain text, footnote calls left out).
 */
import type { RenderedDocument } from '../../shared/content/document'
import type { GlossaryTerm } from '../../shared/content/glossary'
import { nodeWindow } from './sanitize-node'

export function extractGlossaryTerms(doc: RenderedDocument): GlossaryTerm[] {
  const container = nodeWindow().document.createElement('div')
  container.innerHTML = doc.html
  const terms: GlossaryTerm[] = []
  let current: { id: string; term: string; paragraphs: string[] } | null = null
  const close = (): void => {
    if (current && current.paragraphs.length > 0) terms.push({ id: current.id, term: current.term, definition: current.paragraphs.join('\n') })
    current = null
  }
  for (const el of Array.from(container.children)) {
    if (el.tagName === 'H2' && el.id) {
      close()
      current = { id: el.id, term: (el.textContent ?? '').trim(), paragraphs: [] }
      continue
    }
    if (!current || el.tagName === 'SECTION') continue
    const clone = el.cloneNode(true) as Element
    for (const ref of Array.from(clone.querySelectorAll('sup, [data-footnote-ref]'))) ref.remove()
    const text = (clone.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (text) current.paragraphs.push(text)
  }
  close()
  return terms
}
