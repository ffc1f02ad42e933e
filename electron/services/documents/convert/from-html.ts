/**
 * HTML (a saved web page, and the HTML the DOCX, ODT and EPUB converters produce) → Markdown with
 * turndown. The page is parsed by jsdom without running scripts or loading anything; scripts,
 * styles, frames, forms and other active or invisible parts are removed before conversion, images
 * become their description (no remote resource is ever loaded, and the file's own images are not
 * kept yet). What turndown lets through is sanitised later by the one pipeline, like any Markdown.
 */
import { JSDOM } from 'jsdom'
import TurndownService from 'turndown'
import { cleanMeta, dayOf } from './converted'
import type { Converted } from './converted'

const REMOVED = 'script, style, noscript, template, iframe, frame, frameset, object, embed, applet, form, input, button, select, textarea, svg, math, canvas, video, audio, source, track, link, meta, base, dialog'

let service: TurndownService | null = null
function turndown(): TurndownService {
  if (service) return service
  service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', hr: '---' })
  service.addRule('image-as-text', {
    filter: 'img',
    replacement: (_content, node) => {
      const alt = cleanMeta((node as { getAttribute(n: string): string | null }).getAttribute('alt'))
      return alt ? `*[${alt.replace(/[[\]*_\\]/g, '')}]*` : ''
    },
  })
  return service
}

/** Converts an HTML body (already an element of a jsdom document) to Markdown. */
export function elementToMarkdown(body: Element): string {
  for (const el of body.querySelectorAll(REMOVED)) el.remove()
  return `${turndown().turndown(body as unknown as TurndownService.Node).trim()}\n`
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
  return { markdown: elementToMarkdown(doc.body), title, authors: author ? [author] : [], date }
}
