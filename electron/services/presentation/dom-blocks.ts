/**
 * The Node side of the slide splitter: a rendered document's sanitised HTML (parsed in jsdom) →
 * blocks of tokens (electron/shared/presentation/tokens.ts) whose text offsets are offsets into
 * `RenderedDocument.text`, counted exactly the way `extractTextAndSections` counts them.
 *
 * - Top-level elements become blocks; containers without meaning of their own (the footnotes
 *   <section>, a <div>) are looked through, so the « Notes » heading inside it is a block too.
 * - Whitespace between blocks joins the block before it: blocks tile the whole text.
 * - Blocks inside the footnotes container (`<section data-footnotes>`, what marked-footnote makes)
 *   are flagged `footnotes`: slides leave them out.
 * - Footnote references (<sup><a data-footnote-ref>) and back-references (<a data-footnote-backref>)
 *   become `marker` tokens. Links become plain <span class="slide-link">: on a projected slide
 *   nothing is clickable, and nothing can navigate the presentation windows.
 * - Only a few attributes survive (image source and text, list numbering, table cell spans); ids
 *   are dropped (a slide shown twice — current and next — must not duplicate them).
 */
import type { RenderedDocument } from '../../shared/content/document'
import { AppFailure } from '../../shared/result'
import { fullText } from '../../shared/presentation/tokens'
import type { Attr, Block, BlockKind, Token } from '../../shared/presentation/tokens'
import { nodeWindow } from '../content/sanitize-node'

/** Elements looked through at the top level: their children are the blocks. */
const CONTAINERS = new Set(['SECTION', 'DIV', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'MAIN', 'NAV'])
const VOID = new Set(['IMG', 'BR', 'HR', 'WBR'])
const KEEP_ATTRS: Readonly<Record<string, readonly string[]>> = {
  img: ['src', 'alt', 'title', 'width', 'height'],
  ol: ['start', 'reversed', 'type'],
  td: ['align', 'colspan', 'rowspan'],
  th: ['align', 'colspan', 'rowspan', 'scope'],
  abbr: ['title'],
  time: ['datetime'],
  span: ['class'],
  code: ['class'],
}
const KEEP_EVERYWHERE = ['lang', 'dir']

function kindOf(el: Element): { kind: BlockKind; level: number } {
  const tag = el.tagName
  const h = /^H([1-6])$/.exec(tag)
  if (h) return { kind: 'heading', level: Number(h[1]) }
  switch (tag) {
    case 'P':
      return { kind: el.querySelector('img') && (el.textContent ?? '').trim() === '' ? 'image' : 'paragraph', level: 0 }
    case 'UL':
    case 'OL':
      return { kind: 'list', level: 0 }
    case 'TABLE':
      return { kind: 'table', level: 0 }
    case 'FIGURE':
      return { kind: 'image', level: 0 }
    case 'BLOCKQUOTE':
      return { kind: 'quote', level: 0 }
    case 'PRE':
      return { kind: 'code', level: 0 }
    case 'HR':
      return { kind: 'rule', level: 0 }
    default:
      return { kind: 'other', level: 0 }
  }
}

function isMarker(el: Element): boolean {
  if (el.tagName === 'A' && el.hasAttribute('data-footnote-backref')) return true
  return el.tagName === 'SUP' && el.querySelector('a[data-footnote-ref]') !== null
}

function attrsOf(el: Element, tag: string): Attr[] {
  const keep = [...(KEEP_ATTRS[tag] ?? []), ...KEEP_EVERYWHERE]
  const out: Attr[] = []
  for (const name of keep) {
    const v = el.getAttribute(name)
    if (v !== null) out.push([name, v])
  }
  return out
}

export function documentBlocks(doc: RenderedDocument): Block[] {
  const container = nodeWindow().document.createElement('div')
  container.innerHTML = doc.html
  let pos = 0

  const tokenize = (node: Node, out: Token[]): void => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? ''
      if (text.length > 0) out.push({ k: 'text', text, at: pos })
      pos += text.length
      return
    }
    if (node.nodeType !== 1) return
    const el = node as Element
    if (isMarker(el)) {
      const text = el.textContent ?? ''
      if (text.length > 0) out.push({ k: 'marker', text, at: pos })
      pos += text.length
      return
    }
    const link = el.tagName === 'A'
    const tag = link ? 'span' : el.tagName.toLowerCase()
    const attrs: Attr[] = link ? [['class', 'slide-link']] : attrsOf(el, tag)
    if (VOID.has(el.tagName)) {
      out.push({ k: 'void', tag, attrs })
      return
    }
    out.push({ k: 'open', tag, attrs })
    for (const child of Array.from(el.childNodes)) tokenize(child, out)
    out.push({ k: 'close', tag })
  }

  const blocks: Block[] = []
  let leading: Token[] = []
  let leadingStart = 0
  const add = (kind: BlockKind, level: number, node: Node, footnotes: boolean): void => {
    const start = leading.length > 0 ? leadingStart : pos
    const tokens: Token[] = [...leading]
    leading = []
    tokenize(node, tokens)
    blocks.push(footnotes ? { kind, level, start, end: pos, tokens, footnotes: true } : { kind, level, start, end: pos, tokens })
  }
  const walk = (parent: Node, footnotes: boolean): void => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === 3) {
        const text = node.nodeValue ?? ''
        if (text.trim() !== '') {
          add('other', 0, node, footnotes)
          continue
        }
        const last = blocks[blocks.length - 1]
        if (last) {
          const tokens = [...last.tokens]
          tokenize(node, tokens)
          blocks[blocks.length - 1] = { ...last, end: pos, tokens }
        } else {
          if (leading.length === 0) leadingStart = pos
          tokenize(node, leading)
        }
      } else if (node.nodeType === 1) {
        const el = node as Element
        if (CONTAINERS.has(el.tagName)) walk(el, footnotes || el.hasAttribute('data-footnotes'))
        else {
          const { kind, level } = kindOf(el)
          add(kind, level, el, footnotes)
        }
      }
    }
  }
  walk(container, false)
  if (leading.length > 0) blocks.push({ kind: 'other', level: 0, start: leadingStart, end: pos, tokens: leading })

  // The offsets above must be the offsets of `doc.text`; anything else is a bug, not bad input.
  const covered = blocks.map((b) => fullText(b.tokens)).join('')
  if (covered !== doc.text) {
    throw new AppFailure('internal', `Slide blocks of "${doc.summary.id}" do not cover its text exactly (${covered.length} vs ${doc.text.length} characters).`)
  }
  return blocks
}
