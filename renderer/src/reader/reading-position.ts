/**
 * Where the reader is, as a text offset: the first character at the top of the reading area (just
 * under the top bar). Offsets survive a change of text size, line width or window size, unlike
 * scroll pixels. All functions work on the live DOM through the body's text index.
 */
import { textIndexFor } from '../lib/text-offsets'

/** The y coordinate (viewport) of the top of the reading area. */
export function readingTop(): number {
  const bar = document.querySelector('.topbar')
  return (bar ? bar.getBoundingClientRect().bottom : 0) + 12
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const p = document.caretPositionFromPoint?.(x, y)
  if (p) return { node: p.offsetNode, offset: p.offset }
  const r = document.caretRangeFromPoint?.(x, y)
  return r ? { node: r.startContainer, offset: r.startOffset } : null
}

/** The text offset at the top of the reading area (0 while the document's header is in view). */
export function offsetAtTop(body: HTMLElement): number {
  const top = readingTop()
  const box = body.getBoundingClientRect()
  if (box.top >= top) return 0
  const index = textIndexFor(body)
  if (box.bottom <= top) return index.length
  // The first block whose bottom is below the line, then the exact character under the line.
  const blocks = body.children
  let block: Element | null = null
  for (let lo = 0, hi = blocks.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1
    if (blocks[mid]!.getBoundingClientRect().bottom > top) {
      block = blocks[mid]!
      hi = mid - 1
    } else lo = mid + 1
  }
  if (!block) return index.length
  const blockRect = block.getBoundingClientRect()
  if (blockRect.top < top) {
    const caret = caretAt(Math.max(blockRect.left + 2, Math.min(blockRect.left + 24, blockRect.right - 2)), top + 2)
    if (caret && block.contains(caret.node)) {
      const at = index.offsetOf(caret.node, caret.offset)
      if (at !== null) return at
    }
  }
  return index.offsetOf(block, 0) ?? 0
}

/** The first client rect of the rendered text at or after `offset` (skips unrendered whitespace). */
function rectAtOrAfter(body: HTMLElement, offset: number): DOMRect | null {
  const index = textIndexFor(body)
  const start = index.point(Math.min(offset, index.length), 'forward')
  if (!start) return null
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
  walker.currentNode = start.node
  let node: Text | null = start.node
  let from = start.offset
  const range = document.createRange()
  while (node) {
    if (from < node.data.length) {
      range.setStart(node, from)
      range.setEnd(node, Math.min(node.data.length, from + 1))
      const rect = range.getClientRects()[0]
      if (rect && (rect.width > 0 || rect.height > 0)) return rect
    }
    node = walker.nextNode() as Text | null
    from = 0
  }
  return null
}

/** Scrolls so that the text at `offset` sits at the top of the reading area. */
export function scrollToOffset(body: HTMLElement, offset: number): void {
  if (offset <= 0) {
    window.scrollTo(0, 0)
    return
  }
  const rect = rectAtOrAfter(body, offset)
  if (rect) window.scrollTo(0, window.scrollY + rect.top - readingTop() + 2)
}

/**
 * How far the reader got through the article, 0 to 1: 0 with its top under the top bar, 1 once its
 * end is on screen (a document shorter than the window is read as soon as it is shown).
 */
export function progressOf(article: HTMLElement): number {
  const rect = article.getBoundingClientRect()
  const top = readingTop()
  const travel = rect.height - (window.innerHeight - top)
  if (travel <= 0) return 1
  return Math.min(1, Math.max(0, (top - rect.top) / travel))
}

