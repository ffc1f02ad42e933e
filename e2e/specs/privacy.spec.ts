/**
 * Privacy: a full tour — library and filters, reading (contents, internal and external links,
 * sources), settings, « À propos », search (palette, a result opened), annotating (Alt+H, the
 * panel), exporting (the preview), presenting (presenter and audience windows) — during which the
 * pages make NO request
 * outside the app's own origin (Playwright sees every request of the page and its frames). The only
 * thing that ever goes out is what the reader asks for by clicking an external link, and it goes to
 * the system browser through the checked opener, not from the page.
 */
import { test, expect } from '../harness/fixtures'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'
import { AboutPage } from '../pages/about-page'
import { RequestLog } from '../security/request-log'
import { AnnotationsPage } from '../pages/annotations-page'
import { indexReady } from '../pages/search-page'

test('a tour of the app makes no request outside its own origin', async ({ app }) => {
  const requests = new RequestLog(app.page, app.origin)
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()
  await library.filterByKind('Études de cas')
  await library.filterByKind('Tout')

  // Reading: a case study, its table of contents, its sources, an external link.
  const caseStudy = app.services.library.list().find((d) => d.kind === 'cas')!
  await library.openDocument(caseStudy.id)
  const doc = new DocumentPage(app.page)
  await doc.waitFor(caseStudy.id)
  await doc.toc.getByRole('link').first().click()
  await app.page.locator('details.doc-sources > summary').click()
  const external = doc.body.locator('a[data-external="true"]').first()
  await expect(external).toBeVisible()
  await external.click()
  await expect.poll(() => app.opened.length).toBe(1)

  // An internal link to another document, when the pack has one.
  const internal = doc.body.locator('a[data-doc]').first()
  if ((await internal.count()) > 0) {
    const target = (await internal.getAttribute('data-doc'))!
    await internal.click()
    await doc.waitFor(target)
  }

  // Settings, then « À propos » with a licence opened.
  await app.page.getByRole('link', { name: 'Réglages' }).click()
  // Controlled radios: checked once the settings service has saved the change.
  await app.page.getByLabel('Sombre').click()
  await expect(app.page.getByLabel('Sombre')).toBeChecked()
  await app.page.getByLabel('English').click()
  await expect(app.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await app.page.getByLabel('Français').click()
  await expect(app.page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible()
  await app.page.getByRole('link', { name: 'À propos' }).click()
  const about = new AboutPage(app.page)
  await about.waitForLoaded()
  await about.expandPackage('dompurify')
  await app.page.getByRole('link', { name: 'Bibliothèque' }).first().click()
  await library.waitForLoaded()

  // Search: the palette as you type, then a result opened at its section with its matches marked.
  await indexReady(app)
  await app.page.keyboard.press('Control+k')
  const palette = app.page.getByRole('dialog')
  await palette.getByRole('combobox').fill('coopérative')
  await expect(palette.locator('mark').first()).toBeVisible()
  await app.page.keyboard.press('Enter')
  await expect(app.page.locator('[data-doc-body]')).toBeAttached()

  // Annotating: highlight a passage from the keyboard (Alt+H), add a note in the editor's panel.
  const chapter = app.services.library.list().find((d) => d.kind === 'cahier')!
  await app.open(`#/doc/${chapter.id}`)
  await doc.waitFor(chapter.id)
  const notes = new AnnotationsPage(app.page)
  const para = await notes.paragraph(1)
  await notes.selectRange(para.start, para.start + Math.min(40, para.text.length))
  await app.page.keyboard.press('Alt+h')
  await notes.expectCount(1, chapter.id)
  await notes.openPanel()

  // Exporting: the export screen and its live preview.
  await app.open('#/export')
  await expect(app.page.getByTestId('export-preview')).toContainText('passerelles://open/')

  // Presenting: a section in the presenter and audience windows, one slide forward.
  await app.open(`#/doc/${chapter.id}`)
  await doc.waitFor(chapter.id)
  await app.page.getByRole('button', { name: /^▶?\s*Présenter$/ }).click()
  await app.page.locator('.present-item[data-section]').first().click()
  const windows = await app.presentation.windows()
  const presenterLog = new RequestLog(windows.presenter, app.origin)
  const audienceLog = new RequestLog(windows.audience, app.origin)
  await windows.presenter.keyboard.press('ArrowRight')
  await expect.poll(() => { const s = app.services.presentation.snapshot().state; return s.status === 'presenting' ? s.index : -1 }).toBe(1)

  test.info().annotations.push({ type: 'privacy', description: `${requests.all.length} requests, ${requests.leaving().length} leaving` })
  expect(presenterLog.leaving()).toEqual([])
  expect(audienceLog.leaving()).toEqual([])
  expect(requests.leaving()).toEqual([])
  expect(requests.count('same-origin')).toBeGreaterThan(3)
  // Only the link the reader clicked went to the system browser.
  expect(app.opened).toHaveLength(1)
})
