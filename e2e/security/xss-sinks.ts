/**
 * The places where text from outside can reach the screen (sinks), each able to show one payload.
 * The XSS spec runs every sink × every payload family. To cover a new feature — notes, tags, the
 * export preview — add a sink here: `pack` (files for the fixture pack, if the text comes from a
 * content pack) and/or `render` (create the data through `app.handlers`, open the view, wait until
 * the text is on screen, return the element that shows it).
 */
import { expect } from '@playwright/test'
import type { Locator } from '@playwright/test'
import type { AppHarness } from '../harness/fixtures'
import { doc } from '../../electron/services/testing/temp-pack'
import type { XssPayload } from './xss-payloads'

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

export const XSS_SINKS: readonly XssSink[] = [documentBody, documentHeader, libraryCard]
