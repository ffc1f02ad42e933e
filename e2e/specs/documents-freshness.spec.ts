/**
 * « Mes documents » kept fresh (#17): a document the CLI adds or removes on the same data dir
 * shows in the open library without a reload; a file changed at the path it was imported from is
 * offered as a new version (« Une nouvelle version de ce fichier est disponible »), in the reader
 * and the library, and « Mettre à jour » replaces it with its highlight re-anchored.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from '../harness/fixtures'
import { seriousViolations } from '../harness/axe'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'
import { createServices } from '../../electron/services/services'
import { createHandlers } from '../../electron/services/handlers'
import { inProcessClient } from '../../electron/shared/api/in-process'
import { fixedClock } from '../../electron/services/platform/clock'
import { memoryLogger } from '../../electron/services/platform/log'
import { recordingOpener } from '../../electron/services/platform/external-opener'

const CONTENT = join(__dirname, '..', '..', 'content')

test('a document the CLI adds, then removes, on the same data dir appears in the open library and goes, without a reload', async ({ app }) => {
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()
  await expect(app.page.locator('section.shelf-mien')).toHaveCount(0)

  // The CLI: its own services on the app's data dir, as `cli add` makes them (no watch).
  const cli = await createServices({ contentDir: CONTENT, dataDir: app.dataDir, clock: fixedClock('2026-11-28T11:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'cli', watchDocuments: false })
  const api = inProcessClient(createHandlers(cli))
  const r = await api.documents.importFiles({ files: [{ name: 'ressourcerie.md', base64: Buffer.from('# La ressourcerie de Quimper\n\nElle répare des vélos.\n').toString('base64') }] })
  const item = r.ok ? r.value.items[0] : undefined
  if (!item?.ok) throw new Error('not imported by the CLI')

  const shelf = app.page.locator('section.shelf-mien')
  await expect(shelf.locator(`[data-doc-id="${item.id}"]`)).toContainText('La ressourcerie de Quimper')
  expect((await api.documents.remove({ id: item.id })).ok).toBe(true)
  await expect(shelf).toHaveCount(0)
  await cli.close()
})

test('a file changed where it was imported from: the notice in the reader and the library, « Mettre à jour » re-anchors the highlight', async ({ app }) => {
  const dir = await mkdtemp(join(tmpdir(), 'passerelles-e2e-source-'))
  const path = join(dir, 'compte-rendu.md')
  await writeFile(path, '# Compte rendu du bureau\n\nLa coopérative mutualise ses serveurs à Brest.\n\nLe bureau se réunit en juin.\n')
  app.chooseFilesNext([path])
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  await app.page.getByRole('button', { name: 'Ajouter des documents…' }).click()
  await expect(app.page.locator('.import-report')).toContainText('Un document ajouté.')
  const id = app.services.reader.list().find((d) => d.kind === 'mien')!.id
  const text = app.services.reader.get(id).text
  const quote = 'mutualise ses serveurs'
  const made = await app.api.annotations.create({ docId: id, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, color: 'blue', note: 'À suivre', tags: [] })
  expect(made.ok).toBe(true)

  // Opened unchanged: no notice.
  await app.open(`#/doc/${id}`)
  const reader = new DocumentPage(app.page)
  await reader.waitFor(id)
  await expect(app.page.locator('.my-document-actions')).toBeVisible()
  await expect(app.page.locator('.new-version-notice')).toHaveCount(0)

  // Edited in another program; opened again: the reader offers the new version.
  await writeFile(path, '# Compte rendu du bureau\n\nUn paragraphe ajouté en tête.\n\nLa coopérative mutualise ses serveurs à Brest.\n\nLe bureau se réunit en juin.\n')
  await app.open('#/')
  await app.open(`#/doc/${id}`)
  await reader.waitFor(id)
  const notice = app.page.locator('.new-version-notice')
  await expect(notice).toContainText('Une nouvelle version de ce fichier est disponible')
  await expect(notice).toContainText('compte-rendu.md, modifié sur votre disque')
  await app.screenshot('documents-new-version-reader')
  expect(await seriousViolations(app, '.new-version-notice')).toEqual([])

  // The library lists it too, under the document's title, after a restart (kept in the data dir).
  await app.restart()
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  const inLibrary = app.page.locator('.library-head .new-version-notice')
  await expect(inLibrary).toContainText('Une nouvelle version de « Compte rendu du bureau » est disponible')
  await app.screenshot('documents-new-version-library')

  await app.open(`#/doc/${id}`)
  await reader.waitFor(id)
  await app.page.locator('.new-version-notice').getByRole('button', { name: 'Mettre à jour' }).click()
  await expect(app.page.locator('#main')).toContainText('Un paragraphe ajouté en tête.')
  await expect(app.page.getByText('« Compte rendu du bureau » est à jour. Annotations : 1 en place, 0 à confirmer, 0 passage introuvable.')).toBeVisible()
  await expect(app.page.locator('.new-version-notice')).toHaveCount(0)
  const list = await app.api.annotations.list({ docId: id })
  const newText = app.services.reader.get(id).text
  expect(list.ok && list.value.items.map((v) => v.anchor)).toEqual([expect.objectContaining({ status: 'anchored', start: newText.indexOf(quote) })])
  await rm(dir, { recursive: true, force: true })
})

test('a new version the import report offers is not offered twice: the library’s notice steps aside while the report is open', async ({ app }) => {
  const dir = await mkdtemp(join(tmpdir(), 'passerelles-e2e-source-'))
  const path = join(dir, 'statuts.md')
  await writeFile(path, '# Statuts de l’association\n\nArticle premier : objet.\n')
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  const add = app.page.getByRole('button', { name: 'Ajouter des documents…' })
  const report = app.page.locator('.import-report')
  const notice = app.page.locator('.library-head .new-version-notice')
  app.chooseFilesNext([path])
  await add.click()
  await expect(report).toContainText('Un document ajouté.')
  await report.getByRole('button', { name: 'OK' }).click()

  // Imported again, changed: the report offers it; once closed, the library's notice does.
  await writeFile(path, '# Statuts de l’association\n\nArticle premier : objet et durée.\n')
  app.chooseFilesNext([path])
  await add.click()
  await expect(report.getByRole('button', { name: 'Remplacer par cette version' })).toBeVisible()
  await report.getByRole('button', { name: 'OK' }).click()
  await expect(notice).toContainText('Une nouvelle version de « Statuts de l’association » est disponible (statuts.md, importé à nouveau)')

  // Once more: the notice on screen goes while the report offers the same file, and comes back after.
  app.chooseFilesNext([path])
  await add.click()
  await expect(report.getByRole('button', { name: 'Remplacer par cette version' })).toBeVisible()
  await expect(notice).toHaveCount(0)
  await report.getByRole('button', { name: 'OK' }).click()
  await expect(notice).toHaveCount(1)
  await rm(dir, { recursive: true, force: true })
})
