/**
 * The text contract: for EVERY shipped document, the body Chromium shows has exactly the text the
 * Node pipeline computed (`RenderedDocument.text`, what search positions and annotation anchors
 * refer to), even after the reader decorated it (glossary terms), and every heading id sits at the
 * offset, level and title the section map says. Offsets here are measured independently of the
 * app's own code: with DOM Ranges from the start of the body.
 */
import { test, expect } from '../harness/fixtures'
import { DocumentPage } from '../pages/document-page'
import { expectSameTextAndSections, measureBody } from '../harness/text-identity'

test('every shipped document has the same text and section map in Chromium as in Node', async ({ app }) => {
  test.setTimeout(120_000)
  await app.open('#/')
  const doc = new DocumentPage(app.page)
  const summaries = app.services.library.list()
  expect(summaries.length).toBeGreaterThan(20)
  for (const summary of summaries) {
    const rendered = app.services.library.get(summary.id)
    await app.page.evaluate((id) => (location.hash = `#/doc/${id}`), summary.id)
    await doc.waitFor(summary.id)
    await doc.waitForDecorations()
    expectSameTextAndSections(summary.id, await measureBody(doc), rendered)
  }
})

test('glossary terms are marked without changing the text', async ({ app }) => {
  await app.open('#/doc/cahier-02-deux-mondes-des-valeurs')
  const doc = new DocumentPage(app.page)
  await doc.waitFor('cahier-02-deux-mondes-des-valeurs')
  await doc.waitForDecorations()
  const terms = doc.body.locator('a[data-term]')
  expect(await terms.count()).toBeGreaterThan(3)
  expect(await doc.text()).toBe(app.services.library.get('cahier-02-deux-mondes-des-valeurs').text)
})
