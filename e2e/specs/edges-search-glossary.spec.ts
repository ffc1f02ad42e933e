/**
 * Edges a person hits without trying (UX review C1, C8): a page of text pasted into the search gets
 * a message, never a blank palette or a 6 KB results URL; a glossary definition near the bottom of
 * the window opens above its word, whole.
 */
import { test, expect } from '../harness/fixtures'
import { expectUsable } from '../harness/usable'
import { SearchPalette } from '../pages/search-page'
import { DocumentPage } from '../pages/document-page'

test('a 5,000-character paste into the palette says the query is too long, and Ctrl+Enter opens nothing', async ({ app }) => {
  await app.open('#/')
  const palette = new SearchPalette(app.page)
  await palette.open()
  const prose = 'Les coopératives d’activité et d’emploi accompagnent des entrepreneurs salariés. '.repeat(62).slice(0, 5000)
  await palette.input.fill(prose) // what a paste does to the field
  const alert = palette.dialog.getByRole('alert')
  await expect(alert).toContainText('Requête trop longue : 500 caractères au plus (elle en compte 5')
  await expectUsable(alert, 'the too-long message')
  await palette.input.press('Control+Enter')
  await expect(palette.dialog).toBeVisible()
  expect(app.page.url()).not.toContain('#/search')
  // Back to a few words: results again.
  await palette.input.fill('coopérative')
  await expect(palette.options.first()).toBeVisible()
  await expect(alert).toBeHidden()
})

test('a glossary definition near the bottom of the window opens above its word, inside the window', async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 800 })
  const id = app.services.library.list().find((d) => d.kind === 'cahier')!.id
  await app.open(`#/doc/${id}`)
  const doc = new DocumentPage(app.page)
  await doc.waitFor(id)
  await doc.waitForDecorations()
  const term = doc.body.locator('a[data-term]').first()
  // Bring the word to about 100 px above the bottom edge, as while reading down the page.
  await term.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - (window.innerHeight - 100)))
  await expect.poll(() => term.evaluate((el) => Math.round(window.innerHeight - el.getBoundingClientRect().top))).toBeGreaterThan(60)
  await term.hover()
  await expect(doc.glossaryTooltip).toBeVisible()
  const [tip, word] = await Promise.all([doc.glossaryTooltip.boundingBox(), term.boundingBox()])
  expect(tip!.y + tip!.height, 'the definition ends inside the window').toBeLessThanOrEqual(800)
  expect(tip!.y + tip!.height, 'it opens above the word').toBeLessThanOrEqual(word!.y)
  await app.screenshot('glossary-tip-above')
})
