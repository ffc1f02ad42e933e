/**
 * Paints annotations with the CSS Custom Highlight API, one named highlight per colour
 * (`annotation-<color>`), plus `annotation-flash` for the one just jumped to. The body's DOM, and so
 * its text and every offset, never changes.
 */
import { COLOR_IDS } from '../../../electron/shared/annotations/model'
import type { AnnotationView } from '../../../electron/shared/annotations/query'
import { textIndexFor } from '../lib/text-offsets'
import { placeOf } from './use-annotations'

export const FLASH_HIGHLIGHT = 'annotation-flash'

export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
}

export function paint(body: HTMLElement, items: readonly AnnotationView[]): void {
  if (!highlightSupported()) return
  const index = textIndexFor(body)
  for (const color of COLOR_IDS) {
    const ranges: Range[] = []
    for (const v of items) {
      const p = placeOf(v)
      if (v.annotation.body.color !== color || !p) continue
      const r = index.range(p.start, p.end)
      if (r) ranges.push(r)
    }
    if (ranges.length > 0) CSS.highlights.set(`annotation-${color}`, new Highlight(...ranges))
    else CSS.highlights.delete(`annotation-${color}`)
  }
}

export function unpaint(): void {
  if (!highlightSupported()) return
  for (const color of COLOR_IDS) CSS.highlights.delete(`annotation-${color}`)
  CSS.highlights.delete(FLASH_HIGHLIGHT)
}

/** Scrolls an annotation's passage into the middle of the window and flashes it. */
/**
 * Scrolls the range to the middle of the window, then checks again on the next frames: the
 * sections around it lay out only when they come near the window (content-visibility), which can
 * move the passage after the first scroll (a note at the end of a long chapter landed off-screen).
 * Stops when the passage is inside the window or after `frames` corrections.
 */
function centre(r: Range, frames: number): void {
  const rect = r.getBoundingClientRect()
  const inside = rect.top >= 0 && rect.bottom <= window.innerHeight && Math.abs(rect.top + rect.height / 2 - window.innerHeight / 2) < window.innerHeight / 4
  if (inside) return
  window.scrollBy({ top: rect.top + rect.height / 2 - window.innerHeight / 2 })
  if (frames > 0) requestAnimationFrame(() => centre(r, frames - 1))
}

export function scrollToAndFlash(body: HTMLElement, start: number, end: number): void {
  const r = textIndexFor(body).range(start, end)
  if (!r) return
  centre(r, 6)
  if (!highlightSupported()) return
  const h = new Highlight(r)
  h.priority = 2
  CSS.highlights.set(FLASH_HIGHLIGHT, h)
  window.setTimeout(() => {
    if (CSS.highlights.get(FLASH_HIGHLIGHT) === h) CSS.highlights.delete(FLASH_HIGHLIGHT)
  }, 1500)
}

/** The annotations under a point of the window (topmost first = shortest). */
export function annotationsAt(body: HTMLElement, items: readonly AnnotationView[], x: number, y: number): AnnotationView[] {
  const caret = document.caretPositionFromPoint?.(x, y)
  if (!caret) return []
  const offset = textIndexFor(body).offsetOf(caret.offsetNode, caret.offset)
  if (offset === null) return []
  return items
    .filter((v) => {
      const p = placeOf(v)
      return p !== null && p.start <= offset && offset < p.end
    })
    .sort((a, b) => placeOf(a)!.end - placeOf(a)!.start - (placeOf(b)!.end - placeOf(b)!.start))
}

/** The current selection as text offsets of the body, or null when nothing of the body is selected. */
export function selectionOffsets(body: HTMLElement): { start: number; end: number; rect: DOMRect } | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const r = sel.getRangeAt(0)
  if (!body.contains(r.commonAncestorContainer)) return null
  const index = textIndexFor(body)
  const start = index.offsetOf(r.startContainer, r.startOffset)
  const end = index.offsetOf(r.endContainer, r.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end, rect: r.getBoundingClientRect() }
}
