/**
 * Turns offsets into an element's `textContent` (what `RenderedDocument.text` and the search
 * service's ranges refer to) into DOM Ranges. textContent is the concatenation of the descendant
 * text nodes in document order, so walking those nodes and counting gives the same offsets.
 */

interface TextNodeSpan {
  readonly node: Text
  readonly start: number
}

function textNodes(root: Element): TextNodeSpan[] {
  const out: TextNodeSpan[] = []
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  let at = 0
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    out.push({ node: n as Text, start: at })
    at += (n as Text).data.length
  }
  return out
}

/** The text node holding offset `at` (for an end offset, the node it ends in). */
function locate(spans: readonly TextNodeSpan[], at: number, isEnd: boolean): { node: Text; offset: number } | null {
  let lo = 0
  let hi = spans.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = spans[mid]!
    const end = s.start + s.node.data.length
    if (isEnd ? at <= s.start : at < s.start) hi = mid - 1
    else if (isEnd ? at > end : at >= end) lo = mid + 1
    else return { node: s.node, offset: at - s.start }
  }
  return null
}

/** DOM Ranges for [start, end) offsets of `root.textContent`; ranges out of bounds are skipped. */
export function rangesForOffsets(root: Element, offsets: readonly { start: number; end: number }[]): Range[] {
  const spans = textNodes(root)
  const out: Range[] = []
  for (const { start, end } of offsets) {
    const a = locate(spans, start, false)
    const b = locate(spans, end, true)
    if (!a || !b || end <= start) continue
    const r = root.ownerDocument.createRange()
    r.setStart(a.node, a.offset)
    r.setEnd(b.node, b.offset)
    out.push(r)
  }
  return out
}
