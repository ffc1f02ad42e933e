/**
 * « Mes documents » (#17) through the UI: the researcher clicks « Ajouter des documents… » (the
 * harness's open-dialog port answers with a fixture file), sees the report, finds the document on
 * its own shelf, reads it with its own metadata, finds a sentence of it from the palette, and
 * highlights a passage of it; a bad file in the same batch is refused by name and the good one kept.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from '../harness/fixtures'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'
import { AnnotationsPage } from '../pages/annotations-page'
import { indexReady, SearchPalette } from '../pages/search-page'

const FIXTURE = join(__dirname, '..', 'fixtures', 'documents', 'notes-de-terrain.md')

test.beforeEach(({ app }) => indexReady(app))

test('add a Markdown file from « Ajouter des documents… », read it, find it, highlight it', async ({ app }) => {
  const broken = join(app.dataDir, 'rapport.pdf')
  await writeFile(broken, 'pas un PDF')
  app.chooseFilesNext([FIXTURE, broken])
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()

  await app.page.getByRole('button', { name: 'Ajouter des documents…' }).click()
  const report = app.page.locator('.import-report')
  await expect(report).toContainText('Un document ajouté.')
  await expect(report.locator('.import-refused')).toContainText('rapport.pdf')
  await expect(report.locator('.import-refused')).toContainText('Fichier illisible ou endommagé')

  // Its own shelf, once the library has read the list again (documents.changed).
  const shelf = app.page.locator('section.shelf-mien')
  await expect(shelf.getByRole('heading', { name: /Mes documents/ })).toBeVisible()
  const id = app.services.reader.list().find((d) => d.kind === 'mien')!.id
  await expect(shelf.locator(`[data-doc-id="${id}"]`)).toContainText('Notes de terrain à Brest')

  await report.getByRole('link', { name: 'Notes de terrain à Brest' }).click()
  const reader = new DocumentPage(app.page)
  await reader.waitFor(id)
  await expect(app.page.locator('#doc-title')).toHaveText('Notes de terrain à Brest')
  await expect(app.page.locator('.doc-header')).toContainText('Camille Martin')
  const text = await reader.text()
  expect(text).toBe(app.services.reader.get(id).text)

  // The palette finds a sentence of it.
  const palette = new SearchPalette(app.page)
  await palette.open()
  await palette.type('recyclerie chaton')
  await expect(palette.options.first()).toHaveAttribute('data-doc-id', id)
  await expect(palette.options.first()).toContainText('recyclerie')
  await app.page.keyboard.press('Escape')

  // A highlight on it, stored against the imported document.
  const notes = new AnnotationsPage(app.page)
  const start = text.indexOf('serveurs mutualisés')
  await notes.selectWithMouse(start, start + 'serveurs mutualisés'.length)
  await notes.toolbar.getByRole('button', { name: /Surligner : Question/ }).click()
  await notes.expectCount(1, id)
  const [made] = await notes.list(id)
  expect(made!.anchor).toMatchObject({ status: 'anchored', start })
})
