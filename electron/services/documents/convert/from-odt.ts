/**
 * OpenDocument text (.odt, LibreOffice, OnlyOffice, pandoc…): content.xml is read into HTML
 * (headings with their outline level, the title block (« Title », « Author », « Date »
 * paragraphs) taken out by title-block.ts, paragraphs,
 * bulleted and numbered lists, tables, links, line breaks, spaces, bold and italic from the text
 * styles (odt-styles.ts), notes as footnotes, the pictures stored in Pictures/ as data: URIs
 * (embedded-images.ts; others stay placeholders)), then converted like any
 * HTML. meta.xml gives the title, the authors (initial creator or creator, « A; B ») and the
 * creation date.
 */
import { readZip } from './zip'
import { byLocalName, firstText, parseXml } from './xml'
import { escapeHtmlText } from './escape-markdown'
import { elementToMarkdown, parseHtml } from './from-html'
import { authorsOf, cleanMeta, dayOf, ImportRefusal } from './converted'
import { readOdtStyles } from './odt-styles'
import { fitHeadings } from './title-block'
import type { OdtStyles } from './odt-styles'
import type { Converted } from './converted'
import { isImageEntry, zipImages } from './embedded-images'
import { FootnoteLabels } from './html-footnotes'

const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0'
const SVG_NS = 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0'
const XLINK_NS = 'http://www.w3.org/1999/xlink'

/** One conversion: the styles, and the notes met so far (written as a list at the end). */
interface Reading {
  readonly styles: OdtStyles
  readonly notes: string[]
}

const styleOf = (el: Element): string | null => el.getAttributeNS(TEXT_NS, 'style-name')

/** A frame's description: its svg:title, else its svg:desc. */
function frameDescription(frame: Element): string | null {
  const child = (name: string): string | null => [...frame.children].find((c) => c.localName === name && c.namespaceURI === SVG_NS)?.textContent ?? null
  return child('title') ?? child('desc')
}

function inline(node: Node, r: Reading): string {
  let out = ''
  for (const child of node.childNodes) {
    if (child.nodeType === 3) out += escapeHtmlText(child.nodeValue ?? '')
    else if (child.nodeType === 1) {
      const el = child as Element
      switch (el.localName) {
        case 's':
          out += ' '.repeat(Math.min(100, Math.max(1, Number(el.getAttributeNS(TEXT_NS, 'c') ?? '1') || 1)))
          break
        case 'tab':
          out += ' '
          break
        case 'line-break':
          out += '<br>'
          break
        case 'span': {
          const { bold, italic } = r.styles.emphasis(styleOf(el))
          const inner = inline(el, r)
          out += bold && italic ? `<strong><em>${inner}</em></strong>` : bold ? `<strong>${inner}</strong>` : italic ? `<em>${inner}</em>` : inner
          break
        }
        case 'a': {
          const href = el.getAttribute('xlink:href') ?? ''
          out += /^(https?:|mailto:)/i.test(href) ? `<a href="${escapeHtmlText(href)}">${inline(el, r)}</a>` : inline(el, r)
          break
        }
        case 'note': {
          const body = byLocalName(el, 'note-body')[0]
          if (!body) break
          const n = r.notes.length + 1
          r.notes.push(`<li id="odt-note-${n}">${blocks(body, r)}<a href="#odt-ref-${n}">↑</a></li>`)
          out += `<sup><a href="#odt-note-${n}" id="odt-ref-${n}">${n}</a></sup>`
          break
        }
        case 'frame': {
          // An image (its description only); a text box's paragraphs (a LibreOffice caption frame).
          const picture = [...el.children].find((c) => c.localName === 'image' || c.localName === 'object')
          if (picture) {
            // draw:image names its entry (Pictures/…); an object (a chart, a formula) has no picture we show.
            const href = picture.localName === 'image' ? (picture.getAttribute('xlink:href') ?? picture.getAttributeNS(XLINK_NS, 'href') ?? '') : ''
            out += `<img alt="${escapeHtmlText(frameDescription(el) ?? '')}"${href ? ` src="${escapeHtmlText(href)}"` : ''}>`
          }
          for (const box of [...el.children].filter((c) => c.localName === 'text-box')) out += ` ${[...box.children].map((c) => inline(c, r)).join(' ')} `
          break
        }
        case 'annotation':
        case 'bookmark':
        case 'bookmark-start':
        case 'bookmark-end':
        case 'sequence-decls':
        case 'tracked-changes':
        case 'soft-page-break':
          break
        default:
          out += inline(el, r)
      }
    }
  }
  return out
}

function listItem(li: Element, r: Reading): string {
  // A one-paragraph item stays one line (a tight list); more paragraphs or a sub-list stay blocks.
  const [first, ...rest] = [...li.children]
  if (first?.localName === 'p' && rest.every((c) => c.localName === 'list')) return `<li>${inline(first, r)}${rest.map((c) => block(c, r)).join('')}</li>`
  return `<li>${blocks(li, r)}</li>`
}

function block(el: Element, r: Reading): string {
  switch (el.localName) {
    case 'h': {
      const level = Math.min(6, Math.max(1, Number(el.getAttributeNS(TEXT_NS, 'outline-level') ?? '1') || 1))
      return `<h${level}>${inline(el, r)}</h${level}>`
    }
    case 'p': {
      // The title block (title-block.ts takes it out of the body).
      const style = styleOf(el)
      if (r.styles.derivesFrom(style, 'Title')) return `<h1 class="title">${inline(el, r)}</h1>`
      const role = ['Author', 'Date'].find((named) => r.styles.derivesFrom(style, named))
      return role ? `<p class="${role.toLowerCase()}">${inline(el, r)}</p>` : `<p>${inline(el, r)}</p>`
    }
    case 'list': {
      const tag = r.styles.isNumbered(styleOf(el)) ? 'ol' : 'ul'
      return `<${tag}>${[...el.children].filter((c) => c.localName === 'list-item' || c.localName === 'list-header').map((li) => listItem(li, r)).join('')}</${tag}>`
    }
    case 'table':
      return `<table>${byLocalName(el, 'table-row').map((tr) => `<tr>${[...tr.children].filter((c) => c.localName === 'table-cell').map((td) => `<td>${blocks(td, r)}</td>`).join('')}</tr>`).join('')}</table>`
    case 'section':
    case 'index-body':
    case 'table-of-content':
      return blocks(el, r)
    default:
      return ''
  }
}

function blocks(parent: Element, r: Reading): string {
  return [...parent.children].map((c) => block(c, r)).join('\n')
}

export function odtToMarkdown(data: Uint8Array): Converted {
  const zip = readZip(data, (n, size) => n === 'content.xml' || n === 'styles.xml' || n === 'meta.xml' || n === 'mimetype' || isImageEntry(n, size), 'ODT')
  const mimetype = zip.text('mimetype')?.trim()
  if (mimetype !== undefined && mimetype !== 'application/vnd.oasis.opendocument.text') {
    throw new ImportRefusal('unsupported', `This OpenDocument file is not a text document (${mimetype}).`)
  }
  const content = zip.text('content.xml')
  if (content === null) throw new ImportRefusal('corrupt', 'This ODT file has no content.xml: it is not an OpenDocument text.')
  const doc = parseXml(content, 'ODT content')
  const text = byLocalName(doc, 'text').find((e) => e.parentElement?.localName === 'body')
  if (!text) throw new ImportRefusal('corrupt', 'This ODT file has no text body.')
  const stylesXml = zip.text('styles.xml')
  const r: Reading = { styles: readOdtStyles(doc, stylesXml === null ? null : parseXml(stylesXml, 'ODT styles')), notes: [] }
  const main = blocks(text, r)
  const html = parseHtml(`<!doctype html><body>${main}${r.notes.length > 0 ? `<ol>${r.notes.join('')}</ol>` : ''}</body>`)
  const metaXml = zip.text('meta.xml')
  const meta = metaXml === null ? null : parseXml(metaXml, 'ODT metadata')
  const title = meta ? cleanMeta(firstText(meta, 'title')) : null
  const authors = meta ? authorsOf(firstText(meta, 'initial-creator') ?? firstText(meta, 'creator')) : []
  const block = fitHeadings([html.body], title)
  return {
    // content.xml is at the archive's root: a picture's href (Pictures/…) is relative to it.
    markdown: elementToMarkdown(html.body, new FootnoteLabels(), zipImages(zip)),
    title: title ?? block.title,
    authors: authors.length > 0 ? authors : block.authors,
    date: (meta ? dayOf(firstText(meta, 'creation-date') ?? firstText(meta, 'date')) : null) ?? block.date,
  }
}
