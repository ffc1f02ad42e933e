/**
 * Search end to end, on the shipped pack and the real search service: the palette as you type,
 * highlighted snippets, opening a result at its section with its matches highlighted and stepping
 * through them, the results page and its facets, the fallback notice, the no-result help and the
 * query-language popover. Expected results come from the same service, asked directly.
 */
import { test, expect } from '../harness/fixtures'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'
import { ask, indexReady, MatchBar, SearchPalette, SearchResultsPage } from '../pages/search-page'
import { analyseWord } from '../../electron/services/search/french-pipeline'

// Every test searches from a screen: the index is open first, as in the app (see indexReady).
test.beforeEach(({ app }) => indexReady(app))

test('the palette answers as you type, with the matched words marked in the snippets', async ({ app }) => {
  await app.open('#/')
  await new LibraryPage(app.page).waitForLoaded()
  const palette = new SearchPalette(app.page)
  await palette.open()
  await expect(palette.dialog.getByText(/Tapez pour chercher/)).toBeVisible()

  // A word still being typed already matches the words it begins.
  await palette.type('coopér')
  const typed = await ask(app, 'coopér', { typing: true, limit: 24, perDocument: 3 })
  expect(typed.total.sections).toBeGreaterThan(0)
  await expect(palette.options.first()).toBeVisible()
  await expect(palette.activeOption).toHaveAttribute('data-doc-id', typed.groups[0]!.docId)

  await palette.input.fill('')
  await palette.type('coopératives libres')
  const expected = await ask(app, 'coopératives libres', { typing: true, limit: 24, perDocument: 3 })
  await expect(palette.options).toHaveCount(expected.groups.reduce((n, g) => n + g.sections.length, 0))
  const marked = await palette.markedWords()
  expect(marked.length).toBeGreaterThan(0)
  // Stemmed, accent- and case-insensitive: every mark is a form of one of the two words typed.
  const stems = new Set(['coopératives', 'libres'].map((w) => analyseWord(w).term))
  for (const w of marked) expect(stems).toContain(analyseWord(w).term)
  expect(new Set(marked.map((w) => analyseWord(w).term)).size).toBe(2)
  await app.screenshot('search-palette')

  // Arrow keys move the active option.
  const first = await palette.activeOption.getAttribute('id')
  await app.page.keyboard.press('ArrowDown')
  await expect(palette.activeOption).not.toHaveAttribute('id', first!)
  await app.page.keyboard.press('ArrowUp')
  await expect(palette.activeOption).toHaveAttribute('id', first!)

  await app.page.keyboard.press('Escape')
  await expect(palette.dialog).toBeHidden()
})

test('a result opens at its section with every match highlighted, and occurrences can be stepped through', async ({ app }) => {
  await app.open('#/')
  const palette = new SearchPalette(app.page)
  await palette.open()
  await palette.type('logiciel libre')
  const r = await ask(app, 'logiciel libre', { typing: true, limit: 24, perDocument: 3 })
  // Pick the first result that is a real section (not the introduction), with its id and heading.
  const target = r.groups.flatMap((g) => g.sections).find((s) => s.sectionId !== '')!
  const options = await palette.options.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-doc-id')}#${e.getAttribute('data-section-id')}`))
  const index = options.indexOf(`${target.docId}#${target.sectionId}`)
  expect(index).toBeGreaterThanOrEqual(0)
  for (let i = 0; i < index; i++) await app.page.keyboard.press('ArrowDown')
  await app.page.keyboard.press('Enter')

  const doc = new DocumentPage(app.page)
  await doc.waitFor(target.docId)
  await expect(app.page).toHaveURL(new RegExp(`#/doc/${target.docId}/${target.sectionId}\\?q=`))
  const bar = new MatchBar(app.page)
  await expect(bar.region).toBeVisible()

  // The reader gets the query as typed, without the prefix star typing mode added (« libre* »).
  expect(r.effective).toMatch(/\*$/)
  expect(decodeURIComponent(app.page.url())).not.toContain('*')
  // Every match the service locates in this document is highlighted; the current one is in the section.
  const located = await app.api.search.locate({ q: r.effective.replace(/\*$/, ''), docId: target.docId })
  if (!located.ok) throw new Error(located.error.message)
  const ranges = located.value.ranges
  const text = app.services.library.get(target.docId).text
  await expect.poll(() => bar.highlighted('search-match')).toEqual(ranges.map((x) => text.slice(x.start, x.end)))
  const section = app.services.library.get(target.docId).sections.find((s) => s.id === target.sectionId)!
  const current = ranges.findIndex((x) => x.start >= section.start)
  await expect(bar.position).toHaveText(new RegExp(`^${current + 1} (sur|of) ${ranges.length}$`))
  expect(await bar.highlighted('search-current')).toEqual([text.slice(ranges[current]!.start, ranges[current]!.end)])
  const inSection = await app.page.evaluate((id) => {
    const heading = document.getElementById(id)!
    const range = [...CSS.highlights.get('search-current')!][0] as Range
    return Boolean(heading.compareDocumentPosition(range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING)
  }, target.sectionId)
  expect(inSection).toBe(true)
  await expect.poll(() => bar.currentInView()).toBe(true)
  // The contents show the section holding the match the page was centred on (#16 C11), not the one
  // whose heading happens to be at the top of the window.
  const tocAgrees = (): Promise<boolean> =>
    app.page.evaluate(() => {
      const range = [...CSS.highlights.get('search-current')!][0] as Range
      let holding: string | null = null
      for (const link of document.querySelectorAll<HTMLElement>('[data-toc-id]')) {
        const heading = document.getElementById(link.dataset.tocId!)
        if (heading && heading.compareDocumentPosition(range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING) holding = link.dataset.tocId!
      }
      const current = document.querySelector<HTMLElement>('[data-toc-id][aria-current]')?.dataset.tocId ?? null
      return holding !== null && current === holding
    })
  await expect.poll(tocAgrees).toBe(true)
  await app.screenshot('search-reader-highlights')

  // Next (F3 and the button), previous (Shift+F3), wrapping around.
  const n = ranges.length
  const at = (i: number): RegExp => new RegExp(`^${(((i % n) + n) % n) + 1} (sur|of) ${n}$`)
  await app.page.keyboard.press('F3')
  await expect(bar.position).toHaveText(at(current + 1))
  await expect.poll(() => bar.currentInView()).toBe(true)
  await expect.poll(tocAgrees).toBe(true)
  expect(await bar.highlighted('search-current')).toEqual([text.slice(ranges[(current + 1) % n]!.start, ranges[(current + 1) % n]!.end)])
  await bar.region.getByRole('button', { name: /précédente|previous/i }).click()
  await expect(bar.position).toHaveText(at(current))
  await app.page.keyboard.press('Shift+F3')
  await expect(bar.position).toHaveText(at(current - 1))

  // Closing clears the highlights and the query from the address.
  await bar.region.getByRole('button', { name: /Effacer|Clear/ }).click()
  await expect(bar.region).toBeHidden()
  expect(await bar.highlighted('search-match')).toEqual([])
  await expect(app.page).not.toHaveURL(/\?q=/)
})

test('the results page groups sections by document and its facets filter by type and tag', async ({ app }) => {
  await app.open(`#/search?q=${encodeURIComponent('coopérative')}`)
  const results = new SearchResultsPage(app.page)
  await results.waitForResults()
  const all = await ask(app, 'coopérative', { limit: 200, perDocument: 5 })
  expect(await results.docIds()).toEqual(all.groups.map((g) => g.docId))
  await expect(results.count).toContainText(`${all.total.sections} section`)

  const cas = all.facets.kinds.find((k) => k.value === 'cas')!
  await expect(results.facet('type', 'Étude de cas')).toContainText(String(cas.count))
  await results.facet('type', 'Étude de cas').getByRole('checkbox').check()
  await expect(app.page).toHaveURL(/type=cas/)
  await results.waitForResults()
  const onlyCas = await ask(app, 'coopérative', { kinds: ['cas'], limit: 200, perDocument: 5 })
  await expect(results.groups).toHaveCount(onlyCas.groups.length)
  expect(onlyCas.groups.every((g) => g.kind === 'cas')).toBe(true)
  expect(await results.docIds()).toEqual(onlyCas.groups.map((g) => g.docId))
  // Facet counts describe the query, not the current selection.
  await expect(results.facet('type', 'Article')).toContainText(String(all.facets.kinds.find((k) => k.value === 'article')!.count))

  const tag = onlyCas.facets.tags.find((t) => t.value === 'logiciel-libre')!
  await results.facet('tag', 'logiciel-libre').getByRole('checkbox').check()
  await results.waitForResults()
  const both = await ask(app, 'coopérative', { kinds: ['cas'], tags: ['logiciel-libre'], limit: 200, perDocument: 5 })
  expect(both.total.documents).toBeLessThanOrEqual(tag.count)
  expect(await results.docIds()).toEqual(both.groups.map((g) => g.docId))
  await app.screenshot('search-results-facets')

  // Keyboard: arrows move between results; Enter opens one.
  await app.page.locator('a.result-link').first().focus()
  await app.page.keyboard.press('ArrowDown')
  await expect(app.page.locator('a.result-link').nth(1)).toBeFocused()
  await app.page.keyboard.press('Enter')
  await expect(app.page).toHaveURL(/#\/doc\/.+\?q=/)

  // Back returns to the page as it was.
  await app.page.goBack()
  await results.waitForResults()
  await expect(app.page.getByRole('checkbox', { name: /Étude de cas/ })).toBeChecked()
  await expect(results.input).toHaveValue('coopérative')
})

test('a query that cannot be read shows the fallback notice and still finds the plain words', async ({ app }) => {
  await app.open('#/')
  const palette = new SearchPalette(app.page)
  await palette.open()
  await palette.type('"économie sociale')
  await expect(palette.notice).toContainText(/Guillemet non fermé.*recherche faite sur les mots simples/)
  const plain = await ask(app, 'économie sociale', { typing: true, limit: 24, perDocument: 3 })
  await expect(palette.options.first()).toHaveAttribute('data-doc-id', plain.groups[0]!.docId)
  await app.screenshot('search-fallback-notice')
})

test('a misspelt query shows the results of its correction, and says so (#16 C11)', async ({ app }) => {
  await app.open('#/')
  const palette = new SearchPalette(app.page)
  await palette.open()
  await palette.type('cooperatve ')
  await expect(palette.dialog.getByText('Aucun résultat pour « cooperatve » : voici les résultats pour « cooperative ».')).toBeVisible()
  const corrected = await ask(app, 'cooperative', { typing: true, limit: 24, perDocument: 3 })
  expect(corrected.total.sections).toBeGreaterThan(0)
  await expect(palette.options.first()).toBeVisible()
  expect(await palette.options.first().getAttribute('data-doc-id')).toBe(corrected.groups[0]!.docId)
  await expect(palette.dialog.locator('.no-results')).toHaveCount(0)
  await app.screenshot('search-corrected')
  // The results page too (Ctrl+Enter keeps what was typed).
  await app.page.keyboard.press('Control+Enter')
  await expect(app.page.getByText('Aucun résultat pour « cooperatve » : voici les résultats pour « cooperative ».')).toBeVisible()
  await expect(app.page.locator('.no-results')).toHaveCount(0)
})

test('no result: variants that find something are offered, and the help documents the query language', async ({ app }) => {
  await app.open('#/')
  const palette = new SearchPalette(app.page)
  await palette.open()
  // A phrase that is nowhere, of words that are (no spelling to correct): variants are offered.
  await palette.type('"scop licence"')
  await expect(palette.dialog.getByText(/Aucun résultat pour « "scop licence" »/)).toBeVisible()
  const relaxed = palette.dialog.locator('button.suggestion[data-kind="relaxed"]').first()
  await expect(relaxed).toBeVisible()
  await app.screenshot('search-no-results')
  const instead = (await relaxed.locator('code').textContent())!
  await relaxed.click()
  await expect(palette.input).toHaveValue(instead)
  await expect(palette.options.first()).toBeVisible()

  const help = palette.dialog.getByRole('button', { name: /Aide sur la recherche/ })
  await help.click()
  const popover = palette.dialog.getByRole('region', { name: /Écrire une recherche/ })
  await expect(popover).toBeVisible()
  for (const syntax of ['"logiciel libre"', 'coop*', 'cooperatve~1', '-brevet', 'titre:framasoft', 'tag:logiciel-libre', 'type:cas']) {
    await expect(popover.locator('code', { hasText: syntax })).toBeVisible()
  }
  await app.screenshot('search-help')
  await app.page.keyboard.press('Escape')
  await expect(popover).toBeHidden()
  await expect(help).toBeFocused()
  await expect(palette.dialog).toBeVisible()
})

test('the top bar button opens the palette, and Escape gives focus back', async ({ app }) => {
  await app.open('#/')
  const trigger = app.page.getByRole('button', { name: /Rechercher/ })
  await trigger.click()
  const palette = new SearchPalette(app.page)
  await expect(palette.input).toBeFocused()
  await app.page.keyboard.press('Escape')
  await expect(palette.dialog).toBeHidden()
  await expect(trigger).toBeFocused()
})
