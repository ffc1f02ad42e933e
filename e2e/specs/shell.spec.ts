/**
 * The shell end to end: the library from the real services, a document rendered through the real
 * pipeline, the API surface, and the production CSP and protocol resolver as the page sees them.
 */
import { test, expect } from '../harness/fixtures'
import { LibraryPage } from '../pages/library-page'
import { DocumentPage } from '../pages/document-page'
import { CHANNELS } from '../../electron/shared/api/channels'

test('the library lists the shipped documents from the real content library', async ({ app }) => {
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()
  const expected = app.services.library.list().map((d) => d.id)
  expect(expected.length).toBeGreaterThan(0)
  expect(await library.cardIds()).toEqual(expected)
  await app.screenshot('library')
})

test('a document opens with its title, contents and rendered body', async ({ app }) => {
  await app.open('#/')
  const library = new LibraryPage(app.page)
  await library.waitForLoaded()
  const first = app.services.library.list()[0]!
  await library.openDocument(first.id)
  const doc = new DocumentPage(app.page)
  await doc.waitFor(first.id)
  await expect(doc.title).toHaveText(first.title)
  const rendered = app.services.library.get(first.id)
  expect(await doc.text()).toBe(rendered.text)
  await expect(doc.toc.getByRole('link')).toHaveCount(rendered.sections.filter((s) => s.level >= 2 && s.level <= 3 && s.id).length)
  await app.screenshot('document')
})

test('window.passerelles exposes exactly the contract, and no Node or IPC object', async ({ app }) => {
  await app.open('#/')
  const surface = await app.page.evaluate(() => {
    const api = window.passerelles as unknown as Record<string, Record<string, unknown>>
    const methods = Object.keys(api).flatMap((ns) => (typeof api[ns] === 'object' ? Object.keys(api[ns]!).map((m) => `${ns}:${m}`) : []))
    const w = window as unknown as Record<string, unknown>
    return { methods: methods.sort(), on: typeof api.on, require: typeof w.require, process: typeof w.process, ipc: typeof w.ipcRenderer }
  })
  expect(surface.methods).toEqual([...CHANNELS].sort())
  expect(surface).toMatchObject({ on: 'function', require: 'undefined', process: 'undefined', ipc: 'undefined' })
})

test('a malformed payload from the page gets an error value and is logged', async ({ app }) => {
  await app.open('#/')
  const r = await app.page.evaluate(() => window.passerelles.library.get({ id: '../../etc/passwd' } as never))
  expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  const missing = await app.page.evaluate(() => window.passerelles.library.get({ id: 'no-such-doc' }))
  expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
  expect(app.log.entries.some((e) => e.message.includes('library:get'))).toBe(true)
})

test('an unknown document id shows an error, not a blank page', async ({ app }) => {
  await app.open('#/doc/no-such-doc')
  await expect(app.page.getByRole('alert')).toContainText(/introuvable/)
})

test('the production CSP blocks inline scripts and remote requests', async ({ app }) => {
  await app.open('#/')
  const csp = await app.page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'))
  expect(csp).toContain("script-src 'self'")
  const inline = await app.page.evaluate(async () => {
    const w = window as unknown as { __inlineRan?: boolean }
    const s = document.createElement('script')
    s.textContent = 'window.__inlineRan = true'
    // An allowed inline script runs during appendChild; a refused one is reported by this event.
    const refused = new Promise<string>((resolve) => s.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective)))
    document.body.appendChild(s)
    return { ran: w.__inlineRan === true, refusedBy: await refused }
  })
  expect(inline).toEqual({ ran: false, refusedBy: 'script-src-elem' })
  const remote = await app.page.evaluate(() => fetch('https://example.org/').then(() => 'loaded', () => 'blocked'))
  expect(remote).toBe('blocked')
})

test('the server refuses path-traversal tricks from the page', async ({ app }) => {
  await app.open('#/')
  const statuses = await app.page.evaluate(async () => {
    const tricks = ['/content/..%2f..%2fpackage.json', '/content/%2e%2e/%2e%2e/package.json', '/..%2fpackage.json', '/content/%252e%252e/package.json', '/content/..%5c..%5cpackage.json']
    return Promise.all(tricks.map(async (t) => (await fetch(t)).status))
  })
  for (const s of statuses) expect(s).toBeGreaterThanOrEqual(400)
})
