/**
 * The places where text from outside can reach the screen (sinks), each able to show one payload.
 * The XSS spec runs every sink × every payload family. To cover a new feature — notes, tags, the
 * export preview — add a sink here: `pack` (files for the fixture pack, if the text comes from a
 * content pack) and/or `render` (create the data through `app.api`, open the view, wait until
 * the text is on screen, return the element that shows it).
 */
import { expect } from '@playwright/test'
import type { Locator } from '@playwright/test'
import type { AppHarness } from '../harness/fixtures'
import { doc } from '../../electron/services/testing/temp-pack'
import type { XssPayload } from './xss-payloads'
import { indexReady } from '../pages/search-page'

export interface XssSink {
  /** Short name, used in test titles. */
  readonly name: string
  /** Files this sink needs in the fixture pack, for one payload (path → file text). */
  readonly pack?: (payload: XssPayload) => Readonly<Record<string, string>>
  /** Puts the payload on screen; resolves with the element(s) to inspect, once rendered. Returns the URL the page must stay at. */
  render(app: AppHarness, payload: XssPayload): Promise<{ readonly container: Locator; readonly url: string }>
}

export const docId = (sink: string, payload: XssPayload): string => `xss-${sink}-${payload.id}`

/** Routes without reloading (the SPA's own hash navigation) and waits for that document's body. */
async function showDocument(app: AppHarness, id: string): Promise<string> {
  const url = `${app.origin}/#/doc/${id}`
  await app.page.evaluate((hash) => void (window.location.hash = hash), `#/doc/${id}`)
  await expect(app.page.locator(`[data-doc-body="${id}"]`)).toBeAttached()
  return url
}

/** The Markdown body of a content document: marked → DOMPurify (Node) → DOMPurify (page) → DOM. */
const documentBody: XssSink = {
  name: 'document body',
  pack: (p) => ({ [`body/${p.id}.md`]: doc({ id: docId('body', p), title: `Charge ${p.id}` }, `Paragraphe témoin.\n\n${p.markdown}\n\nFin du document.\n`) }),
  async render(app, p) {
    const url = await showDocument(app, docId('body', p))
    // The first paragraph, not the last: an unclosed raw-text element in a payload may swallow what follows it.
    await expect(app.page.locator('.doc-body').getByText('Paragraphe témoin.')).toBeVisible()
    return { container: app.page.locator('.doc-body'), url }
  },
}

/** Front matter shown as text: title, summary and source titles in the document header. */
const documentHeader: XssSink = {
  name: 'document header',
  pack: (p) => ({
    [`meta/${p.id}.md`]: doc({
      id: docId('meta', p),
      title: p.markdown.slice(0, 300),
      summary: p.markdown.slice(0, 600),
      sources: [{ title: p.markdown, url: 'https://example.org/source' }],
    }),
  }),
  async render(app, p) {
    const url = await showDocument(app, docId('meta', p))
    const header = app.page.locator('.doc-header')
    // Opened, not clicked: the <details> element survives from one document to the next, open or not.
    await header.locator('details.doc-sources').evaluate((d) => void ((d as HTMLDetailsElement).open = true))
    await expect(header.locator('.doc-sources li')).toHaveCount(1)
    // Shown as text, character for character: React never parses it as HTML.
    await expect(app.page.locator('#doc-title')).toHaveJSProperty('textContent', p.markdown.slice(0, 300))
    return { container: app.page.locator('#doc-title, .doc-summary, .doc-sources'), url }
  },
}

/** The same front matter (documentHeader's documents) as library cards, all on one page. */
const libraryCard: XssSink = {
  name: 'library card',
  async render(app, p) {
    const url = `${app.origin}/#/`
    if (app.page.url() !== url) {
      await app.page.evaluate(() => void (window.location.hash = '#/'))
    }
    const card = app.page.locator(`a.card[data-doc-id="${docId('meta', p)}"]`)
    await expect(card).toBeVisible()
    return { container: card, url }
  },
}

/** A note created through the API on the payload's document, then displayed in the annotations panel. */
async function annotate(app: AppHarness, p: XssPayload): Promise<string> {
  const id = docId('body', p)
  const r = await app.api.annotations.create({ docId: id, start: 0, end: 10, color: 'yellow', note: `Témoin ${p.id}\n\n${p.markdown}` })
  expect(r.ok, JSON.stringify(r)).toBe(true)
  return id
}

/** A user's note (Markdown, rendered sanitised) in the document's annotations panel. */
const annotationNote: XssSink = {
  name: 'annotation note',
  async render(app, p) {
    const url = await showDocument(app, await annotate(app, p))
    const panel = app.page.locator('#annotation-panel')
    if (!(await panel.isVisible())) await app.page.locator('button.annotation-panel-toggle').click()
    await expect(panel.getByText(`Témoin ${p.id}`)).toBeVisible()
    return { container: panel.locator('.annotation-note', { hasText: `Témoin ${p.id}` }), url }
  },
}

/** The same kind of note in the export screen's live Markdown preview. */
const exportPreview: XssSink = {
  name: 'export preview',
  async render(app, p) {
    await annotate(app, p)
    const url = `${app.origin}/#/export`
    // Back through the library so the export screen renders afresh with the new note.
    await app.page.evaluate(() => void (window.location.hash = '#/'))
    await expect(app.page.locator('a.card').first()).toBeVisible()
    await app.page.evaluate(() => void (window.location.hash = '#/export'))
    const preview = app.page.getByTestId('export-preview')
    await expect(preview).toContainText(`Témoin ${p.id}`)
    return { container: preview, url }
  },
}

/** The same kind of note found by the global search: its words, passage and tags in a result. */
const searchNoteHit: XssSink = {
  name: 'search note hit',
  async render(app, p) {
    await annotate(app, p)
    await indexReady(app) // the fixture pack has no prebuilt index: it is built first
    const q = `in:notes "témoin ${p.id}"`
    // Written as the app writes its search routes (URLSearchParams), so the page stays at this URL.
    const hash = `#/search?${new URLSearchParams({ q })}`
    const url = `${app.origin}/${hash}`
    await app.page.evaluate((h) => void (window.location.hash = h), hash)
    const hit = app.page.locator('.note-hit', { hasText: `Témoin ${p.id}` })
    await expect(hit).toBeVisible()
    return { container: hit, url }
  },
}

export const XSS_SINKS: readonly XssSink[] = [documentBody, documentHeader, libraryCard, annotationNote, exportPreview, searchNoteHit]
