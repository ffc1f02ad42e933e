/**
 * HTML (a saved web page, and the HTML the DOCX, ODT and EPUB converters produce) → Markdown with
 * turndown. The page is parsed by jsdom without running scripts or loading anything; scripts,
 * styles, frames, forms and other active or invisible parts are removed before conversion. The
 * file's own images (inside a DOCX, ODT or EPUB, or a page's data: URI) come in as data: URIs when
 * they are bounded raster pictures (embedded-images.ts); any other image — remote, missing, SVG, too
 * large — becomes a visible placeholder, `[image : its description]`: no remote resource is ever
 * loaded. Footnotes become Markdown footnotes (html-footnotes.ts). What turndown lets through is
 * sanitised later by the one pipeline, like any Markdown.
 */
import { JSDOM } from 'jsdom'
import TurndownService from 'turndown'
import { cleanMeta, dayOf } from './converted'
import { escapeMarkdownText } from './escape-markdown'
import { fitHeadings } from './title-block'
import { FOOTNOTE_CALL, footnoteDefinition, FootnoteLabels, takeFootnotes } from './html-footnotes'
import { dataUriImages } from './embedded-images'
import type { EmbeddedImages } from './embedded-images'
import { isEmbeddedImage } from '../../../shared/markdown/sanitize-config'
import type { Converted } from './converted'

const REMOVED = 'script, style, noscript, template, iframe, frame, frameset, object, embed, applet, form, input, button, select, textarea, svg, math, canvas, video, audio, source, track, link, meta, base, dialog'

let service: TurndownService | null = null
function turndown(): TurndownService {
  if (service) return service
  service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', hr: '---' })
  // Text is shown as written: `&`, `<` and `>` become entities (turndown escapes only Markdown's
  // own punctuation), so « <b> » or « a < b » in a Word paragraph is text, never markup.
  const escapeMarkdown = service.escape.bind(service)
  service.escape = (text: string): string => escapeMarkdown(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
  // Only links the reader can open stay links (http(s), mailto, a place in the document).
  service.addRule('unsafe-link', {
    filter: (node) => node.nodeName === 'A' && !/^\s*(https?:|mailto:|#)/i.test(node.getAttribute('href') ?? ''),
    replacement: (content) => content,
  })
  // An image whose src the conversion set to its embedded data: URI (embedImages) is shown; any other stays its placeholder.
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const el = node as Element
      const src = el.getAttribute('src') ?? ''
      return isEmbeddedImage(src) ? `![${imageAlt(el.getAttribute('alt'))}](${src})` : imagePlaceholder(el.getAttribute('alt'))
    },
  })
  service.addRule('footnote-call', {
    filter: (node) => node.nodeName === 'SUP' && node.hasAttribute(FOOTNOTE_CALL),
    replacement: (_content, node) => `[^${(node as Element).getAttribute(FOOTNOTE_CALL) ?? ''}]`,
  })
  return service
}

/**
 * What an image of an imported file shows in the text: `*[image : description]*` (`*[image]*`
 * without one), escaped, so the reader sees that an image was there and what it showed.
 */
export function imagePlaceholder(alt: string | null | undefined): string {
  const text = cleanMeta(alt)
  return `*\\[image${text ? ` : ${escapeMarkdownText(text)}` : ''}\\]*`
}

/** An embedded image's description as Markdown alt text: one line, its brackets and backslashes escaped (the reader shows it as plain text). */
function imageAlt(alt: string | null): string {
  return (cleanMeta(alt) ?? '').replace(/[\\[\]]/g, (c) => `\\${c}`)
}

/**
 * Every <img> of the body gets its embedded data: URI as src (`images` reads and checks the file's
 * own picture; `baseDir` is the folder of the part that names it), or loses its src and stays a
 * placeholder: no other src ever reaches the Markdown.
 */
function embedImages(body: Element, images: EmbeddedImages | null, baseDir: string): void {
  for (const img of body.querySelectorAll('img')) {
    const src = img.getAttribute('src')
    const uri = images && src ? images.dataUri(src, baseDir) : null
    if (uri === null) img.removeAttribute('src')
    else img.setAttribute('src', uri)
  }
}

/**
 * Converts an HTML body (already an element of a jsdom document; mutated) to Markdown, its notes as
 * footnote definitions at the end. `labels` numbers the notes across a document's parts; `images`
 * (null: none) embeds the file's own pictures named relative to `baseDir`.
 */
export function elementToMarkdown(body: Element, labels: FootnoteLabels = new FootnoteLabels(), images: EmbeddedImages | null = null, baseDir = ''): string {
  for (const el of body.querySelectorAll(REMOVED)) el.remove()
  embedImages(body, images, baseDir)
  const notes = takeFootnotes(body, labels)
  const md = turndown().turndown(body as unknown as TurndownService.Node).trim()
  const definitions = notes.map((n) => footnoteDefinition(n.label, turndown().turndown(n.body as unknown as TurndownService.Node)))
  return `${[md, ...definitions].filter((s) => s !== '').join('\n\n')}\n`
}

/** Parses markup with jsdom, inert: no scripts run, no sub-resource is fetched. */
export function parseHtml(html: string): Document {
  return new JSDOM(html).window.document
}

function metaContent(doc: Document, ...names: string[]): string | null {
  for (const n of names) {
    const v = doc.querySelector(`meta[name="${n}" i], meta[property="${n}" i]`)?.getAttribute('content')
    if (v) return v
  }
  return null
}

export function htmlToMarkdown(html: string): Converted {
  const doc = parseHtml(html)
  const title = cleanMeta(metaContent(doc, 'og:title', 'dc.title') ?? doc.querySelector('title')?.textContent ?? doc.querySelector('h1')?.textContent)
  const author = cleanMeta(metaContent(doc, 'author', 'dc.creator', 'article:author'), 200)
  const date = dayOf(metaContent(doc, 'article:published_time', 'dc.date', 'date') ?? doc.querySelector('time[datetime]')?.getAttribute('datetime'))
  // A first level-1 heading repeating the title is the page's title, which the reader shows.
  fitHeadings([doc.body], title)
  return { markdown: elementToMarkdown(doc.body, new FootnoteLabels(), dataUriImages()), title, authors: author ? [author] : [], date }
}
