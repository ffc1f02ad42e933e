/**
 * Every « Copier » of the app under the permissions Electron's policy really gives
 * (harness/permissions.ts, applied to every page by the fixture): writing is granted to our page,
 * reading is not. A write that the clipboard refuses is reported as a failure — never as « copié ».
 */
import { test, expect } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { clipboardWrites, recordClipboardWrites } from '../harness/clipboard'
import { grantAsElectron, permissionsGrantedByPolicy } from '../harness/permissions'
import { ExportPage } from '../pages/export-page'
import { DocumentPage } from '../pages/document-page'

const HANDOUT_DOC = 'cahier-07-renforcer-les-passerelles'
const COPIED = 'Copié dans le presse-papiers.'

/** One annotation in the first level-2 section of the handout document; returns that section. */
async function annotate(app: AppHarness): Promise<{ id: string; title: string }> {
  const doc = app.services.library.get(HANDOUT_DOC)
  const section = doc.sections.find((s) => s.level === 2)!
  const start = doc.text.indexOf(' ', section.start + section.title.length + 20) + 1
  expect((await app.api.annotations.create({ docId: HANDOUT_DOC, start, end: start + 20, color: 'green', note: 'Note' })).ok).toBe(true)
  return { id: section.id, title: section.title }
}

/** Opens the case study whose sources include an http: link, and clicks that link (refused by main). */
async function refuseHttpLink(app: AppHarness): Promise<string> {
  await app.open('#/doc/cas-april')
  await new DocumentPage(app.page).waitFor('cas-april')
  const http = app.services.library.get('cas-april').meta.sources.find((s) => s.url.startsWith('http:'))!
  await app.page.locator('.doc-sources summary').click()
  await app.page.locator('.doc-sources').getByRole('link', { name: http.title }).click()
  await expect(app.page.getByRole('status').filter({ hasText: 'Lien non ouvert' })).toContainText(http.url)
  return http.url
}

test('the page gets the permissions of the policy: clipboard writing, not reading', async ({ app }) => {
  expect(permissionsGrantedByPolicy(app.origin)).toEqual(['clipboard-write'])
  await app.open('#/')
  const states = await app.page.evaluate(async () => ({
    write: (await navigator.permissions.query({ name: 'clipboard-write' as PermissionName })).state,
    read: (await navigator.permissions.query({ name: 'clipboard-read' as PermissionName })).state,
  }))
  expect(states).toEqual({ write: 'granted', read: 'denied' })
  // A page of another origin would be granted nothing.
  expect(permissionsGrantedByPolicy(app.origin, 'https://example.org/')).toEqual([])
})

test('« Copier l’adresse » of a refused link copies it and says so', async ({ app }) => {
  await recordClipboardWrites(app.page)
  const url = await refuseHttpLink(app)
  await app.page.getByRole('button', { name: 'Copier l’adresse' }).click()
  await expect(app.page.getByRole('status').filter({ hasText: 'Adresse copiée.' })).toBeVisible()
  expect(await clipboardWrites(app.page)).toEqual([url])
})

test('under a policy that refuses clipboard writing, Copy, the handout and « Copier l’adresse » report the failure, never « copié »', async ({ app }) => {
  const section = await annotate(app)
  await grantAsElectron(app.page.context(), app.origin, []) // what the pages get if the policy grants nothing
  await recordClipboardWrites(app.page) // records only writes that resolved
  const toasts = app.page.locator('.toasts')

  // The export view's Copy.
  await app.open('#/export')
  const view = new ExportPage(app.page)
  await view.waitForCount(1)
  await view.button(/^Copier$/)
  await expect(view.status).toHaveText('Rien n’a été copié : le presse-papiers a refusé l’écriture (Failed to execute \'writeText\' on \'Clipboard\': Write permission denied.).')

  // The section handout.
  await app.open(`#/doc/${HANDOUT_DOC}`)
  await expect(app.page.locator(`[data-doc-body="${HANDOUT_DOC}"]`)).toBeAttached()
  await app.page.getByRole('button', { name: /^▶?\s*Présenter$/ }).click()
  await app.page.getByRole('button', { name: `Exporter cette section avec mes notes — ${section.title}` }).click()
  await toasts.filter({ hasText: 'Section et notes enregistrées' }).getByRole('button', { name: 'Copier' }).click()
  await expect(toasts).toContainText('Rien n’a été copié : le presse-papiers a refusé l’écriture')
  await expect(toasts).not.toContainText(COPIED)

  // « Copier l’adresse » after a refused link.
  await refuseHttpLink(app)
  await app.page.getByRole('button', { name: 'Copier l’adresse' }).click()
  await expect(toasts).toContainText('L’adresse n’a pas été copiée\u202f: le presse-papiers a refusé l’écriture')
  await expect(toasts).not.toContainText('Adresse copiée.')

  expect(await clipboardWrites(app.page)).toEqual([])
})
