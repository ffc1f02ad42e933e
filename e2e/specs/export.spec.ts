/**
 * Notes export end to end: annotations made through the real handler table, the export view's
 * live preview (scope, grouping), Copy through the real clipboard (with the permissions Electron's
 * policy grants: harness/permissions.ts), one file per document through
 * the injected folder port, and an exported link opening the annotation's passage via the router.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { ExportPage } from '../pages/export-page'
import { DocumentPage } from '../pages/document-page'
import { AnnotationsPage } from '../pages/annotations-page'
import { annotationLink, deepLinkRoute } from '../../electron/shared/links/deep-link'
import type { ColorId } from '../../electron/shared/annotations/model'
import { clipboardWrites, recordClipboardWrites } from '../harness/clipboard'

/** Annotates the middle of a titled section of each of two documents, twice in the first. */
async function seed(app: AppHarness): Promise<{ docs: string[]; target: { id: string; docId: string; sectionId: string; quote: string } }> {
  const docs = app.services.library.list().filter((d) => app.services.library.get(d.id).sections.filter((s) => s.id && s.end - s.start > 200).length >= 2).slice(0, 2)
  expect(docs).toHaveLength(2)
  let target: { id: string; docId: string; sectionId: string; quote: string } | null = null
  const plan: [string, number, ColorId, string[]][] = [
    [docs[0]!.id, 1, 'blue', ['gouvernance']],
    [docs[0]!.id, 0, 'green', ['communs']],
    [docs[1]!.id, 0, 'yellow', ['ess']],
  ]
  for (const [docId, k, color, tags] of plan) {
    const section = app.services.library.get(docId).sections.filter((s) => s.id && s.end - s.start > 200)[k]!
    const start = section.start + 100
    const r = await app.api.annotations.create({ docId, start, end: start + 40, color, note: `Note ${color}`, tags })
    if (!r.ok) throw new Error(r.error.message)
    const a = r.value.annotation
    if (!target) target = { id: a.id, docId, sectionId: section.id, quote: a.target!.selector[0].exact }
  }
  return { docs: docs.map((d) => d.id), target: target! }
}

test('the export view previews, copies and writes one file per document', async ({ app }) => {
  const { docs } = await seed(app)
  await recordClipboardWrites(app.page)
  await app.open('#/')
  await app.page.getByRole('link', { name: /Exporter les notes/ }).click()
  const view = new ExportPage(app.page)
  await view.waitForCount(3)
  const all = await view.previewText()
  expect(all).toMatch(/^---\n/)

  // Scope: one document — the preview follows (2 annotations, only that document's links).
  await view.chooseScope(/Un document/)
  await view.chooseDocument(docs[0]!)
  await view.waitForCount(2)
  const one = await view.previewText()
  expect(one).toContain(`passerelles://open/${docs[0]}#annotation=`)
  expect(one).not.toContain(`passerelles://open/${docs[1]}#annotation=`)

  // Grouping by colour: the headings become the colour labels.
  await view.chooseGrouping(/Par couleur/)
  await expect.poll(() => view.previewText()).not.toBe(one)
  const byColor = await view.previewText()
  const labels = await app.api.annotations.labels({})
  expect(byColor).toContain(`# ${labels.ok ? labels.value.blue : labels.error.message}`)
  await app.screenshot('export-view')

  // Copy: the clipboard took exactly the preview.
  await view.button(/^Copier$/)
  await expect(view.status).toHaveText('Copié dans le presse-papiers.')
  expect(await clipboardWrites(app.page)).toEqual([byColor])

  // One file per document, into the folder the (injected) dialog returns.
  await view.chooseScope(/Tous les documents/)
  await view.waitForCount(3)
  await view.button(/Un fichier par document/)
  await expect(view.status).toContainText('2 fichier(s) écrit(s)')
  const folder = join(app.dataDir, 'exports-per-document')
  expect((await readdir(folder)).sort()).toEqual([`${docs[0]}.md`, `${docs[1]}.md`].sort())
  expect(await readFile(join(folder, `${docs[1]}.md`), 'utf8')).toContain(`passerelles://open/${docs[1]}#annotation=`)
})

test('the menu command opens the export view scoped to the current document', async ({ app }) => {
  const { docs } = await seed(app)
  await app.open(`#/doc/${docs[1]}`)
  await new DocumentPage(app.page).waitFor(docs[1]!)
  app.services.bus.emit('menu.command', { command: 'export-notes' })
  const view = new ExportPage(app.page)
  await view.waitForCount(1)
  await expect(app.page).toHaveURL(new RegExp(`#/export\\?doc=${docs[1]}$`))
})

test('an exported link opens the document at the annotation’s passage through the router', async ({ app }) => {
  const { target } = await seed(app)
  await app.open('#/')
  const notes = new AnnotationsPage(app.page)
  await notes.recordFlashes()
  const link = annotationLink(target.docId, target.id)!
  const route = deepLinkRoute(link)
  expect(route).toBe(`#/doc/${target.docId}?annotation=${target.id}`)
  app.services.bus.emit('app.navigate', { route: route! })
  const doc = new DocumentPage(app.page)
  await doc.waitFor(target.docId)
  await expect(app.page).toHaveURL(`${app.origin}/#/doc/${target.docId}?annotation=${target.id}`)
  await expect.poll(() => notes.flashes()).toEqual([target.quote])
  await expect.poll(() => notes.inView('blue', target.quote)).toBe(true)
  // A link to an annotation that does not exist opens the document at the top and says so.
  app.services.bus.emit('app.navigate', { route: deepLinkRoute(annotationLink(target.docId, '00000000-0000-4000-8000-000000000000')!)! })
  await expect(app.page.getByRole('status').filter({ hasText: /n’existe pas/ })).toBeVisible()
  await expect(app.page).toHaveURL(`${app.origin}/#/doc/${target.docId}`)
})

test('« Exporter cette section avec mes notes » saves the section as a handout file, its notes as footnotes, and offers to copy it', async ({ app }) => {
  const docId = 'cahier-07-renforcer-les-passerelles'
  const doc = app.services.library.get(docId)
  const section = doc.sections.find((s) => s.level === 2)!
  const start = doc.text.indexOf(' ', section.start + section.title.length + 20) + 1
  const note = 'À relire avec le groupe pendant l’atelier.'
  expect((await app.api.annotations.create({ docId, start, end: start + 20, color: 'green', note })).ok).toBe(true)

  await recordClipboardWrites(app.page)
  await app.open(`#/doc/${docId}`)
  await expect(app.page.locator(`[data-doc-body="${docId}"]`)).toBeAttached()
  await app.page.getByRole('button', { name: /^▶?\s*Présenter$/ }).click()
  await app.page.getByRole('button', { name: `Exporter cette section avec mes notes — ${section.title}` }).click()
  // Saved where the user chose (the harness's « save as » answers a path in the data dir), and said.
  const toast = app.page.locator('.toasts').filter({ hasText: 'Section et notes enregistrées dans' })
  await expect(toast).toContainText('1 annotation')
  const path = app.saved.at(-1)!
  expect(path).toMatch(new RegExp(`${docId}-${section.id}-notes\\.md$`))
  const handout = await readFile(path, 'utf8')
  expect(handout).toContain(note)
  expect(handout).toContain(section.title)
  expect(handout).toMatch(/\[\^1\]/)
  // « Copier » in the confirmation copies the same text.
  await toast.getByRole('button', { name: 'Copier' }).click()
  await expect(app.page.getByRole('status').filter({ hasText: 'Copié dans le presse-papiers.' })).toBeVisible()
  await expect.poll(async () => (await clipboardWrites(app.page)).length).toBe(1)
  expect((await clipboardWrites(app.page))[0]).toBe(handout)
})
