/**
 * The export screen as people meet it (issue 16: C4, C9, C10, C11 and the polish list), at 1024×768
 * and 1280×800: « Enregistrer… » is the primary button and in the window without scrolling; the
 * Markdown preview shows a passage over a footnote call without the call (« plateformes. », not
 * « plateformes1. ») in an Obsidian callout of the colour's type; the CSV is previewed as a table,
 * `;`-separated by default in French, colours and statuses in French, and the file saved is what a
 * French spreadsheet opens in columns (BOM, `;`, CRLF). Annotations are seeded through the API (the
 * journeys play making them through the UI); everything on this screen is done by mouse and checked
 * with the shared usability check. Screenshots go to /tmp/shots-exports.
 */
import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { test, expect } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { expectNoSideScroll, expectUsable } from '../harness/usable'
import { ExportPage } from '../pages/export-page'
import { seriousViolations } from '../harness/axe'
import type { ColorId } from '../../electron/shared/annotations/model'

const SHOTS = '/tmp/shots-exports'
const DOC = 'article-chatons-hebergement'
const OVER_CALL = 'grandes plateformes1. Le collectif des CHATONS'

async function seed(app: AppHarness): Promise<void> {
  const text = app.services.library.get(DOC).text
  const plan: [string, ColorId, string[]][] = [
    [OVER_CALL, 'orange', ['plateformes']],
    ['Plutôt qu’un géant bienveillant', 'blue', ['communs', 'chatons']],
  ]
  for (const [quote, color, tags] of plan) {
    const start = text.indexOf(quote)
    expect(start, quote).toBeGreaterThan(0)
    const r = await app.api.annotations.create({ docId: DOC, start, end: start + quote.length, color, note: `=SOMME(A1) ${color}`, tags })
    if (!r.ok) throw new Error(r.error.message)
  }
}

/** The control is inside the window as the screen opens, before any scrolling. */
async function expectInViewAtOpen(app: AppHarness, name: string): Promise<void> {
  const box = await app.page.getByRole('button', { name }).evaluate((el) => {
    const r = el.getBoundingClientRect()
    return { top: r.top, bottom: r.bottom, scrolled: document.scrollingElement?.scrollTop ?? window.scrollY, height: window.innerHeight }
  })
  expect(box.scrolled).toBe(0)
  expect(box.top, `« ${name} » starts inside the window`).toBeGreaterThanOrEqual(0)
  expect(box.bottom, `« ${name} » ends inside the ${box.height}-px window without scrolling`).toBeLessThanOrEqual(box.height)
}

for (const size of [{ width: 1024, height: 768 }, { width: 1280, height: 800 }] as const) {
  test(`export screen at ${size.width}×${size.height}: primary save in view, clean quotes, callouts, CSV as a table in columns`, async ({ app }) => {
    await mkdir(SHOTS, { recursive: true })
    await seed(app)
    await app.page.setViewportSize(size)
    await app.open('#/')
    const exportLink = app.page.getByRole('navigation', { name: /principale|Main/ }).getByRole('link', { name: 'Exporter les notes…' })
    await expectUsable(exportLink, '« Exporter les notes… »')
    await exportLink.click()
    const view = new ExportPage(app.page)
    await view.waitForCount(2)
    await expectNoSideScroll(app.page, 'the export screen')

    // « Enregistrer… »: in the window as the screen opens, and the primary button (filled with the accent).
    await expectInViewAtOpen(app, 'Enregistrer…')
    const save = app.page.getByRole('button', { name: 'Enregistrer…' })
    await expect(save).toHaveClass(/\bprimary\b/)
    const [saveBg, copyBg] = await Promise.all([save, app.page.getByRole('button', { name: 'Copier' })].map((b) => b.evaluate((el) => getComputedStyle(el).backgroundColor)))
    expect(saveBg).not.toBe(copyBg)

    // Markdown with callouts: the passage without its footnote call, the colour's Obsidian type, the label as title.
    const callouts = app.page.getByRole('checkbox', { name: 'Couleurs en encadrés Obsidian' })
    await expectUsable(callouts, '« Couleurs en encadrés Obsidian »')
    await callouts.check()
    await expect(view.preview).toContainText('> [!warning] À vérifier')
    const md = await view.previewText()
    expect(md).toContain('> grandes plateformes. Le collectif des CHATONS')
    // What a reader sees; the re-import data at the end keeps the stored quote, the anchor text.
    const shown = md.slice(0, md.indexOf('<!-- passerelles:data v3'))
    expect(shown).not.toMatch(/plateformes1|\p{Ll}\d\. Le/u)
    expect(md.slice(shown.length)).toContain('"q":"grandes plateformes1. Le collectif des CHATONS"')
    expect(md).toContain('> [!question] Question')
    expect(md.match(/^<!-- passerelles:data v3$/gm)).toHaveLength(1)
    await view.preview.evaluate((el) => el.scrollTo(0, 0))
    await app.page.evaluate(() => window.scrollTo(0, 0))
    await app.page.screenshot({ path: `${SHOTS}/export-markdown-${size.width}x${size.height}.png` })
    expect(await seriousViolations(app, '.export-view')).toEqual([])

    // CSV: a table, `;` by default in French, French colour names and statuses, the formula guarded.
    const csvRadio = app.page.getByRole('radio', { name: /^CSV/ })
    await expectUsable(csvRadio, 'the CSV format')
    await csvRadio.check()
    const table = view.preview.locator('table')
    await expect(table).toBeVisible()
    await expect(table.locator('thead th')).toHaveText(['id', 'document', 'titre du document', 'section', 'citation', 'note', 'étiquettes', 'couleur', 'libellé', 'état', 'créée', 'modifiée', 'début', 'fin', 'lien'])
    const rows = table.locator('tbody tr')
    await expect(rows).toHaveCount(2)
    const first = rows.first().locator('td')
    await expect(first.nth(4)).toHaveText('grandes plateformes. Le collectif des CHATONS')
    await expect(first.nth(5)).toHaveText("'=SOMME(A1) orange")
    await expect(first.nth(7)).toHaveText('orange')
    await expect(first.nth(8)).toHaveText('À vérifier')
    await expect(first.nth(9)).toHaveText('en place')
    await expect(rows.nth(1).locator('td').nth(7)).toHaveText('bleu')
    const semicolon = app.page.getByRole('radio', { name: /Point-virgule/ })
    await expect(semicolon).toBeChecked()
    await expectUsable(semicolon, 'the « ; » separator')
    await expectNoSideScroll(app.page, 'the export screen with the CSV table')
    await app.page.evaluate(() => window.scrollTo(0, 0))
    await app.page.screenshot({ path: `${SHOTS}/export-csv-${size.width}x${size.height}.png` })
    expect(await seriousViolations(app, '.export-view')).toEqual([])

    // The saved file opens in columns in a French spreadsheet: BOM, `;`, CRLF records.
    await expectUsable(save, '« Enregistrer… »')
    await save.click()
    await expect(view.status).toContainText('enregistrée')
    const bytes = readFileSync(app.saved.at(-1)!)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const written = bytes.toString('utf8')
    expect(written.slice(1, written.indexOf('\r\n'))).toBe('id;document;titre du document;section;citation;note;étiquettes;couleur;libellé;état;créée;modifiée;début;fin;lien')
    expect(written.split('\r\n')).toHaveLength(4) // header, two rows, the final empty string
    expect(written).not.toContain('plateformes1')

    // The comma, for an English spreadsheet: the table still reads right.
    const comma = app.page.getByRole('radio', { name: /Virgule/ })
    await expectUsable(comma, 'the « , » separator')
    await comma.check()
    await expect(rows.first().locator('td').nth(4)).toHaveText('grandes plateformes. Le collectif des CHATONS')
    await expect(rows).toHaveCount(2)
  })
}

test('the export filter reads tags as the editor does: commas, « # » stripped', async ({ app }) => {
  await seed(app)
  await app.open('#/export')
  const view = new ExportPage(app.page)
  await view.waitForCount(2)
  await view.chooseScope(/Le filtre/)
  const tags = app.page.getByRole('textbox', { name: /Étiquettes \(toutes, séparées par des virgules\)/ })
  await expectUsable(tags, 'the tags filter')
  await tags.fill('#communs, chatons')
  await view.waitForCount(1)
  await tags.fill('plateformes')
  await view.waitForCount(1)
  await expect(view.preview).toContainText('grandes plateformes. Le collectif')
})
