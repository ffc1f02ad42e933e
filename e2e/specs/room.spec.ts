/**
 * « Recueillir les avis » end to end (issue 18): the presenter opens a participation session from
 * the console; three phones (mobile viewport, separate browser contexts, on the loopback server
 * the room service really runs) join with the code, answer and vote; the facilitator hides one
 * answer, groups and projects the others; the audience screen shows exactly the chosen cards; the
 * workshop ends, the phones say so, and « Cahier de l’atelier » is written. axe checks the
 * participant's page. The answers kept are then found with the palette (Ctrl+K) and exported
 * with the notes.
 */
import { test, expect } from '../harness/fixtures'
import type { Browser, Page } from '@playwright/test'
import { mkdir, readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { AudiencePage, PresenterPage } from '../pages/presentation-page'
import { ParticipantPage, RoomPanelPage } from '../pages/room-page'
import { indexReady, SearchPalette, SearchResultsPage } from '../pages/search-page'
import { ExportPage } from '../pages/export-page'
import { playWorkshop } from '../../electron/services/testing/room-client'

const DOC = 'cahier-07-renforcer-les-passerelles'
const FIRST_QUESTION = 'Lequel des six chantiers votre structure peut-elle porter, même modestement, dans l’année qui vient ?'
const SHOTS = '/tmp/shots-room'

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR' })
  return context.newPage()
}

test('a room answers: join, answer, vote; the facilitator hides, groups, projects; the cahier is written', async ({ app, browser }) => {
  test.slow() // four pages and three browser contexts on two shared cores
  await mkdir(SHOTS, { recursive: true })
  const sectionId = app.services.library.get(DOC).sections.find((s) => s.level === 2)!.id
  await app.open(`#/doc/${DOC}`)
  expect((await app.api.presentation.start({ source: { kind: 'section', docId: DOC, sectionId } })).ok).toBe(true)
  const windows = await app.presentation.windows()
  const presenter = new PresenterPage(windows.presenter)
  const audience = new AudiencePage(windows.audience)
  await presenter.waitForSlide(0)
  await audience.waitForSlide(0)

  // The console says what is exposed, then opens the session: address and code, on both screens.
  const panel = new RoomPanelPage(windows.presenter)
  const { url, code } = await panel.open('Brest, salle du Patronage')
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[a-z2-9]{12}$/)
  expect(code).toMatch(/^\d{6}$/)
  await expect(panel.panel).toContainText('Rien d’autre de l’application n’est accessible')
  const invitation = audience.page.getByTestId('room-invitation')
  await expect(invitation).toContainText(url.replace('http://', ''))
  await expect(invitation).toContainText(`${code.slice(0, 3)} ${code.slice(3)}`)
  await audience.page.screenshot({ path: `${SHOTS}/audience-invitation.png` })
  // The QR code, as a phone's camera would read it off the screen: the session's address exactly.
  const qr = invitation.getByRole('img', { name: /QR code/ })
  await expect(qr).toBeVisible()
  const png = PNG.sync.read(await qr.screenshot())
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url)

  // Three phones join with the code and see the chapter's first « Question pour l’atelier ».
  const phones = await Promise.all([0, 1, 2].map(async () => new ParticipantPage(await phone(browser))))
  for (const p of phones) {
    await p.join(url, code)
    await expect(p.question).toHaveText(FIRST_QUESTION)
  }
  await phones[0]!.send('Mutualiser un serveur avec deux associations voisines', 'Anne')
  await phones[1]!.send('Former les bénévoles aux outils libres')
  await phones[2]!.send('<script>alert("hors sujet")</script>', 'Troll')
  // Everyone sees the answers (as text), and votes for others'.
  await expect(phones[0]!.answers()).toHaveCount(3)
  await expect(phones[0]!.page.locator('#answers')).toContainText('<script>alert("hors sujet")</script>')
  await phones[1]!.vote('Mutualiser un serveur')
  await phones[2]!.vote('Mutualiser un serveur')
  await phones[0]!.vote('Former les bénévoles')
  await phones[0]!.page.screenshot({ path: `${SHOTS}/participant-390x844.png` })

  // The answers arrive in the console, with their support; nothing is on the audience screen yet.
  await expect(panel.panel.locator('.room-answer')).toHaveCount(3)
  await expect(panel.answer('Mutualiser un serveur')).toContainText('Anne · 3 soutiens')
  await expect(panel.answer('Former les bénévoles')).toContainText('2 soutiens')
  await expect(audience.page.locator('.room-card')).toHaveCount(0)

  // Hide one; it leaves the phones too. Group the two others under a theme, then project them.
  await panel.answer('hors sujet').getByRole('button', { name: 'Masquer' }).click()
  await expect(panel.answer('hors sujet')).toHaveAttribute('data-hidden', 'true')
  await expect(phones[1]!.answers()).toHaveCount(2)
  await panel.choose('Mutualiser un serveur', 'Former les bénévoles')
  await panel.panel.getByLabel('Thème').fill('Mutualiser et former')
  await panel.button('Regrouper sous ce thème').click()
  await expect(panel.answer('Former les bénévoles')).toContainText('Mutualiser et former')
  await panel.choose('Mutualiser un serveur', 'Former les bénévoles')
  await panel.button('Projeter la sélection').click()
  await expect(panel.answer('Mutualiser un serveur')).toHaveAttribute('data-projected', 'true')
  await windows.presenter.screenshot({ path: `${SHOTS}/console-answers.png` })

  // The audience screen shows exactly the chosen cards, grouped, most supported first.
  await expect(audience.page.locator('.room-card-text')).toHaveText(['Mutualiser un serveur avec deux associations voisines', 'Former les bénévoles aux outils libres'])
  await expect(audience.page.locator('.room-card-group h3')).toHaveText(['Mutualiser et former 5 soutiens'])
  await expect(audience.page.getByTestId('room-invitation')).toHaveCount(0)
  await expect(audience.page.getByTestId('audience-room')).not.toContainText('hors sujet')
  await audience.page.screenshot({ path: `${SHOTS}/audience-cards.png` })
  expect(app.refused).toEqual([])
  // The console's panel and the projected cards pass axe too.
  for (const [page, include] of [[windows.presenter, '.room-panel'], [audience.page, '.audience-room']] as const) {
    const found = await new AxeBuilder({ page }).include(include).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
    expect(found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${include} ${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([])
  }

  // The workshop ends; the cahier is written to the chosen folder.
  await panel.button('Terminer l’atelier').first().click()
  await expect(panel.panel).toContainText('Session terminée')
  await expect(audience.page.getByTestId('audience-room')).toHaveCount(0)
  await panel.button('Enregistrer le Cahier de l’atelier…').click()
  const saved = panel.panel.locator('.room-message')
  await expect(saved).toContainText('Cahier de l’atelier enregistré')
  const path = (await saved.textContent())!.replace(/^.*enregistré : /, '')
  expect(path.endsWith('cahier-de-l-atelier-2026-11-28-premier-chantier-informer-dans-les-deux-sens.md')).toBe(true)
  expect(await readFile(path, 'utf8')).toBe([
    '# Cahier de l’atelier',
    '',
    '- Texte : Renforcer les passerelles : six chantiers pour l’alliance — Premier chantier : informer dans les deux sens',
    '- Date : 28 novembre 2026',
    '- Lieu : Brest, salle du Patronage',
    '- Participation : 3 appareils, 3 réponses',
    '- 1 réponse masquée par l’animation, non reprise ici',
    '',
    `## ${FIRST_QUESTION}`,
    '',
    '### Mutualiser et former (5 soutiens)',
    '',
    '- Mutualiser un serveur avec deux associations voisines — Anne (3 soutiens)',
    '- Former les bénévoles aux outils libres (2 soutiens)',
    '',
    '---',
    '',
    'Réponses recueillies avec Passerelles, sans compte ni connexion à Internet. Seuls les pseudonymes choisis par les participants figurent ici.',
    '',
  ].join('\n'))

  // The phones are told the session is over — not that the connection was lost —, thanked, and
  // stop asking (their key forgotten); the ended page passes axe too.
  for (const p of phones) {
    await expect(p.page.getByRole('heading', { name: 'La séance est terminée' })).toBeVisible({ timeout: 10_000 })
    await expect(p.page.getByText('Merci pour vos réponses !')).toBeVisible()
    await expect(p.page.getByRole('status')).toHaveText('')
    await expect(p.page.locator('#room')).toBeHidden()
    expect(await p.page.evaluate(() => localStorage.length)).toBe(0)
  }
  await phones[0]!.page.screenshot({ path: `${SHOTS}/participant-ended-390x844.png` })
  const endedViolations = await new AxeBuilder({ page: phones[0]!.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  expect(endedViolations.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  for (const p of phones) await p.page.context().close()
})

test('the participant page passes axe and weighs little', async ({ app, browser }) => {
  await app.open(`#/doc/${DOC}`)
  const started = await app.api.room.start({ docId: DOC, sectionId: null })
  if (!started.ok) throw new Error(started.error.message)
  const url = started.value.urls[0]!
  const page = await phone(browser)
  let bytes = 0
  page.on('response', (r) => void r.body().then((b) => (bytes += b.length), () => undefined))
  await page.goto(url)
  const joinViolations = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  expect(joinViolations.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  const p = new ParticipantPage(page)
  await p.join(url, started.value.view!.code)
  await p.send('Une réponse pour voir la liste')
  const roomViolations = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  expect(roomViolations.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await expect.poll(() => bytes).toBeGreaterThan(0)
  expect(bytes).toBeLessThan(50_000)
  await page.context().close()
})

test('a phone that loses the Wi-Fi keeps its draft and comes back by itself', async ({ app, browser }) => {
  await app.open(`#/doc/${DOC}`)
  const started = await app.api.room.start({ docId: DOC, sectionId: null })
  if (!started.ok) throw new Error(started.error.message)
  const p = new ParticipantPage(await phone(browser))
  await p.join(started.value.urls[0]!, started.value.view!.code)
  await expect(p.question).toHaveText(FIRST_QUESTION)

  await p.page.context().setOffline(true)
  await expect(p.page.getByRole('status')).toHaveText('Connexion perdue : nouvel essai…', { timeout: 10_000 })
  await p.page.getByLabel('Votre réponse').fill('Écrit pendant la coupure')
  await p.page.getByRole('button', { name: 'Envoyer' }).click()
  await expect(p.page.getByRole('status')).toHaveText('Pas envoyé (pas de connexion) : votre texte est gardé, réessayez.')
  await expect(p.page.getByLabel('Votre réponse')).toHaveValue('Écrit pendant la coupure')

  // Meanwhile the facilitator asks another question; the phone finds it once the network is back.
  expect((await app.api.room.dispatch({ action: { type: 'question', text: 'Et maintenant ?' } })).ok).toBe(true)
  await p.page.context().setOffline(false)
  // The page retries on its own, with a growing delay (15 s at most): no reload, no tap.
  await expect(p.question).toHaveText('Et maintenant ?', { timeout: 30_000 })
  await expect(p.page.getByRole('status')).toHaveText('Connexion rétablie.')
  await p.page.getByRole('button', { name: 'Envoyer' }).click()
  await expect(p.page.getByRole('status')).toHaveText('Bien reçu, merci.')
  expect(app.services.room.status().view!.answers.map((a) => a.text)).toEqual(['Écrit pendant la coupure'])
  await p.page.context().close()
})

test('« Reprendre la session » brings the console back to the slide the session was on, after a restart', async ({ app }) => {
  await app.open(`#/doc/${DOC}`)
  expect((await app.api.presentation.start({ source: { kind: 'document', docId: DOC } })).ok).toBe(true)
  let presenter = new PresenterPage((await app.presentation.windows()).presenter)
  await presenter.waitForSlide(0)
  await new RoomPanelPage(presenter.page).open('Quimper')
  expect((await app.api.presentation.dispatch({ action: { type: 'goto', index: 5 } })).ok).toBe(true)
  await presenter.waitForSlide(5)
  await expect.poll(() => app.services.room.status().view!.at.slide).toBe(5)

  // The presentation ends (the session's server with it), the app restarts: the journal is read back.
  expect((await app.api.presentation.dispatch({ action: { type: 'stop' } })).ok).toBe(true)
  await app.restart()
  expect((await app.api.presentation.start({ source: { kind: 'document', docId: DOC } })).ok).toBe(true)
  presenter = new PresenterPage((await app.presentation.windows()).presenter)
  await presenter.waitForSlide(0)
  await presenter.page.getByRole('button', { name: 'Recueillir les avis' }).click()
  const panel = new RoomPanelPage(presenter.page)
  await expect(panel.panel).toContainText('Elle en était à la diapositive 6 : le pupitre y revient à la reprise.')
  await mkdir(SHOTS, { recursive: true })
  await presenter.page.screenshot({ path: `${SHOTS}/console-resume.png` })
  await panel.button('Reprendre la session').click()
  await expect(panel.panel).toHaveAttribute('data-room', 'running')
  await presenter.waitForSlide(5)
})

test('the answers kept are found with the palette (Ctrl+K) at their section, and exported with the notes', async ({ app }) => {
  const sectionId = app.services.library.get(DOC).sections.find((s) => s.level === 2)!.id
  await app.open(`#/doc/${DOC}`)
  // Phones answer over HTTP on the loopback server; the facilitator hides one.
  const [, hidden] = await playWorkshop(app.services.room, { docId: DOC, sectionId }, [
    { text: 'Ouvrir une ludothèque partagée entre associations du quartier', pseudonym: 'Anne' },
    { text: 'Une ludothèque réservée aux adhérents, hors sujet' },
  ])
  expect((await app.api.room.dispatch({ action: { type: 'hide', answerIds: [hidden!], hidden: true } })).ok).toBe(true)
  await indexReady(app)

  const palette = new SearchPalette(app.page)
  await palette.open()
  await palette.type('ludothèque')
  const hit = palette.dialog.locator('.palette-answer')
  await expect(hit).toHaveCount(1) // the hidden answer is never shown
  await expect(hit).toContainText('Réponse d’atelier')
  await expect(hit).toContainText(`Question : ${FIRST_QUESTION}`)
  await expect(hit).toContainText('Ouvrir une ludothèque partagée entre associations du quartier — Anne')
  await expect(hit.locator('.snippet mark')).toHaveText(['ludothèque'])
  await mkdir(SHOTS, { recursive: true })
  await app.page.screenshot({ path: `${SHOTS}/palette-answer.png` })
  // in:textes leaves it out.
  await palette.input.fill('ludothèque in:textes')
  await expect(palette.dialog.locator('[role="listbox"]')).toHaveAttribute('aria-busy', 'false')
  await expect(palette.dialog.locator('.palette-answer')).toHaveCount(0)
  // Enter opens the document at the section the session presented.
  await palette.input.fill('ludothèque')
  await expect(hit).toHaveCount(1)
  const found = await new AxeBuilder({ page: app.page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  expect(found.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await app.page.keyboard.press('Enter')
  await expect(palette.dialog).toHaveCount(0)
  await expect.poll(() => app.page.evaluate(() => decodeURIComponent(window.location.hash))).toContain(`#/doc/${DOC}`)
  expect(await app.page.evaluate(() => decodeURIComponent(window.location.hash))).toContain(sectionId)
  // The results page: the answer among the hits, under its own source; in:notes includes it.
  await app.open(`#/search?q=${encodeURIComponent('ludothèque in:notes')}`)
  const results = new SearchResultsPage(app.page)
  await results.waitForResults()
  await expect(app.page.locator('.result-answer')).toHaveCount(1)
  await expect(results.count).toContainText('dont 1 réponse d’atelier')
  await expect(results.facet('source', 'Réponses d’atelier').locator('input')).toBeChecked()
  await app.page.screenshot({ path: `${SHOTS}/results-answer.png` })

  // The export screen's option adds the answers after the notes, with a link back to the section.
  await app.open('#/export')
  const exp = new ExportPage(app.page)
  await exp.waitForCount(0)
  await app.page.getByRole('checkbox', { name: 'Réponses des ateliers (Recueillir les avis)' }).check()
  await expect(exp.count).toHaveText('0 annotation, 1 réponse d’atelier')
  const md = await exp.previewText()
  expect(md).toContain('# Réponses d’atelier')
  expect(md).toContain('> Ouvrir une ludothèque partagée entre associations du quartier')
  expect(md).toContain(`(passerelles://open/${DOC}#section=${sectionId})`)
  expect(md).not.toContain('hors sujet')
  expect(app.refused).toEqual([])
})
