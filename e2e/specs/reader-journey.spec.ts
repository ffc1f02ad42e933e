/**
 * The reader's journey from issue 4, in Chromium with the real services: open the library, filter by
 * tag, open a chapter, follow an internal link and come back, open a footnote, find a word without
 * its accent, change theme and font size, restart and land at the same reading position.
 */
import { test, expect } from '../harness/fixtures'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'
import { foldForCompare } from '../../electron/shared/text/fold'

const CHAPTER = 'cahier-03-synergies-et-divergences'
const TAG = 'cooperatives'

test('library → tag → chapter → link and back → footnote → find → theme and size → restart at the same place', async ({ app }) => {
  test.setTimeout(60_000)
  const { page } = app
  const library = new LibraryPage(page)
  const doc = new DocumentPage(page)

  // The library, filtered by a tag: exactly the documents carrying it, in library order.
  await app.open('#/')
  await library.waitForLoaded()
  await library.filterByTag(TAG)
  const tagged = app.services.library.list().filter((d) => d.tags.includes(TAG)).map((d) => d.id)
  await expect(library.cards).toHaveCount(tagged.length)
  expect(await library.cardIds()).toEqual(tagged)
  expect(page.url()).toContain(`tag=${TAG}`)

  // Open the chapter: the heading gets focus, the breadcrumbs say where we are.
  await library.openDocument(CHAPTER)
  await doc.waitFor(CHAPTER)
  await expect(doc.title).toBeFocused()
  await expect(doc.breadcrumbs).toContainText('Cahier d’espérance')
  await doc.waitForDecorations()
  await app.screenshot('reader-chapter-light')

  // Follow an internal link from the middle of the chapter, then come back with Alt+←.
  const link = doc.body.locator('a[data-doc]:not([data-term])').first()
  const target = await link.getAttribute('data-doc')
  expect(target).toBeTruthy()
  await link.scrollIntoViewIfNeeded()
  await page.evaluate(() => window.scrollBy(0, -200))
  const before = await doc.textAtTop()
  await link.click()
  await doc.waitFor(target!)
  await expect(doc.title).toHaveText(app.services.library.get(target!).meta.title)
  await page.keyboard.press('Alt+ArrowLeft')
  await doc.waitFor(CHAPTER)
  await expect.poll(() => doc.textAtTop()).toBe(before)

  // A footnote opens as a dialog next to its call, with the note's text; Escape gives focus back.
  const ref = doc.body.locator('a[data-footnote-ref]').first()
  const noteText = await page.locator(`[id="${(await ref.getAttribute('href'))!.slice(1)}"]`).evaluate((li) => (li.textContent ?? '').replace('↩', '').trim())
  await doc.openFootnote(1)
  await expect(doc.footnotePopover).toHaveAttribute('role', 'dialog')
  await expect(doc.footnotePopover).toBeFocused()
  await expect(doc.footnotePopover.locator('.popover-content')).toHaveText(noteText)
  await page.keyboard.press('Escape')
  await expect(doc.footnotePopover).toBeHidden()
  await expect(ref).toBeFocused()

  // Find « benevol » without its accents: every « bénévol… » is counted and highlighted.
  const text = app.services.library.get(CHAPTER).text
  const expected = foldForCompare(text).split('benevol').length - 1
  expect(expected).toBeGreaterThan(3)
  expect(text.split('bénévol').length - 1).toBeGreaterThan(0)
  await doc.openFind()
  await doc.findInput.fill('benevol')
  await expect(doc.findCount).toHaveText(new RegExp(`^\\d+ sur ${expected}$`))
  expect(await page.evaluate(() => CSS.highlights.get('passerelles-find')?.size)).toBe(expected)
  const first = await doc.findCount.textContent()
  await page.keyboard.press('Enter')
  await expect(doc.findCount).not.toHaveText(first!)
  await page.keyboard.press('Escape')
  await expect(doc.findBar).toBeHidden()
  expect(await page.evaluate(() => CSS.highlights.has('passerelles-find'))).toBe(false)

  // Move to a section in the middle, then change theme and font size: the same text stays on top.
  const middle = app.services.library.get(CHAPTER).sections.filter((s) => s.level === 2)[3]!
  await doc.scrollToHeading(middle.id)
  const atTop = await doc.textAtTop()
  await page.getByRole('button', { name: /Réglages de lecture/ }).click()
  const panel = page.getByRole('dialog', { name: /Réglages de lecture/ })
  await panel.getByRole('radio', { name: 'Sombre' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await panel.getByRole('button', { name: 'Texte plus grand' }).click()
  await panel.getByRole('button', { name: 'Texte plus grand' }).click()
  await expect(page.locator('html')).toHaveAttribute('style', /--reading-size: 21px/)
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect.poll(() => doc.textAtTop()).toBe(atTop)
  await app.screenshot('reader-chapter-dark')

  // The position is saved through the reading service (the data dir), then the app restarts.
  await expect.poll(() => app.services.reading.get(CHAPTER)?.sectionId).toBe(middle.id)
  await app.restart()
  await doc.waitFor(CHAPTER)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(() => doc.textAtTop()).toBe(atTop)

  // Not just the page's history: a fresh visit from the library (« Reprendre la lecture ») lands there too.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Bibliothèque' }).click()
  await library.waitForLoaded()
  const resume = library.resume.locator(`[data-resume-id="${CHAPTER}"]`)
  await expect(resume).toContainText(/Lu à \d+/)
  await app.screenshot('library-resume-dark')
  await resume.click()
  await doc.waitFor(CHAPTER)
  await expect.poll(() => doc.textAtTop()).toBe(atTop)
})
