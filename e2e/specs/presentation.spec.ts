/**
 * Presentation mode end to end: « Présenter » in the document view opens the presenter and the
 * audience windows as two pages bound to the SAME real services (as main opens two windows); keys
 * pressed in either keep both on the same slide; black screen, overview, the timer; a saved deck of
 * three sections presents in order; the exported HTML deck runs alone in Chromium.
 *
 * Speaker notes come from the user's annotations (the real annotation store): the note of an
 * annotation shows on the presenter's console for the slide that holds its passage, never on the
 * audience screen.
 */
import { test, expect } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { pathToFileURL } from 'node:url'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { AudiencePage, DecksPage, PresenterPage } from '../pages/presentation-page'
import { DocumentPage } from '../pages/document-page'

const DOC = 'cahier-07-renforcer-les-passerelles'

/** Opens a document, presents one of its sections from the « Présenter » menu, returns both windows. */
async function presentSection(app: AppHarness, docId: string, sectionId: string): Promise<{ presenter: PresenterPage; audience: AudiencePage }> {
  await app.open(`#/doc/${docId}`)
  await new DocumentPage(app.page).waitFor(docId)
  await app.page.getByRole('button', { name: /^▶?\s*Présenter$/ }).click()
  await app.page.locator(`.present-item[data-section="${sectionId}"]`).click()
  await expect(app.page.getByRole('status').filter({ hasText: /deux fenêtres/ })).toBeVisible()
  const { presenter, audience } = await app.presentation.windows()
  const p = new PresenterPage(presenter)
  const a = new AudiencePage(audience)
  await p.waitForSlide(0)
  await a.waitForSlide(0)
  return { presenter: p, audience: a }
}

async function bothOn(p: PresenterPage, a: AudiencePage, index: number): Promise<void> {
  await p.waitForSlide(index)
  await a.waitForSlide(index)
}

test('keys pressed in either window keep presenter and audience on the same slide', async ({ app }) => {
  const sectionId = app.services.library.get(DOC).sections.find((s) => s.level === 2)!.id
  const { presenter, audience } = await presentSection(app, DOC, sectionId)
  expect(app.presentation.calls).toEqual(['open'])
  const slides = app.services.presentation.deck().slides
  expect(slides.length).toBeGreaterThanOrEqual(5)
  const last = slides.length - 1

  await audience.press('ArrowRight')
  await bothOn(presenter, audience, 1)
  await presenter.press('PageDown')
  await bothOn(presenter, audience, 2)
  await audience.press('Space')
  await bothOn(presenter, audience, 3)
  await presenter.press('ArrowLeft')
  await bothOn(presenter, audience, 2)
  await audience.press('PageUp')
  await bothOn(presenter, audience, 1)
  await presenter.press('End')
  await bothOn(presenter, audience, last)
  await audience.press('Home')
  await bothOn(presenter, audience, 0)
  await audience.press('3', 'Enter')
  await bothOn(presenter, audience, 2)
  await presenter.control(/Suivante/).click()
  await bothOn(presenter, audience, 3)

  // What the audience sees is the slide main holds, text for text; the presenter shows the next one.
  const shown = await audience.currentSlide.evaluate((el) => [...el.querySelectorAll('.slide-heading, .slide-title, .slide-body')].map((e) => e.textContent).join(''))
  expect(shown).toBe(slides[3]!.text)
  await expect(presenter.position).toHaveText(`4 / ${slides.length}`)
  await expect(presenter.nextSlide).toHaveAttribute('aria-label', new RegExp(`Diapositive 5 sur ${slides.length}`))
})

test('black screen and overview, from either window', async ({ app }) => {
  const sectionId = app.services.library.get(DOC).sections.find((s) => s.level === 2)!.id
  const { presenter, audience } = await presentSection(app, DOC, sectionId)
  const count = app.services.presentation.deck().slides.length

  await presenter.press('b')
  await audience.waitForBlack(true)
  await expect(audience.blackScreen).toBeVisible()
  await expect(presenter.page.getByRole('status').filter({ hasText: /Écran noir/ })).toBeVisible()
  await audience.press('.') // a clicker's « blank » key
  await audience.waitForBlack(false)
  await expect(audience.blackScreen).toBeHidden()
  await presenter.control('Écran noir').click()
  await audience.waitForBlack(true)
  await presenter.press('ArrowRight') // moving on lifts the black screen
  await audience.waitForBlack(false)
  await bothOn(presenter, audience, 1)

  await audience.press('h') // the facilitator's highlights, shown in both windows or in neither
  await expect(audience.currentFrame).toHaveAttribute('data-highlights', 'on')
  await expect(presenter.currentFrame).toHaveAttribute('data-highlights', 'on')
  await presenter.control('Mes surlignages').click()
  await expect(audience.currentFrame).toHaveAttribute('data-highlights', 'off')

  await audience.press('o')
  await presenter.waitForOverview(true)
  await audience.waitForOverview(true)
  await expect(audience.overviewItems).toHaveCount(count)
  await expect(presenter.overviewItems).toHaveCount(count)
  await expect(audience.overviewItems.nth(1)).toHaveAttribute('aria-current', 'true')
  await app.presentation.windows().then(({ audience: page }) => page.screenshot({ path: 'e2e/.artifacts/screenshots/presentation-overview.png' }))
  await presenter.overviewItems.nth(4).click()
  await presenter.waitForOverview(false)
  await audience.waitForOverview(false)
  await bothOn(presenter, audience, 4)

  await presenter.press('O')
  await audience.waitForOverview(true)
  await presenter.waitForOverview(true)
  await presenter.press('Escape') // Esc closes the overview first…
  await audience.waitForOverview(false)
  expect(app.services.presentation.snapshot().state.status).toBe('presenting')
  await audience.press('Escape') // …then leaves: main closes both windows
  await expect.poll(() => app.presentation.calls).toEqual(['open', 'close'])
  expect(app.services.presentation.snapshot().state.status).toBe('idle')
  await expect.poll(() => audience.page.isClosed() && presenter.page.isClosed()).toBe(true)
})

test('the timer runs, pauses and resets; F asks main for fullscreen', async ({ app }) => {
  const sectionId = app.services.library.get(DOC).sections.find((s) => s.level === 2)!.id
  const { presenter, audience } = await presentSection(app, DOC, sectionId)

  await expect.poll(() => presenter.elapsedSeconds(), { timeout: 5000 }).toBeGreaterThanOrEqual(2)
  await presenter.page.getByRole('button', { name: 'Mettre le chronomètre en pause' }).click()
  await expect(presenter.page.getByText('en pause')).toBeVisible()
  const paused = await presenter.elapsedSeconds()
  await presenter.page.waitForTimeout(2200) // the shown time must not move while paused
  expect(await presenter.elapsedSeconds()).toBe(paused)
  await presenter.page.getByRole('button', { name: 'Relancer le chronomètre' }).click()
  await expect.poll(() => presenter.elapsedSeconds(), { timeout: 5000 }).toBeGreaterThan(paused)
  await presenter.page.getByRole('button', { name: 'Remettre le chronomètre à zéro' }).click()
  await expect.poll(() => presenter.elapsedSeconds()).toBeLessThan(2)

  await audience.press('f')
  await presenter.control('Plein écran public').click()
  await expect.poll(() => app.presentation.calls).toEqual(['open', 'fullscreen:audience', 'fullscreen:audience'])
})

test('a saved deck of three sections, reordered, presents in that order and exports to a standalone HTML file', async ({ app }) => {
  await app.open('#/decks')
  const decks = new DecksPage(app.page)
  await expect(decks.heading).toBeVisible()
  const card = await decks.create('Atelier ESS et libre')
  const chapter = app.services.library.get('cahier-03-synergies-et-divergences')
  const caseA = app.services.library.get('cas-framasoft')
  const caseB = app.services.library.get('cas-mobicoop')
  const pick = (d: typeof chapter) => d.sections.find((s) => s.level === 2 && s.id !== 'footnote-label')!
  await decks.add(card, chapter.summary.title, pick(chapter).title)
  await decks.add(card, caseB.summary.title, pick(caseB).title)
  await decks.add(card, caseA.summary.title, pick(caseA).title)
  expect(await decks.itemTitles(card)).toEqual([pick(chapter).title, pick(caseB).title, pick(caseA).title])
  await card.getByRole('button', { name: `Monter « ${pick(caseA).title} (${caseA.summary.title}) »` }).click()
  const order = [pick(chapter), pick(caseA), pick(caseB)]
  await expect.poll(() => decks.itemTitles(card)).toEqual(order.map((s) => s.title))
  await app.screenshot('presentation-decks')

  // Saved in the data dir: it survives a restart.
  await app.restart()
  await expect(decks.deck('Atelier ESS et libre')).toBeVisible()
  expect(await decks.itemTitles(decks.deck('Atelier ESS et libre'))).toEqual(order.map((s) => s.title))

  await decks.deck('Atelier ESS et libre').getByRole('button', { name: /Présenter/ }).click()
  const { presenter: pp, audience: ap } = await app.presentation.windows()
  const presenter = new PresenterPage(pp)
  const audience = new AudiencePage(ap)
  await bothOn(presenter, audience, 0)
  await expect(audience.currentSlide.locator('.slide-title')).toHaveText('Atelier ESS et libre')
  const count = app.services.presentation.deck().slides.length
  const titles: string[] = []
  for (let i = 1; i < count; i++) {
    await audience.press('ArrowRight')
    await bothOn(presenter, audience, i)
    if ((await audience.currentSlide.getAttribute('data-kind')) !== 'title') continue
    const title = (await audience.currentSlide.locator('.slide-title').textContent())!.trim()
    titles.push(`${title} — ${await audience.currentSlide.locator('.slide-subtitle').textContent()}`)
  }
  expect(titles).toEqual([
    `${order[0]!.title} — ${chapter.summary.title}`,
    `${order[1]!.title} — ${caseA.summary.title}`,
    `${order[2]!.title} — ${caseB.summary.title}`,
  ])
  await audience.press('Escape')
  await expect.poll(() => app.presentation.calls.at(-1)).toBe('close')

  // Export: one HTML file, opened straight from disk in Chromium, driven by the keyboard.
  await decks.deck('Atelier ESS et libre').getByRole('button', { name: 'Exporter en HTML' }).click()
  await expect(app.page.getByRole('status').filter({ hasText: 'Atelier exporté' })).toBeVisible()
  const file = app.saved.at(-1)!
  expect(file).toMatch(/atelier-ess-et-libre\.html$/)
  const page = await app.page.context().newPage()
  const requests: string[] = []
  const problems: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(pathToFileURL(file).href)
  const visible = page.locator('.slide-frame:not([hidden])')
  await expect(visible).toHaveCount(1)
  await expect(visible.locator('.slide-title')).toHaveText('Atelier ESS et libre')
  await page.keyboard.press('ArrowRight')
  await expect(visible).toHaveAttribute('aria-label', `Diapositive 2 sur ${count}`)
  await expect(visible.locator('.slide-title')).toHaveText(order[0]!.title, { useInnerText: true })
  await page.keyboard.press('PageDown')
  await page.keyboard.press('Space')
  await expect(visible).toHaveAttribute('aria-label', `Diapositive 4 sur ${count}`)
  await page.keyboard.press('ArrowLeft')
  await expect(visible).toHaveAttribute('aria-label', `Diapositive 3 sur ${count}`)
  expect(new URL(page.url()).hash).toBe('#3')
  await page.keyboard.press('End')
  await expect(visible).toHaveAttribute('aria-label', `Diapositive ${count} sur ${count}`)
  await page.keyboard.press('2')
  await page.keyboard.press('Enter')
  await expect(visible).toHaveAttribute('aria-label', `Diapositive 2 sur ${count}`)
  await page.keyboard.press('b')
  await expect(page.locator('.black.on')).toBeVisible()
  await page.keyboard.press('b')
  await page.keyboard.press('o')
  await expect(page.locator('.deck.overview .slide-frame:not([hidden])')).toHaveCount(count)
  await page.keyboard.press('Escape')
  await expect(visible).toHaveCount(1)
  // The inline script ran under the file's own CSP, and nothing but the file itself was loaded.
  expect(problems).toEqual([])
  expect(requests).toEqual([pathToFileURL(file).href])
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await page.screenshot({ path: 'e2e/.artifacts/screenshots/presentation-export.png' })
})

test('screenshots: the presenter console and an audience slide, light and high contrast', async ({ app }) => {
  const { presenter, audience } = await presentSection(app, 'cahier-05-les-freins-a-l-adoption', 'ce-que-disent-les-enquetes-de-2008-a-2022')
  await audience.page.setViewportSize({ width: 1280, height: 720 })
  await presenter.page.setViewportSize({ width: 1440, height: 900 })
  await presenter.press('2', 'Enter')
  await bothOn(presenter, audience, 1)
  await presenter.page.screenshot({ path: 'e2e/.artifacts/screenshots/presentation-presenter.png' })
  await audience.page.screenshot({ path: 'e2e/.artifacts/screenshots/presentation-audience-light.png' })
  await presenter.page.getByLabel('Thème des diapositives').selectOption('contrast')
  await expect(audience.root).toHaveAttribute('data-slide-theme', 'contrast')
  await expect(audience.currentFrame).toHaveAttribute('data-slide-theme', 'contrast')
  const colors = await audience.currentSlide.evaluate((el) => {
    const frame = el.closest('.slide-frame')!
    return { bg: getComputedStyle(frame).backgroundColor, text: getComputedStyle(el.querySelector('.slide-body') ?? el).color }
  })
  expect(colors).toEqual({ bg: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)' })
  await audience.page.screenshot({ path: 'e2e/.artifacts/screenshots/presentation-audience-contrast.png' })
  await presenter.press('End')
  await bothOn(presenter, audience, app.services.presentation.deck().slides.length - 1)
  await audience.page.screenshot({ path: 'e2e/.artifacts/screenshots/presentation-audience-table-contrast.png' })
})

test('a damaged workshops file is reported on the workshops screen, and kept aside', async ({ app }) => {
  await app.open('#/decks')
  await writeFile(join(app.dataDir, 'decks.json'), '{ "schemaVersion": 1, "decks": [')
  await app.restart()
  await expect(app.page.getByRole('alert')).toContainText(/Le fichier des ateliers était abîmé.*not JSON.*decks\.json\.corrupt-/)
  expect((await readdir(app.dataDir)).some((f) => f.startsWith('decks.json.corrupt-'))).toBe(true)
  await new DecksPage(app.page).create('Repartir de zéro')
})

test('the presenter console, the audience screen and the workshops screen pass an accessibility check', async ({ app }) => {
  const sectionId = app.services.library.get(DOC).sections.find((s) => s.level === 2)!.id
  const { presenter, audience } = await presentSection(app, DOC, sectionId)
  await presenter.press('ArrowRight')
  await bothOn(presenter, audience, 1)
  await app.services.decks.create('Atelier', [{ docId: DOC, sectionId }])
  await app.open('#/decks')
  await expect(new DecksPage(app.page).deck('Atelier')).toBeVisible()
  // The workshops screen is checked in its <main>: the shared top bar is not this feature's.
  for (const [name, page, scope] of [['presenter', presenter.page, 'body'], ['audience', audience.page, 'body'], ['decks', app.page, 'main']] as const) {
    const { violations } = await new AxeBuilder({ page }).include(scope).analyze()
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
    expect(serious, `${name}: serious accessibility violations`).toEqual([])
  }
})

test('the note of an annotation appears in the presenter notes of the slide holding its passage, not on the audience screen', async ({ app }) => {
  const doc = app.services.library.get(DOC)
  const section = doc.sections.find((x) => x.level === 2)!
  // A passage a little after the section heading, inside its first paragraph.
  const start = doc.text.indexOf(' ', section.start + section.title.length + 20) + 1
  const note = 'Demander au groupe un exemple local avant de passer à la suite.'
  const created = await app.api.annotations.create({ docId: DOC, start, end: start + 24, color: 'blue', note, tags: ['atelier'] })
  expect(created.ok).toBe(true)

  const { presenter, audience } = await presentSection(app, DOC, section.id)
  const slides = app.services.presentation.deck().slides
  const index = slides.findIndex((sl) => sl.span !== null && sl.span.start <= start && start < sl.span.end)
  expect(index).toBeGreaterThan(0)
  await presenter.press(String(index + 1), 'Enter')
  await bothOn(presenter, audience, index)
  await expect(presenter.notes).toContainText(note)
  await expect(audience.root).not.toContainText(note)
  // Another slide shows no such note.
  await presenter.press('Home')
  await bothOn(presenter, audience, 0)
  await expect(presenter.notes).not.toContainText(note)
})
