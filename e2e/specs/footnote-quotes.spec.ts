/**
 * Footnote calls never read as typos (#16 C4): a passage highlighted across a footnote call is
 * stored as the text it is anchored to (the call's digit included), but the annotations panel shows
 * it as it reads — « propositions. », not « propositions1. » — and so does « Mes notes ».
 */
import { test, expect } from '../harness/fixtures'
import { AnnotationsPage } from '../pages/annotations-page'
import { DocumentPage } from '../pages/document-page'
import { shownText } from '../../electron/shared/text/apparatus'

test('a highlight across a footnote call shows in the panel without the call’s digit', async ({ app }) => {
  const doc = app.services.library.list().map((d) => app.services.library.get(d.id)).find((d) => d.apparatus.some((r) => r.kind === 'call'))!
  const call = doc.apparatus.find((r) => r.kind === 'call')!
  const start = doc.text.lastIndexOf(' ', call.start - 12) + 1
  const end = call.end + 1
  await app.open(`#/doc/${doc.summary.id}`)
  await new DocumentPage(app.page).waitFor(doc.summary.id)
  const notes = new AnnotationsPage(app.page)
  // The keyboard path (a selection made without the mouse, then Alt+H), as the review did.
  await notes.selectRange(start, end)
  await app.page.keyboard.press('Alt+h')
  await expect.poll(async () => (await notes.list(doc.summary.id)).length).toBe(1)
  const [view] = await notes.list(doc.summary.id)
  const stored = view!.annotation.target!.selector[0].exact
  expect(stored).toBe(doc.text.slice(start, end))
  const shown = shownText(doc.text, doc.apparatus, start, end)
  expect(shown).not.toBe(stored) // the call's digit is in the stored quote only
  await notes.openPanel()
  await expect(notes.panel.locator('.annotation-item .annotation-quote-button')).toHaveText(shown)
  // « Mes notes » (outside the reader) shows it the same way.
  await app.page.getByRole('navigation', { name: /principale|Main/ }).getByRole('link', { name: 'Mes notes', exact: true }).click()
  await expect(app.page.locator('.notes-view .annotation-item .annotation-quote-button')).toHaveText(shown)
})
