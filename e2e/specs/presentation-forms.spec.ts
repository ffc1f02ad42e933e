/**
 * « Slides that help a room discuss » (#16 C5, C6, polish), played through the UI only — mouse and
 * keyboard; the API only reads state for the checks — at 1024×768, 1280×800 and 1920×1080:
 *
 * - a chapter presented from the reader's « Présenter » menu in both forms: « Diaporama de
 *   discussion » (title, « À retenir » points, « Questions pour l’atelier », the full text in the
 *   presenter's notes) and « Texte intégral » (no footnote slides, no « (suite) » first); every
 *   slide fits the audience screen; the choice is remembered; every control used is usable
 *   (inside the window, not covered) and no page scrolls sideways;
 * - « Rouvrir l’écran public » shows only once the audience window is closed, and reopens it;
 * - the exported HTML deck, opened from disk, advances on a click, shows its controls and its
 *   help, embeds its fonts, and loads nothing but itself.
 *
 * Screenshots (e2e/.artifacts/screenshots): forms-discussion-*, forms-full-*, forms-html-*.
 */
import { test, expect } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { ARTIFACTS } from '../harness/fixtures'
import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expectNoSideScroll, expectUsable } from '../harness/usable'
import { AudiencePage, DecksPage, PresenterPage } from '../pages/presentation-page'
import { DocumentPage } from '../pages/document-page'
import { AnnotationsPage } from '../pages/annotations-page'

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const
const CHAPTER = 'cahier-07-renforcer-les-passerelles'
/** Same floor as presentation-layout.spec.ts. */
const MIN_SCALE = 0.75

const shot = (name: string): string => join(ARTIFACTS, 'screenshots', `${name}.png`)

/** The audience's current slide fits: its content box does not scroll, type no smaller than the floor, no page scroll. */
async function expectFits(audience: AudiencePage, what: string): Promise<void> {
  const m = await audience.currentSlide.evaluate((slide) => {
    const inner = slide.querySelector<HTMLElement>('.slide-inner')!
    const root = document.documentElement
    return {
      fit: Number((slide as HTMLElement).dataset.fit),
      over: inner.scrollHeight > inner.clientHeight + 1 || inner.scrollWidth > inner.clientWidth + 1,
      pageScrolls: root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth,
    }
  })
  expect(m.over, `${what} overflows its slide`).toBe(false)
  expect(m.pageScrolls, `${what}: the audience page scrolls`).toBe(false)
  expect(m.fit, `${what} is scaled below ${MIN_SCALE}`).toBeGreaterThanOrEqual(MIN_SCALE)
}

/** Opens the chapter, picks a form and « Tout le document » in the « Présenter » menu, with the mouse. */
async function presentChapter(app: AppHarness, form: RegExp): Promise<{ presenter: PresenterPage; audience: AudiencePage }> {
  await app.open(`#/doc/${CHAPTER}`)
  await new DocumentPage(app.page).waitFor(CHAPTER)
  const toggle = app.page.getByRole('button', { name: /^▶?\s*Présenter$/ })
  await expectUsable(toggle, '« Présenter »')
  await toggle.click()
  const option = app.page.locator('.present-form').getByRole('radio', { name: form })
  await expectUsable(option.locator('xpath=ancestor::label'), `the form ${form}`)
  await option.locator('xpath=ancestor::label').click()
  await expect(option).toBeChecked()
  const whole = app.page.locator('.present-whole')
  await expectUsable(whole, '« Tout le document »')
  await expectNoSideScroll(app.page, 'the reader with the menu open')
  await whole.click()
  await expect(app.page.getByRole('status').filter({ hasText: /deux fenêtres/ })).toBeVisible()
  const { presenter, audience } = await app.presentation.windows()
  const p = new PresenterPage(presenter)
  const a = new AudiencePage(audience)
  await p.waitForSlide(0)
  await a.waitForSlide(0)
  return { presenter: p, audience: a }
}

async function sized(pages: readonly Page[], viewport: { width: number; height: number }): Promise<void> {
  for (const p of pages) await p.setViewportSize(viewport)
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`

  test(`a chapter in both forms from the reader's « Présenter » menu, every slide fitting, at ${size}`, async ({ app }) => {
    test.setTimeout(300_000)
    await app.page.setViewportSize(viewport)

    // ---- « Diaporama de discussion »: stepped through with the presenter's « Suivante » button.
    const d = await presentChapter(app, /Diaporama de discussion/)
    await sized([d.presenter.page, d.audience.page], viewport)
    const deck = app.services.presentation.deck()
    expect(deck.form).toBe('discussion')
    const kinds = deck.slides.map((s) => s.kind)
    expect(kinds[0]).toBe('title')
    expect(kinds.filter((k) => k === 'point').length).toBeGreaterThanOrEqual(3)
    expect(kinds.filter((k) => k === 'question').length).toBeGreaterThanOrEqual(3)
    expect(deck.slides.length).toBeLessThanOrEqual(12)
    await expect(d.audience.currentSlide.locator('.slide-title')).toHaveText(app.services.library.get(CHAPTER).summary.title)
    await expectFits(d.audience, 'discussion slide 1')
    const next = d.presenter.control(/Suivante/)
    for (let i = 1; i < deck.slides.length; i++) {
      await expectUsable(next, '« Suivante »')
      await next.click()
      await d.presenter.waitForSlide(i)
      await d.audience.waitForSlide(i)
      await expectFits(d.audience, `discussion slide ${i + 1}`)
      await expectNoSideScroll(d.presenter.page, 'the presenter console')
      const kicker = d.audience.currentSlide.locator('.slide-kicker')
      if (deck.slides[i]!.kind === 'point') await expect(kicker).toHaveText(/^À retenir · \d\/\d$/)
      if (deck.slides[i]!.kind === 'question') await expect(kicker).toHaveText(/^Questions pour l’atelier · \d\/\d$/)
      // The presenter has the full text in the notes; the audience never shows notes.
      await expect(d.presenter.notes.locator('.note-text-title')).toHaveText('Texte intégral')
      if (deck.slides[i]!.kind === 'point' && i === 1) await d.audience.page.screenshot({ path: shot(`forms-discussion-point-${size}`) })
      if (deck.slides[i]!.kind === 'question' && deck.slides[i - 1]!.kind !== 'question') await d.audience.page.screenshot({ path: shot(`forms-discussion-question-${size}`) })
    }
    await expect(next).toBeDisabled()
    if (viewport.width === 1280) await d.presenter.page.screenshot({ path: shot(`forms-discussion-presenter-${size}`) })
    await expect(d.audience.page.locator('.presenter-notes, .note-text')).toHaveCount(0)
    const quit = d.presenter.control('Quitter')
    await expectUsable(quit, '« Quitter »')
    await quit.click()
    await expect.poll(() => app.presentation.calls.at(-1)).toBe('close')
    expect(app.services.settings.get().presentForm).toBe('discussion')

    // ---- « Texte intégral »: the same chapter, stepped through with the keyboard on the audience.
    const f = await presentChapter(app, /Texte intégral/)
    await sized([f.presenter.page, f.audience.page], viewport)
    const full = app.services.presentation.deck()
    expect(full.form).toBe('full')
    expect(full.slides[1]!.continues).toBe('')
    expect(full.slides.map((s) => s.continues).concat(full.slides.map((s) => s.headingHtml))).not.toContain('Notes')
    await expectFits(f.audience, 'full-text slide 1')
    for (let i = 1; i < full.slides.length; i++) {
      await f.audience.press('ArrowRight')
      await f.audience.waitForSlide(i)
      await expectFits(f.audience, `full-text slide ${i + 1}`)
      if (i === 1) {
        await expect(f.audience.currentSlide.locator('.slide-continues')).toHaveCount(0)
        await f.audience.page.screenshot({ path: shot(`forms-full-first-${size}`) })
      }
    }
    // No glossary term or link underlined where nobody can hover.
    const underlined = await f.audience.page.evaluate(() => [...document.querySelectorAll('.slide-link')].filter((e) => getComputedStyle(e).textDecorationLine.includes('underline')).length)
    expect(underlined).toBe(0)
    // « Quitter » with the mouse (a key press can race its own key-up against the window closing).
    await f.presenter.control('Quitter').click()
    await expect.poll(() => app.presentation.calls.at(-1)).toBe('close')
    expect(app.services.settings.get().presentForm).toBe('full')

    // Remembered: the menu opens on the last form used.
    await app.page.reload()
    await new DocumentPage(app.page).waitFor(CHAPTER)
    await app.page.getByRole('button', { name: /^▶?\s*Présenter$/ }).click()
    await expect(app.page.locator('.present-form').getByRole('radio', { name: /Texte intégral/ })).toBeChecked()
    await app.screenshot(`forms-menu-${size}`)
  })
}

test('the facilitator’s Citation and Argument highlights, made with the mouse, become discussion slides', async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 800 })
  await app.open(`#/doc/${CHAPTER}`)
  await new DocumentPage(app.page).waitFor(CHAPTER)
  const notes = new AnnotationsPage(app.page)
  // Whole words of the first line of two paragraphs.
  const passage = async (i: number): Promise<{ start: number; end: number; text: string }> => {
    const p = await notes.paragraph(i)
    const end = p.text.lastIndexOf(' ', 55)
    return { start: p.start, end: p.start + end, text: p.text.slice(0, end) }
  }
  const citation = await passage(0)
  await notes.selectWithMouse(citation.start, citation.end)
  await notes.toolbar.getByRole('button', { name: /Surligner : Citation/ }).click()
  await notes.expectCount(1, CHAPTER)
  const argument = await passage(1)
  await notes.selectWithMouse(argument.start, argument.end)
  await notes.toolbar.getByRole('button', { name: /Surligner : Argument/ }).click()
  await notes.expectCount(2, CHAPTER)

  const { presenter, audience } = await presentChapter(app, /Diaporama de discussion/)
  await sized([presenter.page, audience.page], { width: 1280, height: 800 })
  const slides = app.services.presentation.deck().slides
  const quoteAt = slides.findIndex((x) => x.kind === 'quote')
  expect(quoteAt).toBeGreaterThan(0)
  expect(slides[quoteAt + 1]!.label).toBe('Argument')
  await audience.press(String(quoteAt + 1), 'Enter')
  await audience.waitForSlide(quoteAt)
  await expect(audience.currentSlide.locator('.slide-kicker')).toHaveText('Citation')
  const shown = (await audience.currentSlide.locator('blockquote').textContent())!.trim()
  expect(citation.text.trim().startsWith(shown.replace(/\s*\[…\]$/, ''))).toBe(true)
  await expectFits(audience, 'the Citation slide')
  await audience.page.screenshot({ path: shot('forms-discussion-citation-1280x800') })
  await audience.press('ArrowRight')
  await audience.waitForSlide(quoteAt + 1)
  await expect(audience.currentSlide.locator('.slide-kicker')).toHaveText('Argument')
  await expect(audience.currentSlide.locator('.slide-idea')).toHaveText(argument.text.trim())
  await expectFits(audience, 'the Argument slide')
})

test('« Rouvrir l’écran public » shows only when the audience window is closed, and reopens it', async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 800 })
  const { presenter, audience } = await presentChapter(app, /Diaporama de discussion/)
  await presenter.page.setViewportSize({ width: 1280, height: 800 })
  await expect(presenter.page.locator('.window-controls')).toHaveAttribute('data-audience', 'open')
  await expect(presenter.control(/Rouvrir/)).toHaveCount(0)
  await audience.page.close()
  const reopen = presenter.control(/Rouvrir l’écran public/)
  await expect(reopen).toBeVisible()
  await expect(presenter.page.locator('.audience-closed')).toHaveText('L’écran public est fermé.')
  await expectUsable(reopen, '« Rouvrir l’écran public »')
  await presenter.page.screenshot({ path: shot('forms-presenter-audience-closed') })
  await reopen.click()
  await expect.poll(() => app.presentation.calls.filter((c) => c === 'open').length).toBe(2)
  // The harness swaps in the new audience page once it has loaded.
  await expect.poll(async () => (await app.presentation.windows()).audience.isClosed(), { message: 'a new audience window' }).toBe(false)
  const again = await app.presentation.windows()
  await new AudiencePage(again.audience).waitForSlide(0)
  await expect(reopen).toHaveCount(0)
  await expect(presenter.page.locator('.window-controls')).toHaveAttribute('data-audience', 'open')
})

test('the exported HTML deck, opened from disk: a click advances, controls and help, fonts embedded, no request', async ({ app }) => {
  test.setTimeout(180_000)
  await app.page.setViewportSize({ width: 1280, height: 800 })
  await app.open('#/decks')
  const decks = new DecksPage(app.page)
  await expect(decks.heading).toBeVisible()
  const card = await decks.create('Atelier discussion')
  const chapter = app.services.library.get(CHAPTER)
  await decks.add(card, chapter.summary.title, null)
  const option = app.page.locator('.decks-form').getByRole('radio', { name: /Diaporama de discussion/ })
  await expectUsable(option.locator('xpath=ancestor::label'), 'the discussion form')
  await option.locator('xpath=ancestor::label').click()
  await expect(option).toBeChecked()
  const exportButton = card.getByRole('button', { name: 'Exporter en HTML' })
  await expectUsable(exportButton, '« Exporter en HTML »')
  await exportButton.click()
  await expect(app.page.getByRole('status').filter({ hasText: 'Atelier exporté' })).toBeVisible()
  const file = app.saved.at(-1)!

  const page = await app.page.context().newPage()
  const requests: string[] = []
  const problems: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
  page.on('pageerror', (e) => problems.push(e.message))
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(pathToFileURL(file).href)
  const visible = page.locator('.slide-frame:not([hidden])')
  await expect(visible).toHaveAttribute('aria-label', /^Diapositive 1 sur \d+$/)
  const count = Number(/sur (\d+)/.exec((await visible.getAttribute('aria-label'))!)![1])
  expect(count).toBeGreaterThanOrEqual(8)

  // A click on the slide goes to the next one.
  await visible.click({ position: { x: 400, y: 400 } })
  await expect(visible).toHaveAttribute('aria-label', `Diapositive 2 sur ${count}`)
  const controls = page.getByRole('navigation', { name: 'Commandes de la présentation' })
  const next = controls.getByRole('button', { name: 'Diapositive suivante' })
  const prev = controls.getByRole('button', { name: 'Diapositive précédente' })
  const help = controls.getByRole('button', { name: 'Aide : les touches' })
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v)
    for (const [c, name] of [[next, 'next'], [prev, 'previous'], [help, 'help']] as const) await expectUsable(c, `the deck's ${name} control at ${v.width}×${v.height}`)
    await expectNoSideScroll(page, `the HTML deck at ${v.width}×${v.height}`)
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(controls.locator('.pos')).toHaveText(`2 / ${count}`)
  await next.click()
  await expect(visible).toHaveAttribute('aria-label', `Diapositive 3 sur ${count}`)
  await expect(controls.locator('.pos')).toHaveText(`3 / ${count}`)
  await prev.click()
  await expect(visible).toHaveAttribute('aria-label', `Diapositive 2 sur ${count}`)
  await page.screenshot({ path: shot('forms-html-controls') })

  // « ? » lists the keys; Échap closes it; a click while it is open only closes it.
  await help.click()
  const dialog = page.getByRole('dialog', { name: 'Se déplacer dans la présentation' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Clic, toucher, balayer vers la gauche')
  await expectUsable(dialog.getByRole('button', { name: 'Fermer' }), 'the help\'s « Fermer »')
  await page.screenshot({ path: shot('forms-html-help') })
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.keyboard.press('?')
  await expect(dialog).toBeVisible()
  await visible.click({ position: { x: 300, y: 500 } })
  await expect(dialog).toBeHidden()
  await expect(visible).toHaveAttribute('aria-label', `Diapositive 2 sur ${count}`)

  // The app's fonts are embedded and used.
  // (load() resolves to the faces it loaded: none when a family has no @font-face in the file.)
  const fonts = await page.evaluate(async () => ({
    inter: (await document.fonts.load("16px 'Inter Variable'")).map((f) => f.status),
    serif: (await document.fonts.load("16px 'Source Serif 4 Variable'")).map((f) => f.status),
  }))
  expect(fonts).toEqual({ inter: ['loaded'], serif: ['loaded'] })

  expect(problems).toEqual([])
  expect(requests).toEqual([pathToFileURL(file).href])
})
