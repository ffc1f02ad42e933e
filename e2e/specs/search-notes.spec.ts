/**
 * The reader's notes in the global search, end to end on the shipped pack: notes made through the
 * real handler table are found from the palette with their words marked, open their document at
 * the passage (scrolled to and flashed), and answer the in:notes and couleur: filters on the
 * results page. Expected hits come from the same service, asked directly.
 */
import { test, expect } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'
import { ask, indexReady, SearchPalette, SearchResultsPage } from '../pages/search-page'
import { AnnotationsPage } from '../pages/annotations-page'
import { seriousViolations } from '../harness/axe'
import type { ColorId } from '../../electron/shared/annotations/model'

// Every test searches from a screen: the index is open first, as in the app (see indexReady).
test.beforeEach(({ app }) => indexReady(app))

interface Made {
  readonly id: string
  readonly docId: string
  readonly quote: string
}

/** Highlights 60 characters in the middle of the third long section of the pack's first chapter. */
async function annotate(app: AppHarness, k: number, color: ColorId, note: string, tags: string[]): Promise<Made> {
  const docId = app.services.library.list().find((d) => d.kind === 'cahier')!.id
  const doc = app.services.library.get(docId)
  const section = doc.sections.filter((s) => s.id && s.end - s.start > 400)[k]!
  const start = doc.text.indexOf(' ', section.start + section.title.length + 120) + 1
  const r = await app.api.annotations.create({ docId, start, end: start + 60, color, note, tags })
  if (!r.ok) throw new Error(r.error.message)
  const v = r.value
  return { id: v.annotation.id, docId, quote: v.annotation.target!.selector[0].exact }
}

test('a note is found from the palette, marked, and opens its passage, which flashes', async ({ app }) => {
  const made = await annotate(app, 2, 'blue', 'Piste pour l’**atelier** de Villeurbanne : comparer les statuts des coopératives.', ['atelier'])
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  const notes = new AnnotationsPage(app.page)
  await notes.recordFlashes()

  const palette = new SearchPalette(app.page)
  await palette.open()
  await palette.type('villeurbanne atelier')
  const expected = await ask(app, 'villeurbanne atelier', { typing: true, limit: 24, perDocument: 3 })
  expect(expected.groups.flatMap((g) => g.sections).map((h) => h.note?.annotationId)).toEqual([made.id])
  const option = palette.options.filter({ has: app.page.locator(`.note-hit[data-annotation-id="${made.id}"]`) })
  await expect(option).toHaveCount(1)
  await expect(option).toContainText('Ma note · Question')
  // The note is shown without its Markdown, both words marked; the passage is quoted.
  await expect(option.locator('.note-hit-note')).toHaveText('Piste pour l’atelier de Villeurbanne : comparer les statuts des coopératives.')
  expect(await option.locator('.note-hit-note mark').allTextContents()).toEqual(['atelier', 'Villeurbanne'])
  await expect(option.locator('.note-hit-quote')).toContainText(made.quote.trim().slice(0, 30))
  await expect(option.locator('.note-hit-tags')).toHaveText('#atelier')
  await expect(palette.dialog.getByText(/dont 1 de vos notes/)).toBeAttached()
  await app.screenshot('search-palette-note')
  expect(await seriousViolations(app, '.palette')).toEqual([])

  await expect(option).toHaveAttribute('aria-selected', 'true')
  await app.page.keyboard.press('Enter')
  await expect(palette.dialog).toBeHidden()
  await new DocumentPage(app.page).waitFor(made.docId)
  await expect(app.page).toHaveURL(new RegExp(`#/doc/${made.docId}(/[^?]*)?\\?annotation=${made.id}$`))
  await expect.poll(() => notes.flashes()).toEqual([made.quote])
  // The passage is in the window.
  expect(await notes.inView('blue', made.quote)).toBe(true)
})

test('the results page answers in:notes and couleur:, and says when a colour is unknown', async ({ app }) => {
  const question = await annotate(app, 1, 'blue', 'Qui décide, et comment ?', ['gouvernance'])
  const check = await annotate(app, 3, 'orange', '', ['sources'])
  await app.open('#/search?q=' + encodeURIComponent('in:notes couleur:"à vérifier"'))
  const results = new SearchResultsPage(app.page)
  await expect(app.page.locator('.result-groups')).toHaveAttribute('aria-busy', 'false')
  await expect(results.count).toContainText('1 résultat dans 1 document, dont 1 de vos notes')
  const notes = app.page.locator('.result-note .note-hit')
  await expect(notes).toHaveCount(1)
  await expect(notes.first()).toHaveAttribute('data-annotation-id', check.id)
  await expect(notes.first()).toContainText('Ma note · À vérifier')
  // The filters agree with the query: in:notes shows « Mes notes » checked, fixed by the query.
  await expect(results.facet('source', 'Mes notes').locator('input')).toBeChecked()
  await expect(results.facet('source', 'Mes notes').locator('input')).toBeDisabled()
  await expect(results.facet('source', 'Mes notes')).toContainText('dans la requête')
  // A highlight without a note shows its passage.
  await expect(notes.first().locator('.note-hit-quote')).toBeVisible()
  await expect(notes.first().locator('.note-hit-note')).toHaveCount(0)
  await app.screenshot('search-results-notes')
  expect(await seriousViolations(app)).toEqual([])
  await app.services.settings.update({ theme: 'dark' })
  await expect(app.page.locator(':root[data-theme="dark"]')).toBeAttached()
  expect(await seriousViolations(app)).toEqual([])
  await app.screenshot('search-results-notes-dark')
  await app.services.settings.update({ theme: 'light' })

  // in:notes alone lists every note; a tag word finds its note among the texts.
  await results.input.fill('in:notes')
  await expect(app.page.locator('.result-note')).toHaveCount(2)
  await results.input.fill('gouvernance décide')
  await expect(app.page.locator(`.note-hit[data-annotation-id="${question.id}"]`)).toBeVisible()
  const mixed = await ask(app, 'gouvernance décide')
  expect(mixed.total.bySource.library).toBeGreaterThan(0)
  // The « Chercher dans » facet keeps the notes only (or the texts only), with its counts.
  await expect(results.facet('source', 'Mes notes')).toContainText(String(mixed.facets.sources.find((f) => f.value === 'annotations')!.count))
  await results.facet('source', 'Mes notes').click()
  await expect(app.page).toHaveURL(/source=annotations/)
  await expect(app.page.locator('.result-groups')).toHaveAttribute('aria-busy', 'false')
  await expect(app.page.locator('.result-link')).toHaveCount(1)
  await expect(app.page.locator('.result-note')).toHaveCount(1)
  await app.screenshot('search-results-notes-facet')
  await results.facet('source', 'Mes notes').click()
  await results.facet('source', 'Textes').click()
  await expect(app.page.locator('.result-note')).toHaveCount(0)
  await expect(app.page.locator('.result-link').first()).toBeVisible()
  await results.facet('source', 'Textes').click()

  await results.input.fill('décide couleur:fuchsia')
  await expect(app.page.locator('.search-notice')).toContainText('Couleur inconnue')
  await expect(app.page.locator('.result-note')).toHaveCount(0)
})
