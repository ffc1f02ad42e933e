/**
 * passerelles:// links: main validates the link into a route (unit-tested in
 * shared/links/deep-link.test.ts) and emits `app.navigate`; the page shows that route. The page
 * parses the route again and never treats it as a URL to load.
 */
import { test, expect } from '../harness/fixtures'
import { DocumentPage } from '../pages/document-page'
import { AboutPage } from '../pages/about-page'
import { deepLinkRoute } from '../../electron/shared/links/deep-link'

test('a passerelles:// link opens its document, and the page keeps its own origin', async ({ app }) => {
  await app.open('#/')
  const first = app.services.library.list()[0]!
  app.services.bus.emit('app.navigate', { route: deepLinkRoute(`passerelles://doc/${first.id}`)! })
  await new DocumentPage(app.page).waitFor(first.id)
  app.services.bus.emit('app.navigate', { route: deepLinkRoute('passerelles://about')! })
  await new AboutPage(app.page).waitForLoaded()
  expect(app.page.url()).toBe(`${app.origin}/#/about`)
})

test('a route that is not one of ours shows the library, never another page', async ({ app }) => {
  await app.open('#/about')
  await new AboutPage(app.page).waitForLoaded()
  for (const route of ['javascript:alert(1)', 'https://evil.example/', '#/../../etc/passwd']) {
    app.services.bus.emit('app.navigate', { route })
    await expect(app.page).toHaveURL(`${app.origin}/#/`)
    await app.page.evaluate(() => void (window.location.hash = '#/about'))
  }
})
