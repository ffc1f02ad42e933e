/**
 * The screens people see first, captured for review (e2e/.artifacts/screenshots/screen-*.png): the
 * library with a document in progress, a chapter in light, dark and sepia, a case study, the
 * settings. Each waits for its screen to be complete (decorations included) before the capture.
 */
import { test, expect } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'
import { SettingsPage } from '../pages/settings-page'

async function readSomeOf(app: AppHarness, id: string, progress: number): Promise<void> {
  const d = app.services.library.get(id)
  await app.services.reading.save({ id, hash: d.summary.hash, offset: Math.round(d.text.length * progress), progress, sectionId: '' })
}

test('library, with reading in progress', async ({ app }) => {
  await readSomeOf(app, 'cahier-03-synergies-et-divergences', 0.42)
  await readSomeOf(app, 'cas-coopcycle', 0.7)
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()
  await expect(library.resume.locator('[data-resume-id]')).toHaveCount(2)
  await app.screenshot('screen-library')
})

test('library, first visit', async ({ app }) => {
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  await expect(app.page.getByRole('region', { name: 'Commencer la lecture' })).toBeVisible()
  await app.screenshot('screen-library-first-visit')
})

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`a chapter, ${theme}`, async ({ app }) => {
    await app.services.settings.update({ theme })
    await app.open('#/doc/cahier-02-deux-mondes-des-valeurs/le-logiciel-libre-quatre-libertes-et-une-strategie-juridique')
    const doc = new DocumentPage(app.page)
    await doc.waitFor('cahier-02-deux-mondes-des-valeurs')
    await doc.waitForDecorations()
    await expect(doc.toc.locator('a[aria-current="location"]')).toHaveCount(1)
    await app.screenshot(`screen-chapter-${theme}`)
  })
}

test('a case study', async ({ app }) => {
  await app.open('#/doc/cas-coopcycle')
  const doc = new DocumentPage(app.page)
  await doc.waitFor('cas-coopcycle')
  await doc.waitForDecorations()
  await expect(app.page.locator('.doc-organisation')).toBeVisible()
  await app.screenshot('screen-case-study')
})

test('settings', async ({ app }) => {
  await app.open('#/settings')
  await new SettingsPage(app.page).waitForLoaded()
  await app.screenshot('screen-settings')
})
