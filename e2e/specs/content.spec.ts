/**
 * The shipped content pack in the app: the library's order (the cahier by chapter, then articles,
 * case studies and the glossary, as the library service gives it), a chapter and a case study
 * rendered through the real pipeline, and a chapter's link to a case study followed in the app.
 */
import { test, expect } from '../harness/fixtures'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'
import type { DocumentKind } from '../../electron/shared/content/front-matter'

const KIND_ORDER: readonly DocumentKind[] = ['cahier', 'article', 'cas', 'glossaire']

/** The seven parts every case study follows (issue 3: « a common structure »). */
const CASE_STUDY_SECTIONS = [
  'Qui',
  'Forme juridique et gouvernance',
  'Outils numériques et licences',
  'Le modèle',
  'Les passerelles construites',
  'Limites et questions ouvertes',
  'Sources',
]

test('the library lists the cahier in chapter order, then articles, case studies and the glossary', async ({ app }) => {
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()
  const docs = app.services.library.list()
  expect(await library.cardIds()).toEqual(docs.map((d) => d.id))
  expect(await library.shelfKinds()).toEqual(KIND_ORDER)
  // The service's order itself: kinds grouped in that order, chapters numbered 1, 2, 3…
  const ranks = docs.map((d) => KIND_ORDER.indexOf(d.kind))
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  const chapters = docs.filter((d) => d.kind === 'cahier')
  expect(chapters.map((d) => d.order)).toEqual(chapters.map((_, i) => i + 1))
  expect(await library.shelfCardIds('cahier')).toEqual(chapters.map((d) => d.id))
  for (const [i, chapter] of chapters.entries()) {
    await expect(library.card(chapter.id).locator('.card-kicker')).toHaveText(`Chapitre ${i + 1}`)
  }
  expect((await library.shelfCardIds('cas')).length).toBeGreaterThanOrEqual(12)
  await expect(library.shelf('glossaire').locator('a.card')).toHaveCount(1)
})

test('a chapter renders and its link to a case study opens that case study', async ({ app }) => {
  const chapter = app.services.library.list().find((d) => d.kind === 'cahier' && d.order === 6)!
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()
  await library.openDocument(chapter.id)
  const doc = new DocumentPage(app.page)
  await doc.waitFor(chapter.id)
  await expect(doc.title).toHaveText(chapter.title)
  expect(await doc.text()).toBe(app.services.library.get(chapter.id).text)
  await expect(doc.body.locator('.dead-link')).toHaveCount(0)
  await app.screenshot('content-chapter')

  const caseLink = doc.body.locator('a[data-doc^="cas-"]').first()
  const caseId = (await caseLink.getAttribute('data-doc'))!
  await caseLink.click()
  await doc.waitFor(caseId)
  await expect(doc.title).toHaveText(app.services.library.get(caseId).summary.title)
})

test('a case study renders with the common structure in its contents', async ({ app }) => {
  const study = app.services.library.list().find((d) => d.id === 'cas-mobicoop')!
  await app.open(`#/doc/${study.id}`)
  const doc = new DocumentPage(app.page)
  await doc.waitFor(study.id)
  await expect(doc.title).toHaveText(study.title)
  await expect(doc.body.locator('h2')).toContainText(CASE_STUDY_SECTIONS)
  expect(await doc.text()).toBe(app.services.library.get(study.id).text)
  await expect(doc.body.locator('.dead-link, .remote-image')).toHaveCount(0)
  await app.screenshot('content-case-study')

  // A link to a section (as the cahier writes them: cas/x.md#anchor) lands on that heading.
  await app.open(`#/doc/${study.id}/outils-numeriques-et-licences`)
  await doc.waitFor(study.id)
  await expect(doc.body.locator('#outils-numeriques-et-licences')).toBeInViewport()
  await app.screenshot('content-case-study-section')
})
