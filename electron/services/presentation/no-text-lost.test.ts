/**
 * The no-text-lost property, on EVERY section of EVERY shipped document (and every whole document):
 *
 *   slides.map(s => s.text).join('')  ===  removeMarkers(doc.text.slice(span.start, span.end))
 *
 * The only normalisation is `removeMarkers`: the characters of footnote markers — the reference
 * numbers (`<sup><a data-footnote-ref>1</a></sup>`) and the back-references
 * (`<a data-footnote-backref>↩</a>`) — are deleted; and the footnotes themselves (the text of
 * `<section data-footnotes>`, issue 16: references are not slides) unless the span starts in them
 * (the « Notes » section presented on its own). Nothing else: no whitespace folding, no trimming.
 * The expected side is computed here independently of the splitter, from the document's own DOM.
 *
 * And each slide shows exactly its text: the textContent of its rendered heading and body (parsed
 * again, as the windows do) equals `slide.text`.
 *
 * Checked for the flat section spans (`Section.start/end`) and for the presented spans (a section
 * with its sub-sections, what « Présenter » uses).
 */
import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { JSDOM } from 'jsdom'
import { createContentLibrary } from '../content/content-library'
import { memoryLogger } from '../platform/log'
import type { RenderedDocument } from '../../shared/content/document'
import { planText, splitSpan } from '../../shared/presentation/splitter'
import { presentableSpan } from '../../shared/presentation/spans'
import type { Span } from '../../shared/presentation/spans'
import { renderTokens } from '../../shared/presentation/tokens'
import { documentBlocks } from './dom-blocks'

const SHIPPED = resolve(join(__dirname, '..', '..', '..', 'content'))
const window = new JSDOM('').window

/** Offsets of every character of the document text that belongs to a footnote marker. */
function markerOffsets(doc: RenderedDocument): Set<number> {
  const root = window.document.createElement('div')
  root.innerHTML = doc.html
  const markers = [
    ...Array.from(root.querySelectorAll('a[data-footnote-ref]')).map((a) => a.closest('sup') ?? a),
    ...Array.from(root.querySelectorAll('a[data-footnote-backref]')),
  ]
  const out = new Set<number>()
  const walker = window.document.createTreeWalker(root, window.NodeFilter.SHOW_TEXT)
  let offset = 0
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.nodeValue?.length ?? 0
    if (markers.some((m) => m.contains(n))) for (let i = 0; i < len; i++) out.add(offset + i)
    offset += len
  }
  expect(offset).toBe(doc.text.length)
  return out
}

/** The offsets of the document's footnotes (the text inside <section data-footnotes>), [start, end). */
function footnotesSpan(doc: RenderedDocument): Span | null {
  const root = window.document.createElement('div')
  root.innerHTML = doc.html
  const notes = root.querySelector('section[data-footnotes]')
  if (!notes) return null
  const walker = window.document.createTreeWalker(root, window.NodeFilter.SHOW_TEXT)
  let offset = 0
  let start = -1
  let end = -1
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.nodeValue?.length ?? 0
    // Whitespace-only text nodes belong to the block before them (they carry no footnote).
    if (notes.contains(n) && (n.nodeValue ?? '').trim() !== '') {
      if (start < 0) start = offset
      end = offset + len
    }
    offset += len
  }
  if (start < 0) return null
  // Whitespace after the footnotes (the end of the document) goes with them.
  return { start, end: doc.text.slice(end).trim() === '' ? doc.text.length : end }
}

function expectedText(doc: RenderedDocument, span: Span, markers: Set<number>, notes: Span | null): string {
  const skipNotes = notes !== null && !(span.start >= notes.start && span.start < notes.end) && doc.text.slice(span.start, notes.start).trim() !== ''
  let s = ''
  for (let i = span.start; i < span.end; i++) {
    if (markers.has(i)) continue
    if (skipNotes && i >= notes.start && i < notes.end) continue
    s += doc.text[i]
  }
  return s
}

function textOfHtml(html: string): string {
  const box = window.document.createElement('div')
  box.innerHTML = html
  return box.textContent ?? ''
}

describe('no text is lost between a shipped section and its slides', async () => {
  const library = await createContentLibrary({ contentDir: SHIPPED, log: memoryLogger() })
  const docs = library.list().map((d) => library.get(d.id))

  it('the shipped pack has documents with sections and footnotes', () => {
    expect(docs.length).toBeGreaterThan(20)
    expect(docs.some((d) => d.html.includes('data-footnote-ref'))).toBe(true)
  })

  for (const doc of docs) {
    it(`${doc.summary.id}: every section, flat and presented, and the whole document`, () => {
      const blocks = documentBlocks(doc)
      const markers = markerOffsets(doc)
      const notes = footnotesSpan(doc)
      const spans: { name: string; span: Span }[] = [
        { name: '(whole document)', span: { start: 0, end: doc.text.length } },
        ...doc.sections.flatMap((s) => [
          { name: `${s.id || '(intro)'} (flat)`, span: { start: s.start, end: s.end } },
          { name: `${s.id || '(intro)'} (presented)`, span: presentableSpan(doc.sections, s.id)! },
        ]),
      ]
      expect(doc.sections.length).toBeGreaterThan(0)
      for (const { name, span } of spans) {
        const plans = splitSpan(blocks, span)
        expect(plans.map(planText).join(''), `${doc.summary.id} ${name}`).toBe(expectedText(doc, span, markers, notes))
        for (const p of plans) {
          const shown = textOfHtml(renderTokens(p.heading ?? [])) + textOfHtml(renderTokens(p.body))
          expect(shown, `${doc.summary.id} ${name}: a slide shows its text`).toBe(planText(p))
        }
      }
    })
  }
})
