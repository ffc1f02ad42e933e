/**
 * « À propos »: reachable from the top bar and from the menu's show-about command; shows the
 * version, the app's licence with its full text, the content's CC BY-SA 4.0 notice and the
 * third-party notices the build generated (out/renderer/notices.json).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test, expect, REPO } from '../harness/fixtures'
import { AboutPage } from '../pages/about-page'
import { NoticesSchema } from '../../electron/shared/about/notices'

/** What the build wrote (read when a test runs, so a missing build fails those tests, not the collection). */
const builtNotices = (): ReturnType<typeof NoticesSchema.parse> =>
  NoticesSchema.parse(JSON.parse(readFileSync(join(REPO, 'out', 'renderer', 'notices.json'), 'utf8')))

test('the top bar opens « À propos » with the version, the licences and every third-party notice', async ({ app }) => {
  const notices = builtNotices()
  await app.open('#/')
  await app.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'À propos' }).click()
  const about = new AboutPage(app.page)
  await about.waitForLoaded()
  await expect(app.page).toHaveURL(/#\/about$/)
  await expect(about.heading).toBeFocused()
  await expect(app.page.locator('.about-facts')).toContainText('0.0.0-e2e')
  await app.screenshot('about-top')

  const appLicence = about.section(/Licence de l’application/)
  await expect(appLicence).toContainText('GPL-3.0-or-later')
  await appLicence.getByText('Texte intégral de la licence').click()
  await expect(appLicence.locator('.licence-text')).toContainText('GNU GENERAL PUBLIC LICENSE')

  const contentLicence = about.section(/Licence des contenus/)
  await expect(contentLicence.locator('strong')).toContainText('CC BY-SA 4.0')
  await contentLicence.getByRole('link', { name: /CC BY-SA 4.0/ }).click()
  expect(app.opened).toEqual([notices.content.url])

  await expect(about.packages).toHaveCount(notices.packages.length)
  for (const name of ['react', 'react-dom', 'dompurify', 'jsdom', 'zod', 'electron']) await expect(about.package(name)).toHaveCount(1)
  await expect(await about.expandPackage('dompurify')).toContainText('Apache License')
  await app.screenshot('about')
})

test('the menu command show-about navigates to « À propos »', async ({ app }) => {
  await app.open('#/')
  app.services.bus.emit('menu.command', { command: 'show-about' })
  await new AboutPage(app.page).waitForLoaded()
  await expect(app.page).toHaveURL(/#\/about$/)
})

test('« À propos » has no serious accessibility violation', async ({ app }) => {
  await app.open('#/about')
  const about = new AboutPage(app.page)
  await about.waitForLoaded()
  await about.expandPackage('react')
  // The page's own content; the shared top bar is the reader's to audit.
  const result = await new AxeBuilder({ page: app.page }).include('main').analyze()
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})
