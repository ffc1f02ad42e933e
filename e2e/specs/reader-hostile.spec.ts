/**
 * Hostile Markdown (e2e/fixtures/hostile) rendered in Chromium under the production CSP: no script
 * runs, no request leaves the app's origin, nothing navigates away — and nothing even tries (no CSP
 * violation is reported), because the sanitiser removed every attempt before it reached the DOM.
 * Each document's text still equals the Node rendering's.
 */
import { join } from 'node:path'
import { test, expect, FIXTURE_PACKS } from '../harness/fixtures'
import { DocumentPage } from '../pages/document-page'
import { LibraryPage } from '../pages/library-page'
import { expectSameTextAndSections, measureBody } from '../harness/text-identity'

test.use({ contentDir: join(FIXTURE_PACKS, 'hostile') })

const HOSTILE = ['hostile-html', 'hostile-markdown', 'hostile-css-meta']

test('hostile documents render inert: no script, no request out, no navigation, no attempt', async ({ app }) => {
  test.setTimeout(90_000)
  const { page } = app
  const requests: string[] = []
  const navigations: string[] = []
  const dialogs: string[] = []
  const popups: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('framenavigated', (f) => navigations.push(f.url()))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  page.context().on('page', (p) => popups.push(p.url()))
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] }
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
  })

  await app.open('#/')
  await new LibraryPage(page).waitForLoaded()
  const doc = new DocumentPage(page)
  for (const id of HOSTILE) {
    await page.evaluate((d) => (location.hash = `#/doc/${d}`), id)
    await doc.waitFor(id)
    await doc.waitForDecorations()
    // Lazy things load near the viewport: walk the whole document, then hover and focus everything.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
        window.scrollTo(0, y)
        await new Promise((r) => requestAnimationFrame(() => r(null)))
      }
    })
    for (const el of await doc.body.locator('p, span, div, a, summary, marquee').all()) await el.hover({ force: true, timeout: 2000 }).catch(() => undefined)

    // The DOM holds nothing that could run or fetch.
    const found = await doc.body.evaluate((body) => {
      const bad = body.querySelectorAll('script, iframe, frame, object, embed, svg, math, form, input, button, style, link, meta, base, video, audio, source, portal, template, noscript')
      const handlers = [...body.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style' || a.name === 'srcset' || a.name === 'ping' || a.name === 'target').map((a) => `${el.tagName} ${a.name}`))
      const urls = [...body.querySelectorAll('[href], [src], [action], [formaction], [background], [poster], [xlink\\:href]')].flatMap((el) =>
        ['href', 'src', 'action', 'formaction', 'background', 'poster', 'xlink:href'].map((n) => el.getAttribute(n)).filter((v): v is string => v !== null),
      )
      const images = [...body.querySelectorAll('img')].map((i) => i.getAttribute('src') ?? '')
      return { bad: [...bad].map((e) => e.tagName), handlers, scriptUrls: urls.filter((u) => /^\s*(javascript|data|vbscript|file):/i.test(u)), images }
    })
    expect(found.bad, id).toEqual([])
    expect(found.handlers, id).toEqual([])
    expect(found.scriptUrls, id).toEqual([])
    for (const src of found.images) expect(src, id).toMatch(/^\/content\//)
    // Remote images are shown as their address instead.
    if (id !== 'hostile-css-meta') expect(await doc.body.locator('.remote-image').count(), id).toBeGreaterThan(0)

    // Every link, clicked: nothing leaves the page; only https/mailto addresses reach the opener.
    for (const a of await doc.body.locator('a:not([data-doc])').all()) await a.click({ force: true, timeout: 2000 }).catch(() => undefined)
    await expect(page).toHaveURL(new RegExp(`^${app.origin}/#/doc/${id}`))

    // The text contract holds for hostile documents too.
    expectSameTextAndSections(id, await measureBody(doc), app.services.library.get(id))
  }

  // Let anything scheduled (a meta refresh, a lazy fetch) have its chance before judging.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)))
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
  expect(pwned).toBeNull()
  expect(dialogs).toEqual([])
  expect(popups).toEqual([])
  expect(violations).toEqual([])
  expect(requests.filter((u) => !u.startsWith(`${app.origin}/`))).toEqual([])
  expect(navigations.filter((u) => !u.startsWith(`${app.origin}/`))).toEqual([])
  expect(app.opened.every((u) => /^(https:|mailto:)/.test(u))).toBe(true)
  expect(app.opened.some((u) => u.includes('evil.example'))).toBe(true) // the clicks really happened
  // The only requests: the app's own bundle and fonts, the favicon probe, images of the pack.
  expect(requests.map((u) => new URL(u).pathname).filter((p) => !/^\/(assets\/[^/]+|favicon\.ico|content\/.+)?$/.test(p))).toEqual([])
})

test('a hostile title, summary, author or source is shown as text', async ({ app }) => {
  await app.open('#/doc/hostile-html')
  const doc = new DocumentPage(app.page)
  await doc.waitFor('hostile-html')
  await expect(doc.title).toHaveText(app.services.library.get('hostile-html').meta.title)
  await expect(app.page.locator('.doc-header img, .doc-header script, .doc-header b')).toHaveCount(0)
  await expect(app.page.locator('.doc-summary')).toContainText('<script>')
  await app.screenshot('hostile-rendered')
})
