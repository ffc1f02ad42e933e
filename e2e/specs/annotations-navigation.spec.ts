/**
 * Finding one's way to an annotation: the side panel lists a document's annotations in reading
 * order or by date, the global view lists all of them, and a click in either scrolls the passage
 * into the window and flashes it. Annotations are made through the real handler table; their dates
 * are set with `restore` (the harness clock is fixed).
 */
import { test, expect } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { DocumentPage } from '../pages/document-page'
import { AnnotationsPage } from '../pages/annotations-page'
import type { ColorId } from '../../electron/shared/annotations/model'

interface Made {
  readonly id: string
  readonly quote: string
}

/** Annotates 50 characters of a paragraph at `fraction` of the document, created on `day`. */
async function annotate(app: AppHarness, docId: string, fraction: number, color: ColorId, day: string): Promise<Made> {
  const text = app.services.library.get(docId).text
  const start = text.indexOf(' ', Math.floor(text.length * fraction)) + 1
  const made = await app.api.annotations.create({ docId, start, end: start + 50, color })
  if (!made.ok) throw new Error(made.error.message)
  const a = made.value.annotation
  const dated = await app.api.annotations.restore({ annotation: { ...a, created: `2026-11-${day}T09:00:00.000Z`, modified: `2026-11-${day}T09:00:00.000Z` } })
  if (!dated.ok) throw new Error(dated.error.message)
  return { id: a.id, quote: a.target!.selector[0].exact }
}

test('the panel and the global view list annotations, and a click scrolls to the passage and flashes it', async ({ app }) => {
  // The longest document, so that its two ends are never on screen together.
  const docId = [...app.services.library.list()].sort((a, b) => app.services.library.get(b.id).text.length - app.services.library.get(a.id).text.length)[0]!.id
  const early = await annotate(app, docId, 0.1, 'green', '20')
  const late = await annotate(app, docId, 0.9, 'orange', '27')

  await app.open(`#/doc/${docId}`)
  const reader = new DocumentPage(app.page)
  await reader.waitFor(docId)
  const notes = new AnnotationsPage(app.page)
  await notes.recordFlashes()
  await notes.openPanel()
  const ids = (): Promise<string[]> => notes.panelItems().evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation-id') ?? ''))
  await expect.poll(ids).toEqual([early.id, late.id])
  await notes.panel.getByLabel('Ordre').selectOption({ label: 'Date (récentes d’abord)' })
  // The late passage was annotated last: it comes first by date.
  await expect.poll(ids).toEqual([late.id, early.id])
  await notes.panel.getByLabel('Ordre').selectOption({ label: 'Ordre de lecture' })
  await expect.poll(ids).toEqual([early.id, late.id])

  // A click on the late passage scrolls down to it and flashes it.
  expect(await notes.inView('orange', late.quote)).toBe(false)
  await notes.panel.locator(`[data-annotation-id="${late.id}"] .annotation-quote-button`).click()
  await expect.poll(() => notes.flashes()).toEqual([late.quote])
  await expect.poll(() => notes.inView('orange', late.quote)).toBe(true)

  // The global view opens the early one in its document, scrolled to and flashed.
  await app.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes notes', exact: true }).click()
  await expect(app.page.locator('.notes-view .annotation-item')).toHaveCount(2)
  await app.page.locator(`.notes-view [data-annotation-id="${early.id}"] .annotation-quote-button`).click()
  await reader.waitFor(docId)
  await expect(app.page).toHaveURL(new RegExp(`annotation=${early.id}$`))
  await expect.poll(() => notes.flashes()).toEqual([late.quote, early.quote])
  await expect.poll(() => notes.inView('green', early.quote)).toBe(true)
  // « Resume reading » did not take it back to where the reader left off (the late passage).
  await app.page.waitForTimeout(500)
  expect(await notes.inView('green', early.quote)).toBe(true)
})

test('a link to a note without a passage opens the panel and says why; an unknown one says it is gone', async ({ app }) => {
  const docId = app.services.library.list()[0]!.id
  const note = await annotate(app, docId, 0.5, 'purple', '21')
  expect(await app.api.annotations.detach({ id: note.id })).toMatchObject({ ok: true })
  await app.open(`#/doc/${docId}?annotation=${note.id}`)
  await new DocumentPage(app.page).waitFor(docId)
  const notes = new AnnotationsPage(app.page)
  await expect(notes.panel).toBeVisible()
  await expect(notes.panel.locator(`[data-annotation-id="${note.id}"]`)).toContainText('Note sur le document')
  await expect(app.page.getByRole('status').filter({ hasText: /introuvable dans le texte actuel/ })).toBeVisible()

  await app.open(`#/doc/${docId}?annotation=00000000-0000-4000-8000-000000000000`)
  await expect(app.page.getByRole('status').filter({ hasText: /n’existe pas/ })).toBeVisible()
  await expect(app.page).toHaveURL(`${app.origin}/#/doc/${docId}`)
})
