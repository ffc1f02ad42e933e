/**
 * Text offsets ↔ DOM positions inside a document body. Offsets are positions in the body's
 * `textContent`, which is exactly `RenderedDocument.text` (proved by e2e/specs/reader-text.spec.ts),
 * so search hits, annotation selectors, reading positions and find matches all speak the same
 * language. Wrapping text in inline elements (glossary links, highlights) never changes offsets;
 * the index notices such DOM changes and rebuilds itself.
 */

export interface DomPoint {
  readonly node: Text
  readonly offset: number
}

export class TextIndex {
  private readonly nodes: Text[] = []
  private readonly starts: number[] = []
  readonly length: number

  constructor(readonly root: Node) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    let total = 0
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text
      this.nodes.push(t)
      this.starts.push(total)
      total += t.data.length
    }
    this.length = total
  }

  /**
   * The DOM point at a text offset. At a boundary between two text nodes, `affinity` chooses the
   * end of the previous node ('backward', for range ends) or the start of the next ('forward').
   */
  point(offset: number, affinity: 'forward' | 'backward' = 'forward'): DomPoint | null {
    if (this.nodes.length === 0 || offset < 0 || offset > this.length) return null
    // forward: the last node starting at or before the offset; backward: the last starting before it.
    let lo = 0
    let hi = this.nodes.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const start = this.starts[mid]!
      if (start < offset || (affinity === 'forward' && start === offset)) lo = mid + 1
      else hi = mid
    }
    const i = Math.max(0, lo - 1)
    return { node: this.nodes[i]!, offset: offset - this.starts[i]! }
  }

  /** A DOM Range covering [start, end) of the text, or null if out of bounds. */
  range(start: number, end: number): Range | null {
    const a = this.point(start, 'forward')
    const b = this.point(end, end > start ? 'backward' : 'forward')
    if (!a || !b) return null
    const r = document.createRange()
    r.setStart(a.node, a.offset)
    r.setEnd(b.node, b.offset)
    return r
  }

  /** The text offset of a DOM point (any container: text node or element + child index) under the root. */
  offsetOf(container: Node, offset: number): number | null {
    if (!this.root.contains(container)) return null
    if (container.nodeType === Node.TEXT_NODE) {
      const i = this.indexOfNode(container as Text)
      if (i >= 0) return this.starts[i]! + Math.min(offset, (container as Text).data.length)
    }
    const r = document.createRange()
    r.setStart(this.root, 0)
    r.setEnd(container, offset)
    return r.toString().length
  }

  private indexOfNode(t: Text): number {
    // Text nodes are in document order: binary search by position.
    let lo = 0
    let hi = this.nodes.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const n = this.nodes[mid]!
      if (n === t) return mid
      const pos = n.compareDocumentPosition(t)
      if (pos & Node.DOCUMENT_POSITION_FOLLOWING) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
}

const indexes = new WeakMap<Node, { index: TextIndex | null; observer: MutationObserver }>()

/**
 * The (cached) text index of a body element. It is rebuilt lazily after any change to the subtree,
 * so modules that wrap text (glossary, highlights) and modules that read offsets (find, reading
 * position, annotations) can work independently.
 */
export function textIndexFor(root: HTMLElement): TextIndex {
  let entry = indexes.get(root)
  if (!entry) {
    const created: { index: TextIndex | null; observer: MutationObserver } = {
      index: null,
      observer: new MutationObserver(() => {
        created.index = null
      }),
    }
    created.observer.observe(root, { childList: true, subtree: true, characterData: true })
    indexes.set(root, created)
    entry = created
  }
  // Pending mutation records have not been delivered yet: take them now so a change made in the
  // same task is not missed.
  if (entry.observer.takeRecords().length > 0) entry.index = null
  entry.index ??= new TextIndex(root)
  return entry.index
}

/** Wraps the text [start, end) of one text node in `wrapper` (which must be empty); returns it. */
export function wrapTextNode(node: Text, start: number, end: number, wrapper: HTMLElement): HTMLElement {
  const middle = start > 0 ? node.splitText(start) : node
  if (end - start < middle.data.length) middle.splitText(end - start)
  middle.replaceWith(wrapper)
  wrapper.append(middle)
  return wrapper
}
