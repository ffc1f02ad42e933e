/**
 * « Reprendre la lecture » agrees with the cards (#16 C11): a document read near its top is stored
 * at offset 0 (its header still in view) with some progress; its card says « Lu à 6 % », and the
 * library's hero offers to resume it, not « Commencer la lecture ».
 */
import { test, expect } from '../harness/fixtures'
import { LibraryPage } from '../pages/library-page'

test('a document read near its top (offset 0, 6 %) is offered in « Reprendre la lecture », like its card says', async ({ app }) => {
  const id = app.services.library.list().find((d) => d.kind === 'cahier')!.id
  const doc = app.services.library.get(id)
  await app.services.reading.save({ id, hash: doc.summary.hash, offset: 0, progress: 0.06, sectionId: '' })
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()
  await expect(library.card(id)).toContainText('Lu à 6')
  await expect(library.resume).toBeVisible()
  await expect(library.resume.locator(`[data-resume-id="${id}"]`)).toContainText('Lu à 6')
  await expect(app.page.getByRole('heading', { name: 'Commencer la lecture' })).toHaveCount(0)
})

test('a document only opened (offset 0, under 2 %) is not begun: the hero invites to start', async ({ app }) => {
  const id = app.services.library.list().find((d) => d.kind === 'cahier')!.id
  const doc = app.services.library.get(id)
  await app.services.reading.save({ id, hash: doc.summary.hash, offset: 0, progress: 0.01, sectionId: '' })
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()
  await expect(app.page.getByRole('heading', { name: 'Commencer la lecture' })).toBeVisible()
  await expect(library.card(id)).not.toContainText('Lu à')
})
