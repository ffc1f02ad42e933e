/**
 * Computes a rendered document's text (exactly `root.textContent`) and its section map from a DOM
 * tree. Written against a minimal node shape so the same code runs on jsdom (Node services) and on
 * the real DOM (renderer), which is what makes offsets agree on both sides.
 */
import type { ApparatusRange, Section } from '../content/document'

/** The few DOM members we use (satisfied by both `Node` and jsdom's `Node`). */
export interface MiniNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly nodeValue: string | null
  readonly childNodes: ArrayLike<MiniNode>
  getAttribute?(name: string): string | null
}

const TEXT_NODE = 3
const ELEMENT_NODE = 1
const HEADING = /^H([1-6])$/

interface HeadingMark {
  id: string
  level: number
  start: number
  title: string
}

/**
 * What marked-footnote adds around the prose: a call is `<sup><a data-footnote-ref>`, a back-link
 * `<a data-footnote-backref>` (« ↩ », « ↩2 »), the notes `<section data-footnotes>`.
 */
function apparatusKind(node: MiniNode): ApparatusRange['kind'] | null {
  if (node.nodeType !== ELEMENT_NODE || !node.getAttribute) return null
  const name = node.nodeName.toUpperCase()
  if (name === 'A' && node.getAttribute('data-footnote-ref') !== null) return 'call'
  if (name === 'A' && node.getAttribute('data-footnote-backref') !== null) return 'backref'
  if (name === 'SECTION' && node.getAttribute('data-footnotes') !== null) return 'notes'
  return null
}

export function extractTextAndSections(root: MiniNode): { text: string; sections: Section[]; apparatus: ApparatusRange[] } {
  const parts: string[] = []
  let length = 0
  const marks: HeadingMark[] = []
  const apparatus: ApparatusRange[] = []

  const walk = (node: MiniNode, heading: HeadingMark | null): void => {
    if (node.nodeType === TEXT_NODE) {
      const v = node.nodeValue ?? ''
      parts.push(v)
      length += v.length
      if (heading) heading.title += v
      return
    }
    let h = heading
    if (node.nodeType === ELEMENT_NODE) {
      const m = HEADING.exec(node.nodeName.toUpperCase())
      const id = node.getAttribute?.('id')
      if (m && id) {
        h = { id, level: Number(m[1]), start: length, title: '' }
        marks.push(h)
      }
    }
    const kind = apparatusKind(node)
    const start = length
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!, h)
    if (kind && length > start) apparatus.push({ start, end: length, kind })
  }
  walk(root, null)

  const text = parts.join('')
  const sections: Section[] = []
  const firstStart = marks[0]?.start ?? text.length
  if (firstStart > 0 && text.slice(0, firstStart).trim() !== '') {
    sections.push({ id: '', level: 0, title: '', start: 0, end: firstStart })
  }
  marks.forEach((m, i) => {
    sections.push({ id: m.id, level: m.level, title: m.title.trim(), start: m.start, end: marks[i + 1]?.start ?? text.length })
  })
  // Pushed when each element closes: the notes section comes after the back-links it holds.
  apparatus.sort((a, b) => a.start - b.start || b.end - a.end)
  return { text, sections, apparatus }
}
