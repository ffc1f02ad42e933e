/**
 * XSS: every hostile payload (e2e/security/xss-payloads.ts) through every sink
 * (e2e/security/xss-sinks.ts), rendered by the real pipeline in Chromium under the production CSP,
 * from a fixture content pack served by the harness. For each one: no script runs, no dialog, no
 * request leaves the app's origin, nothing navigates or pops up, the CSP never has to block
 * anything (the sanitiser already removed it), and the DOM holds nothing executable. A control
 * test proves each detector fires when it should.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, ARTIFACTS } from '../harness/fixtures'
import { FAMILIES, XSS_PAYLOADS } from '../security/xss-payloads'
import { XSS_SINKS } from '../security/xss-sinks'
import { writeXssPack } from '../security/xss-pack'
import { XssMonitor, problemsOf } from '../security/xss-monitor'

test.use({ contentDir: writeXssPack(XSS_SINKS, XSS_PAYLOADS) })

const RESULTS = join(ARTIFACTS, 'xss')

// One test per sink (the fixture's start-up dominates a test's cost), every payload in turn; a failure
// names the payload, its family and what it tried.
for (const sink of XSS_SINKS) {
  {
    const payloads = XSS_PAYLOADS
    test(`XSS ${sink.name} × ${payloads.length} payloads (${FAMILIES.join(', ')})`, async ({ app }) => {
      test.setTimeout(180_000) // about a quarter of a second per payload, a few hundred payloads
      const monitor = await XssMonitor.attach(app.page, app.origin)
      await app.open('#/')
      const failures: string[] = []
      for (const payload of payloads) {
        const probe = await sink.render(app, payload)
        await monitor.reset(probe.url)
        await monitor.interact(probe.container)
        const problems = problemsOf(await monitor.collect(probe.container))
        failures.push(...problems.map((p) => `${payload.id} ${payload.family} (${payload.note}): ${p}`))
      }
      const summary = {
        sink: sink.name,
        payloads: payloads.length,
        requests: monitor.log.all.length,
        sameOrigin: monitor.log.count('same-origin'),
        local: monitor.log.count('local'),
        leaving: monitor.log.leaving(),
        failures,
      }
      mkdirSync(RESULTS, { recursive: true })
      writeFileSync(join(RESULTS, `${sink.name.replace(/\W+/g, '-')}.json`), `${JSON.stringify(summary, null, 2)}\n`)
      test.info().annotations.push({ type: 'xss', description: `${payloads.length} payloads, ${summary.requests} requests (${summary.leaving.length} leaving)` })
      expect(failures).toEqual([])
      expect(summary.leaving).toEqual([])
    })
  }
}

test('the XSS monitor sees a script run, a dialog, a request leaving, a navigation, a CSP block and a dirty DOM', async ({ app }) => {
  const monitor = await XssMonitor.attach(app.page, app.origin)
  await app.open('#/')
  const url = `${app.origin}/#/`
  const main = app.page.locator('main')

  await monitor.reset(url)
  // Unsanitised markup, put in by the test itself: the CSP blocks its handler and its remote image…
  await app.page.evaluate(() => {
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="https://evil.invalid/x.png" onerror="__xssHit(\'inline\')"><script>__xssHit(\'s\')</script>')
  })
  // …while code run through the debugger protocol is not subject to it.
  await app.page.evaluate(() => (window as unknown as { __xssHit(id: string): void }).__xssHit('control'))
  await app.page.evaluate(() => alert('control'))
  await monitor.interact(main)
  const seen = await monitor.collect(main)
  expect(seen.hits).toEqual(['control'])
  expect(seen.dialogs).toEqual(['alert: control'])
  expect(seen.cspViolations.join(' ')).toMatch(/img-src https:\/\/evil\.invalid\/x\.png/)
  expect(seen.cspViolations.join(' ')).toMatch(/script-src-(attr|elem) \(inline\)|script-src-attr inline/)
  expect(seen.residue).toEqual(expect.arrayContaining(['<script>', '<img onerror>', 'remote resource <img src="https://evil.invalid/x.png">']))

  await monitor.reset(url)
  await app.page.evaluate(() => void (window.location.href = 'http://evil.invalid/control'))
  await app.page.waitForEvent('framenavigated')
  const away = await monitor.collect(app.page.locator('body'))
  expect(away.requests.filter((r) => r.kind === 'leaving').map((r) => r.url)).toEqual(['http://evil.invalid/control'])
  expect(away.navigations.length).toBeGreaterThan(0)
})
