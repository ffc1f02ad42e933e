/**
 * « Mes documents » (#17) by drag and drop, through the UI: a real DataTransfer of File objects is
 * dropped on the window. One file of each format is imported and reported per file; a PDF's own
 * highlights come in from the report's offer; a new version of a file replaces its document and the
 * reader's highlight is re-anchored; removing a document asks first and keeps its notes; a hostile
 * file of each format shows only its text — no script runs, no request leaves, nothing dangerous
 * reaches the DOM.
 */
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from '../harness/fixtures'
import { seriousViolations } from '../harness/axe'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'
import { AnnotationsPage } from '../pages/annotations-page'
import { indexReady } from '../pages/search-page'
import { XssMonitor, problemsOf } from '../security/xss-monitor'
import { MAX_IMPORT_FILES } from '../../electron/shared/documents/model'

const FIXTURES = join(__dirname, '..', 'fixtures', 'documents')
/** One of each format; the DOCX, ODT, EPUB and PDF written by pandoc and Chromium (e2e/fixtures/documents/README.md). */
const ONE_OF_EACH = ['notes-de-terrain.md', 'compte-rendu.txt', 'page-web.html', 'libre-et-ess.docx', 'libre-et-ess.odt', 'libre-et-ess.epub', 'libre-et-ess.pdf'].map((f) => join(FIXTURES, f))
const HOSTILE = ['hostile.html', 'hostile.epub', 'hostile.docx', 'hostile.odt', 'hostile.md', 'hostile.txt', 'hostile.pdf', 'real-hostile.docx', 'real-hostile.odt', 'real-hostile.epub'].map((f) => join(FIXTURES, 'hostile', f))

/** How long a batch of office files may take to convert before its report shows (the default expect timeout fits one small file). */
const BATCH_REPORT_MS = 30_000

/** Drops files on the window as a person does: dragenter, dragover, drop, with a DataTransfer holding File objects. */
async function dropFiles(page: Page, files: readonly { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }))
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer()
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name))
    return dt
  }, payload)
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('main', type, { dataTransfer })
}
const dropPaths = async (page: Page, paths: readonly string[]): Promise<void> => dropFiles(page, await Promise.all(paths.map(async (p) => ({ name: basename(p), bytes: await readFile(p) }))))

test.beforeEach(({ app }) => indexReady(app))

test('a drop of one file of each format imports each, reports per file; a PDF’s own highlights come in from the report', async ({ app }) => {
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  await dropPaths(app.page, [...ONE_OF_EACH, join(FIXTURES, 'surlignages.pdf')])
  const report = app.page.locator('.import-report')
  // The report comes when the whole batch is converted: eight files, four of them real office files (a few seconds on a loaded machine).
  await expect(report).toContainText('8 documents ajoutés.', { timeout: BATCH_REPORT_MS })
  await expect(report.locator('.import-ok')).toHaveCount(8)
  for (const p of [...ONE_OF_EACH, 'surlignages.pdf']) await expect(report).toContainText(`(${basename(p)})`)
  const mine = app.services.reader.list().filter((d) => d.kind === 'mien')
  expect(mine.map((d) => d.title).sort()).toEqual(
    [
      'Compte rendu du bureau',
      'Cooperatives et logiciels libres',
      'Le libre au service de l’ESS (EPUB)',
      'Le libre au service de l’ESS (OpenDocument)',
      'Le libre au service de l’ESS (PDF)',
      'Le libre au service de l’ESS (Word)',
      'Le réseau des recycleries',
      'Notes de terrain à Brest',
    ].sort(),
  )

  // The PDF made in another reader: five markups (a reply among them, folded into its highlight), each reported.
  const offer = report.getByRole('button', { name: 'Importer les surlignages du PDF (5)' })
  await offer.click()
  const markups = report.locator('.markups-report')
  await expect(markups).toContainText('4 annotations ajoutées, 0 déjà importée, 0 passage non retrouvé.')
  await expect(markups.locator('li')).toHaveCount(4)
  await expect(markups).toContainText('« de logiciel libre mutualisent » : À citer dans le chapitre 2')
  expect(await seriousViolations(app, '.import-report')).toEqual([])
  const pdfId = mine.find((d) => d.title === 'Cooperatives et logiciels libres')!.id
  const notes = new AnnotationsPage(app.page)
  const list = await notes.list(pdfId)
  expect(list.map((v) => [v.annotation.body.color, v.anchor.status]).sort()).toEqual([['green', 'anchored'], ['orange', 'anchored'], ['purple', 'note'], ['yellow', 'anchored']])

  // In the reader, the highlight is painted on the passage.
  await report.getByRole('link', { name: 'Cooperatives et logiciels libres' }).click()
  const reader = new DocumentPage(app.page)
  await reader.waitFor(pdfId)
  await expect.poll(() => notes.inView('yellow', 'de logiciel libre mutualisent')).toBe(true)

  // Offered again under the document's title: a second import adds nothing twice.
  await app.page.locator('.my-document-actions').getByRole('button', { name: 'Importer les surlignages du PDF (5)' }).click()
  await expect(app.page.locator('.my-document-actions .markups-report')).toContainText('0 annotation ajoutée, 4 déjà importées, 0 passage non retrouvé.')
  await notes.expectCount(4, pdfId)

  // The Word file pandoc wrote, in the reader: its headings, bold and italic, its list, its footnote, its link, its image.
  const docxId = mine.find((d) => d.title === 'Le libre au service de l’ESS (Word)')!.id
  await app.open(`#/doc/${docxId}`)
  await reader.waitFor(docxId)
  // Its title block is not repeated under the page's title; its sections are level 2 and 3, as in the contents.
  await expect(reader.body.getByRole('heading', { level: 2, name: 'Pourquoi mutualiser' })).toBeVisible()
  await expect(reader.body.getByRole('heading', { level: 3, name: 'Ce que la coopérative met en commun' })).toBeVisible()
  await expect(reader.body).not.toContainText('Camille Martin')
  await expect(app.page.locator('nav#toc')).toContainText('Pourquoi mutualiser')
  await expect(reader.body.locator('strong', { hasText: 'libre' })).toBeVisible()
  await expect(reader.body.locator('em', { hasText: 'modifier' })).toBeVisible()
  await expect(reader.body.locator('li', { hasText: 'une messagerie pour les bénévoles' })).toBeVisible()
  await expect(reader.body.getByRole('link', { name: 'le site de la coopérative' })).toHaveAttribute('href', 'https://example.org/services')
  await expect(reader.body.locator('.footnotes li')).toContainText('Le contrat de maintenance est signé pour deux ans.')
  // The picture stored in the file is shown from its data: URI (the CSP's img-src allows data:), decoded: 48 × 24 pixels; no placeholder.
  const image = reader.body.getByRole('img', { name: 'Ateliers tenus chaque trimestre' })
  await expect(image).toHaveAttribute('src', /^data:image\/png;base64,iVBORw0KGgo/)
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight])).toEqual([true, 48, 24])
  expect(await reader.body.locator('img').count()).toBe(1)
  await expect(reader.body).not.toContainText('[image')
  await image.scrollIntoViewIfNeeded()
  await app.screenshot('documents-real-docx')
  await reader.body.locator('.footnotes').scrollIntoViewIfNeeded()
  await app.screenshot('documents-real-docx-notes')
})

test('a new version of a file: « Remplacer par cette version » keeps the document and re-anchors the highlight', async ({ app }) => {
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  const v1 = await readFile(join(FIXTURES, 'notes-de-terrain.md'), 'utf8')
  await dropFiles(app.page, [{ name: 'notes-de-terrain.md', bytes: Buffer.from(v1) }])
  const report = app.page.locator('.import-report')
  await expect(report).toContainText('Un document ajouté.')
  const id = app.services.reader.list().find((d) => d.kind === 'mien')!.id

  await report.getByRole('link', { name: 'Notes de terrain à Brest' }).click()
  const reader = new DocumentPage(app.page)
  await reader.waitFor(id)
  const notes = new AnnotationsPage(app.page)
  const quote = 'serveurs mutualisés'
  const text = await reader.text()
  await notes.selectWithMouse(text.indexOf(quote), text.indexOf(quote) + quote.length)
  await notes.toolbar.getByRole('button', { name: /Surligner : Question/ }).click()
  await notes.expectCount(1, id)

  // The edited file, dropped again under the same name.
  const v2 = v1.replace('## La recyclerie\n', '## La recyclerie\n\nUn paragraphe ajouté avant la phrase surlignée, dans la nouvelle version.\n')
  await app.open('#/')
  await dropFiles(app.page, [{ name: 'notes-de-terrain.md', bytes: Buffer.from(v2) }])
  const offered = app.page.locator('.import-report .import-new-version')
  await expect(offered).toContainText('Autre version d’un document déjà importé sous ce nom')
  const replace = offered.getByRole('button', { name: 'Remplacer par cette version' })
  await expect(replace).toBeVisible()
  await app.screenshot('documents-import-new-version')
  expect(await seriousViolations(app, '.import-report')).toEqual([])
  await replace.click()
  await expect(offered.locator('.import-replaced')).toHaveText('Remplacé par cette version. Annotations : 1 en place, 0 à confirmer, 0 passage introuvable.')
  expect(app.services.reader.list().filter((d) => d.kind === 'mien').map((d) => d.id)).toEqual([id])

  await offered.getByRole('link', { name: 'Ouvrir celui-ci' }).click()
  await reader.waitFor(id)
  const newText = await reader.text()
  expect(newText).toContain('Un paragraphe ajouté avant la phrase surlignée')
  const [made] = await notes.list(id)
  expect(made!.anchor).toMatchObject({ status: 'anchored', start: newText.indexOf(quote) })
  await expect.poll(() => notes.inView('blue', quote)).toBe(true)
})

test('removing a document asks first (an accessible dialog; Escape cancels) and keeps its notes in « Mes notes »', async ({ app }) => {
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  await dropPaths(app.page, [join(FIXTURES, 'notes-de-terrain.md')])
  await expect(app.page.locator('.import-report')).toContainText('Un document ajouté.')
  const id = app.services.reader.list().find((d) => d.kind === 'mien')!.id
  const text = app.services.reader.get(id).text
  const start = text.indexOf('atelier de réparation')
  await app.api.annotations.create({ docId: id, start, end: start + 'atelier de réparation'.length, color: 'green', note: 'Une note à garder', tags: [] })

  await app.open(`#/doc/${id}`)
  const reader = new DocumentPage(app.page)
  await reader.waitFor(id)
  const removeButton = app.page.getByRole('button', { name: 'Retirer de mes documents' })
  await removeButton.click()
  const dialog = app.page.getByRole('alertdialog', { name: 'Retirer « Notes de terrain à Brest » de vos documents ?' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Vos surlignages et notes sont gardés')
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused()
  expect(await seriousViolations(app, '.confirm-dialog')).toEqual([])
  await app.screenshot('documents-remove-confirm')
  await app.page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(removeButton).toBeFocused()
  expect(app.services.documents.store.get(id)).toBeDefined()

  await removeButton.click()
  await dialog.getByRole('button', { name: 'Retirer', exact: true }).click()
  await new LibraryPage(app.page).waitForLoaded()
  await expect(app.page.getByText('« Notes de terrain à Brest » a été retiré de vos documents ; ses notes sont gardées.')).toBeVisible()
  await expect(app.page.locator(`[data-doc-id="${id}"]`)).toHaveCount(0)

  await app.open('#/notes')
  const item = app.page.locator('.annotation-item', { hasText: 'Une note à garder' })
  await expect(item.locator('.annotation-doc-removed')).toHaveText('Notes de terrain à Brest (retiré de vos documents)')
})

test('a hostile file of each format shows only its text: no script runs, no request leaves, nothing dangerous in the DOM', async ({ app }) => {
  test.setTimeout(120_000)
  const monitor = await XssMonitor.attach(app.page, app.origin)
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  await monitor.reset(app.page.url())
  await dropPaths(app.page, HOSTILE)
  const report = app.page.locator('.import-report')
  await expect(report).toContainText(`${HOSTILE.length} documents ajoutés.`, { timeout: BATCH_REPORT_MS })
  // The report is the app's own UI (its buttons are ours): what matters there is that nothing ran or left.
  expect(problemsOf({ ...(await monitor.collect(report)), residue: [] })).toEqual([])

  const reader = new DocumentPage(app.page)
  for (const doc of app.services.reader.list().filter((d) => d.kind === 'mien')) {
    await app.page.evaluate((id) => (location.hash = `#/doc/${id}`), doc.id)
    await reader.waitFor(doc.id)
    await monitor.reset(app.page.url())
    await expect(reader.body).toContainText(/Texte visible du fichier \S+ hostile\./)
    await monitor.interact(reader.body)
    expect(problemsOf(await monitor.collect(reader.body)), doc.title).toEqual([])
    // No handler attribute, no script URL, no remote resource the page would load (an https link is fine: it opens through the checked opener; a title may quote a refused address).
    const dangerous = await reader.body.evaluate((body) =>
      [...body.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes]
          .filter(
            (a) =>
              /^on/i.test(a.name) ||
              (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(a.name) && /^\s*javascript:/i.test(a.value)) ||
              (['src', 'srcset', 'data', 'poster', 'background', 'style'].includes(a.name) && /evil\.example/i.test(a.value)),
          )
          .map((a) => `${el.localName} ${a.name}=${a.value}`),
      ),
    )
    expect(dangerous, doc.title).toEqual([])
  }
  expect(monitor.log.leaving()).toEqual([])
  expect(await app.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull()
})

test('a long batch shows its progress and « Annuler » stops it between files; what was imported stays', async ({ app }) => {
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  // A hundred different PDFs (the most one import takes; a comment line makes each file’s bytes its own): long enough to be seen and cancelled.
  const pdf = await readFile(join(FIXTURES, 'etude.pdf'))
  const files = Array.from({ length: MAX_IMPORT_FILES }, (_, i) => ({ name: `etude-${i + 1}.pdf`, bytes: Buffer.concat([pdf, Buffer.from(`\n% copie ${i + 1}\n`)]) }))
  // The batch waits after its first file until « Annuler » is pressed, whatever the machine's speed.
  const release = app.holdImports()
  await dropFiles(app.page, files)
  const progress = app.page.locator('.import-progress')
  await expect(progress.locator('progress')).toBeVisible()
  await expect(progress).toContainText(/Fichier \d+ sur 100 : etude-\d+\.pdf/)
  await app.screenshot('documents-import-progress')
  await progress.getByRole('button', { name: 'Annuler' }).click()
  release()
  const report = app.page.locator('.import-report')
  await expect(report.locator('.import-cancelled').first()).toContainText('Import annulé')
  const imported = await report.locator('.import-ok').count()
  expect(imported).toBe(1)
  expect(imported + (await report.locator('.import-cancelled').count())).toBe(MAX_IMPORT_FILES)
  expect(app.services.reader.list().filter((d) => d.kind === 'mien')).toHaveLength(imported)
})
