/**
 * Case studies side by side (#15): the library's case-study shelf switches from cards to a table
 * with one row per study — name, legal form, founding year, sector, licences, as each study's
 * front matter gives them — whose names open the study; the library's filters hide rows as they
 * hide cards; the choice survives a return to the library. A study's header shows its sector and
 * licences too.
 */
import { test, expect } from '../harness/fixtures'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'

test('the case studies can be shown as a table of name, legal form, founded, sector and licences', async ({ app }) => {
  const studies = app.services.library.list().filter((d) => d.kind === 'cas')
  expect(studies.length).toBeGreaterThanOrEqual(12)
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()
  const shelf = library.shelf('cas')
  await shelf.getByRole('button', { name: 'Tableau' }).click()
  await expect(shelf.getByRole('button', { name: 'Tableau' })).toHaveAttribute('aria-pressed', 'true')
  const table = shelf.getByRole('table', { name: 'Les études de cas côte à côte' })
  await expect(table).toBeVisible()
  await expect(table.locator('thead th')).toHaveText(['Nom', 'Forme juridique', 'Création', 'Secteur', 'Licences'])
  const rows = table.locator('tbody tr')
  await expect(rows).toHaveCount(studies.length)
  for (const [i, s] of studies.entries()) {
    const o = app.services.library.get(s.id).meta.organisation!
    const licences = o.licences!.length > 0 ? o.licences!.join(', ') : 'aucune publiée'
    await expect(rows.nth(i).locator('th, td')).toHaveText([o.name, o.legalForm, o.founded, o.sector!, licences])
  }
  await app.screenshot('library-case-table')

  // The filters hide rows as they hide cards.
  await library.filterInput.fill('covoiturage')
  const matching = await library.shelf('cas').locator('tbody tr:not([hidden])').evaluateAll((els) => els.map((e) => e.getAttribute('data-doc-id')))
  expect(matching).toContain('cas-mobicoop')
  expect(matching.length).toBeLessThan(studies.length)
  await library.filterInput.fill('')

  // A name opens its study, whose header shows sector and licences; back in the library, still a table.
  await table.locator('tr[data-doc-id="cas-coopcycle"]').getByRole('link').click()
  const doc = new DocumentPage(app.page)
  await doc.waitFor('cas-coopcycle')
  const org = app.services.library.get('cas-coopcycle').meta.organisation!
  await expect(app.page.locator('.doc-organisation')).toContainText(org.sector!)
  await expect(app.page.locator('.doc-organisation')).toContainText(org.licences![0]!)
  await app.page.goBack()
  await library.waitForLoaded()
  await expect(library.shelf('cas').getByRole('table')).toBeVisible()
  await library.shelf('cas').getByRole('button', { name: 'Cartes' }).click()
  await expect(library.shelf('cas').locator('a.card')).toHaveCount(studies.length)
})
