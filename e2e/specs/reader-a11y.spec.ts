/**
 * Accessibility: axe (WCAG 2.x A/AA rules and best practices) finds no serious or critical violation
 * on the library, a chapter, a case study and the settings, in the light and the dark themes — with
 * the reader's decorations in place (glossary terms) and with its popovers open.
 */
import { seriousViolations } from '../harness/axe'
import { test, expect } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { DocumentPage } from '../pages/document-page'
import { LibraryPage } from '../pages/library-page'
import { SettingsPage } from '../pages/settings-page'

async function setTheme(app: AppHarness, theme: 'light' | 'dark'): Promise<void> {
  await app.services.settings.update({ theme })
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ app }) => {
      test.setTimeout(90_000) // axe over a long chapter takes a while on a shared machine
      await setTheme(app, theme)
    })

    test('library', async ({ app }) => {
      // With a reading position, so « Reprendre la lecture » and progress bars are checked too.
      const id = 'cahier-02-deux-mondes-des-valeurs'
      await app.services.reading.save({ id, hash: app.services.library.get(id).summary.hash, offset: 2000, progress: 0.3, sectionId: '' })
      await app.open('#/')
      await new LibraryPage(app.page).waitForLoaded()
      await expect(app.page.locator('html')).toHaveAttribute('data-theme', theme)
      expect(await seriousViolations(app)).toEqual([])
      await app.screenshot(`a11y-library-${theme}`)
    })

    test('a chapter, with its find bar and a footnote open', async ({ app }) => {
      await app.open('#/doc/cahier-03-synergies-et-divergences')
      const doc = new DocumentPage(app.page)
      await doc.waitFor('cahier-03-synergies-et-divergences')
      await doc.waitForDecorations()
      expect(await seriousViolations(app)).toEqual([])
      await doc.openFind()
      await doc.findInput.fill('licence')
      await doc.openFootnote(2)
      expect(await seriousViolations(app)).toEqual([])
    })

    test('a case study, with the reading settings open', async ({ app }) => {
      await app.open('#/doc/cas-mobicoop')
      const doc = new DocumentPage(app.page)
      await doc.waitFor('cas-mobicoop')
      await doc.waitForDecorations()
      expect(await seriousViolations(app)).toEqual([])
      await app.page.getByRole('button', { name: 'Réglages de lecture' }).click()
      expect(await seriousViolations(app)).toEqual([])
      await app.screenshot(`a11y-case-${theme}`)
    })

    test('settings', async ({ app }) => {
      await app.open('#/settings')
      await new SettingsPage(app.page).waitForLoaded()
      expect(await seriousViolations(app)).toEqual([])
      await app.screenshot(`a11y-settings-${theme}`)
    })
  })
}

test('the shortcuts sheet', async ({ app }) => {
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  await app.page.keyboard.press('?')
  await expect(app.page.getByRole('dialog', { name: 'Raccourcis clavier' })).toBeVisible()
  expect(await seriousViolations(app)).toEqual([])
})
