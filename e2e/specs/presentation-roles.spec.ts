/**
 * The audience window runs on its allow-list (shared/security/window-roles.ts), applied by the e2e
 * binding exactly as main applies it: everything the audience page does — load, follow the slides,
 * keys, overview, black screen, fullscreen, a settings change made elsewhere — works with no call
 * refused; anything else it asks for (the annotations, the speaker notes, an export) is refused
 * without reaching a handler. The presenter window keeps the whole API.
 */
import { test, expect } from '../harness/fixtures'
import { AudiencePage, PresenterPage } from '../pages/presentation-page'
import { DocumentPage } from '../pages/document-page'

const DOC = 'cahier-07-renforcer-les-passerelles'

test('the audience window works on its allow-list, and is refused the rest of the API', async ({ app }) => {
  const sectionId = app.services.library.get(DOC).sections.find((s) => s.level === 2)!.id
  await app.open(`#/doc/${DOC}`)
  await new DocumentPage(app.page).waitFor(DOC)
  await app.page.getByRole('button', { name: /^▶?\s*Présenter$/ }).click()
  await app.page.locator(`.present-item[data-section="${sectionId}"]`).click()
  const windows = await app.presentation.windows()
  const presenter = new PresenterPage(windows.presenter)
  const audience = new AudiencePage(windows.audience)
  await presenter.waitForSlide(0)
  await audience.waitForSlide(0)

  // Everything the audience screen does, driven from the audience window itself.
  await audience.press('ArrowRight')
  await audience.waitForSlide(1)
  await audience.press('b')
  await audience.waitForBlack(true)
  await audience.press('b')
  await audience.waitForBlack(false)
  await audience.press('o')
  await audience.waitForOverview(true)
  await audience.press('Escape')
  await audience.waitForOverview(false)
  await audience.press('f')
  await expect.poll(() => app.presentation.calls).toContain('fullscreen:audience')
  // A setting changed in the main window reaches the audience page (settings:get on settings.changed).
  expect((await app.api.settings.update({ theme: 'dark' })).ok).toBe(true) // the service emits settings.changed
  await expect(audience.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(app.refused).toEqual([])

  // The rest of the API, asked for by the audience page: refused, as main refuses it.
  const asked = await audience.page.evaluate(async () => {
    const api = window.passerelles
    return Promise.all([api.annotations.list({}), api.presentation.notes({}), api.export.render({ format: 'md' }), api.library.list({})])
  })
  for (const r of asked) expect(r).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
  expect(app.refused).toEqual(['audience annotations:list', 'audience presentation:notes', 'audience export:render', 'audience library:list'])

  // The presenter window keeps the whole API (its notes, the annotations).
  const presenterAsked = await presenter.page.evaluate(async () => {
    const api = window.passerelles
    return Promise.all([api.presentation.notes({}), api.annotations.list({})])
  })
  for (const r of presenterAsked) expect(r.ok).toBe(true)
  expect(app.refused).toHaveLength(4)
})
