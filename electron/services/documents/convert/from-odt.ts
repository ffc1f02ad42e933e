/**
 * OpenDocument text (.odt, LibreOffice, OnlyOffice…): content.xml is read into HTML (headings with
 * their outline level, paragraphs, lists, tables, links, line breaks, spaces, footnotes as
 * bracketed text), then converted like any HTML. meta.xml gives the title, the author (initial
 * creator or creator) and the creation date. Character styles (bold, italic) are not kept: they
 * live in named styles, not in the text.
 */
import { readZip } from './zip'
import { byLocalName, firstText, parseXml } from './xml'
import { escapeHtmlText } from './escape-markdown'
import { elementToMarkdown, parseHtml } from './from-html'
import { cleanMeta, dayOf, ImportRefusal } from './converted'
import type { Converted } from './converted'

const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0'

function inline(node: Node): string {
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
        case 'a': {
          const href = el.getAttribute('xlink:href') ?? ''
          out += /^(https?:|mailto:)/i.test(href) ? `<a href="${escapeHtmlText(href)}">${inline(el)}</a>` : inline(el)
          break
        }
        case 'note': {
          const body = byLocalName(el, 'note-body')[0]
          out += body ? ` [${escapeHtmlText((body.textContent ?? '').trim())}]` : ''
          break
        }
        case 'annotation':
        case 'bookmark':
        case 'bookmark-start':
        case 'bookmark-end':
        case 'sequence-decls':
        case 'tracked-changes':
          break
        default:
          out += inline(el)
      }
    }
  }
  return out
}

function block(el: Element): string {
  switch (el.localName) {
    case 'h': {
      const level = Math.min(6, Math.max(1, Number(el.getAttributeNS(TEXT_NS, 'outline-level') ?? '1') || 1))
      return `<h${level}>${inline(el)}</h${level}>`
    }
    case 'p':
      return `<p>${inline(el)}</p>`
    case 'list':
      return `<ul>${[...el.children].filter((c) => c.localName === 'list-item' || c.localName === 'list-header').map((li) => `<li>${blocks(li)}</li>`).join('')}</ul>`
    case 'table':
      return `<table>${byLocalName(el, 'table-row').map((tr) => `<tr>${[...tr.children].filter((c) => c.localName === 'table-cell').map((td) => `<td>${blocks(td)}</td>`).join('')}</tr>`).join('')}</table>`
    case 'section':
    case 'index-body':
    case 'table-of-content':
      return blocks(el)
    default:
      return ''
  }
}

function blocks(parent: Element): string {
  return [...parent.children].map(block).join('\n')
}

export function odtToMarkdown(data: Uint8Array): Converted {
  const zip = readZip(data, (n) => n === 'content.xml' || n === 'meta.xml' || n === 'mimetype', 'ODT')
  const mimetype = zip.text('mimetype')?.trim()
  if (mimetype !== undefined && mimetype !== 'application/vnd.oasis.opendocument.text') {
    throw new ImportRefusal('unsupported', `This OpenDocument file is not a text document (${mimetype}).`)
  }
  const content = zip.text('content.xml')
  if (content === null) throw new ImportRefusal('corrupt', 'This ODT file has no content.xml: it is not an OpenDocument text.')
  const doc = parseXml(content, 'ODT content')
  const text = byLocalName(doc, 'text').find((e) => e.parentElement?.localName === 'body')
  if (!text) throw new ImportRefusal('corrupt', 'This ODT file has no text body.')
  const html = parseHtml(`<!doctype html><body>${blocks(text)}</body>`)
  const metaXml = zip.text('meta.xml')
  const meta = metaXml === null ? null : parseXml(metaXml, 'ODT metadata')
  const author = meta ? cleanMeta(firstText(meta, 'initial-creator') ?? firstText(meta, 'creator'), 200) : null
  return {
    markdown: elementToMarkdown(html.body),
    title: meta ? cleanMeta(firstText(meta, 'title')) : null,
    authors: author ? [author] : [],
    date: meta ? dayOf(firstText(meta, 'creation-date') ?? firstText(meta, 'date')) : null,
  }
}
