/**
 * The researcher's day, played through the UI only — mouse and keyboard, no API call to set up what
 * a person does by hand (the API is read only to check what was stored) — at the three window sizes
 * people use (1024×768, 1280×800, 1920×1080): open a document from the library, highlight a
 * passage, write a long Markdown note, tag it as people type tags, save, find it again with the
 * search, export it. Every control used is checked usable (inside the window, not covered) and no
 * page may scroll sideways (harness/usable.ts). A second journey checks that what is typed is never
 * lost: a click elsewhere, leaving the page, a tag that cannot be a tag.
 */
import { readFileSync } from 'node:fs'
import { test, expect } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { expectNoSideScroll, expectUsable } from '../harness/usable'
import { AnnotationsPage } from '../pages/annotations-page'
import { DocumentPage } from '../pages/document-page'
import { indexReady, SearchPalette } from '../pages/search-page'

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const

/** A long note as people write them: headings, emphasis, a list, a link, code, a quote — about 1,600 characters. */
const LONG_NOTE = [
  '## Pourquoi ce passage compte',
  '',
  'Le **modèle coopératif** y est décrit *sans* angélisme : la mutualisation des serveurs a un coût.',
  '',
  ...Array.from({ length: 8 }, (_, i) => `- point ${i + 1} : la gouvernance partagée demande du temps, des outils et des règles écrites, que les membres relisent ensemble`),
  '',
  '> « Une citation recopiée pour la discussion de jeudi »',
  '',
  'Voir aussi [la charte](https://chatons.org/charte) et le fichier `statuts.odt`.',
  '',
  'Mot repère : zéphyrine.',
].join('\n')

async function openFirstDocument(app: AppHarness): Promise<{ id: string; reader: DocumentPage }> {
  await app.open('#/')
  const card = app.page.locator('a.card[data-doc-id]').first()
  await expectUsable(card, 'the first document of the library')
  const id = (await card.getAttribute('data-doc-id'))!
  await card.click()
  const reader = new DocumentPage(app.page)
  await reader.waitFor(id)
  return { id, reader }
}

for (const size of SIZES) {
  test(`researcher journey at ${size.width}×${size.height}: highlight, long note, tags, save, find, export`, async ({ app }) => {
    test.setTimeout(90_000)
    await app.page.setViewportSize(size)
    const { id } = await openFirstDocument(app)
    await expectNoSideScroll(app.page, 'the reader')
    for (const name of ['Bibliothèque', 'Mes notes', 'Exporter les notes…', 'Réglages', 'À propos']) {
      await expectUsable(app.page.getByRole('navigation', { name: /principale|Main/ }).getByRole('link', { name, exact: true }), `« ${name} » in the top bar`)
    }

    // Highlight the start of the second paragraph and open the editor from the toolbar.
    const notes = new AnnotationsPage(app.page)
    const p = await notes.paragraph(1)
    await notes.selectWithMouse(p.start, p.start + Math.min(60, p.text.length))
    const addNote = notes.toolbar.getByRole('button', { name: 'Ajouter une note' })
    await expectUsable(addNote, '« Ajouter une note »')
    await addNote.click()
    await expect(notes.editor).toBeVisible()

    const textarea = notes.editor.getByLabel(/Note \(Markdown\)/)
    await textarea.fill(LONG_NOTE)
    await textarea.press('End')
    await app.page.keyboard.type(' Fin.')
    const tags = notes.editor.getByLabel(/Étiquettes/)
    await expectUsable(tags, 'the tags field')
    await tags.click()
    await app.page.keyboard.type('#terrain, logiciel libre, asso/chatons, 🌱')
    const save = notes.editor.getByRole('button', { name: 'Enregistrer' })
    await expectUsable(save, '« Enregistrer » with a long note')
    await expectUsable(textarea, 'the note field with a long note')
    expect((await textarea.boundingBox())!.height, 'the note field keeps a few lines').toBeGreaterThanOrEqual(80)
    await app.screenshot(`journey-editor-${size.width}`)
    await save.click()
    await expect(notes.editor).toBeHidden()
    await expect(app.page.locator('.toasts, [role="status"]').getByText('Note enregistrée').first()).toBeVisible()

    const [stored] = await notes.list(id)
    expect(stored!.annotation.body.note).toBe(`${LONG_NOTE} Fin.`)
    expect(stored!.annotation.body.tags).toEqual(['terrain', 'logiciel-libre', 'asso/chatons', '🌱'])

    // Find it again: the palette, a word of the note, Enter opens the passage.
    await indexReady(app)
    const palette = new SearchPalette(app.page)
    await palette.open()
    await palette.type('in:notes zéphyrine')
    await expect(palette.options.first()).toContainText('zéphyrine')
    await expectUsable(palette.options.first(), 'the note in the search palette')
    await app.page.keyboard.press('Enter')
    await expect(palette.dialog).toBeHidden()
    await expect(app.page).toHaveURL(new RegExp(`#/doc/${id}\\?annotation=`))

    // Export it: the top bar, the preview shows the note and its tags, « Enregistrer… » writes the file.
    const exportLink = app.page.getByRole('navigation', { name: /principale|Main/ }).getByRole('link', { name: 'Exporter les notes…' })
    await expectUsable(exportLink, '« Exporter les notes… »')
    await exportLink.click()
    await expect(app.page.getByTestId('export-preview')).toContainText('zéphyrine')
    await expectNoSideScroll(app.page, 'the export screen')
    const saveFile = app.page.getByRole('button', { name: 'Enregistrer…' })
    await expectUsable(saveFile, '« Enregistrer… » on the export screen')
    await saveFile.click()
    await expect(app.page.locator('.export-status')).toContainText('enregistrée')
    const written = readFileSync(app.saved.at(-1)!, 'utf8')
    expect(written).toContain('Mot repère : zéphyrine.')
    expect(written).toMatch(/#terrain\b/)
    await app.screenshot(`journey-export-${size.width}`)
  })
}

test('what is typed is never lost: a click elsewhere saves, leaving saves, a bad tag is named and keeps the note', async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 800 })
  const { id } = await openFirstDocument(app)
  const notes = new AnnotationsPage(app.page)
  const p = await notes.paragraph(0)
  await notes.selectWithMouse(p.start, p.start + 30)
  await notes.toolbar.getByRole('button', { name: 'Ajouter une note' }).click()

  // A click in the text, elsewhere: saved, closed, and said.
  await notes.editor.getByLabel(/Note \(Markdown\)/).fill('Première idée')
  await app.page.locator('#doc-title').click()
  await expect(notes.editor).toBeHidden()
  await expect.poll(async () => (await notes.list(id))[0]?.annotation.body.note).toBe('Première idée')

  // Typing, then the top bar's « Notes »: saved on the way out.
  const [v] = await notes.list(id)
  const { start, end } = v!.anchor as { start: number; end: number }
  await notes.clickPassage(start, end)
  await notes.editor.getByLabel(/Note \(Markdown\)/).fill('Première idée, complétée')
  await app.page.getByRole('navigation', { name: /principale|Main/ }).getByRole('link', { name: 'Mes notes', exact: true }).click()
  await expect.poll(async () => (await notes.list(id))[0]?.annotation.body.note).toBe('Première idée, complétée')

  // A tag that cannot be a tag: named next to the field, in French; the editor stays, nothing is lost.
  await app.page.goBack()
  await new DocumentPage(app.page).waitFor(id)
  await notes.clickPassage(start, end)
  await notes.editor.getByLabel(/Note \(Markdown\)/).fill('Avec une étiquette impossible')
  await notes.editor.getByLabel(/Étiquettes/).fill('terrain, «x»')
  await notes.editor.getByRole('button', { name: 'Enregistrer' }).click()
  const message = notes.editor.getByRole('alert')
  await expect(message).toContainText('« «x» » : le caractère « « » n’est pas permis')
  await expectUsable(message, 'the tag error')
  await expect(notes.editor.getByLabel(/Note \(Markdown\)/)).toHaveValue('Avec une étiquette impossible')
  // Leaving now saves the note and the valid tag, and keeps the typed tags as a draft for next time.
  await app.page.getByRole('navigation', { name: /principale|Main/ }).getByRole('link', { name: 'Bibliothèque' }).click()
  await expect.poll(async () => (await notes.list(id))[0]?.annotation.body).toMatchObject({ note: 'Avec une étiquette impossible', tags: ['terrain'] })
  await app.page.goBack()
  await new DocumentPage(app.page).waitFor(id)
  await notes.clickPassage(start, end)
  await expect(notes.editor.getByRole('status')).toContainText('Brouillon non enregistré restauré')
  await expect(notes.editor.getByLabel(/Étiquettes/)).toHaveValue('terrain, «x»')
  // « Annuler » is the one way to discard, and it says so.
  await notes.editor.getByRole('button', { name: 'Annuler' }).click()
  await expect(app.page.getByText('Modifications abandonnées')).toBeVisible()
})

test('the Notes view edits and deletes where notes are reviewed, with a visible way back', async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 800 })
  const { id } = await openFirstDocument(app)
  const notes = new AnnotationsPage(app.page)
  const p = await notes.paragraph(0)
  await notes.selectWithMouse(p.start, p.start + 30)
  await notes.toolbar.getByRole('button', { name: /Surligner : Question/ }).click()
  await notes.expectCount(1, id)

  await app.page.getByRole('navigation', { name: /principale|Main/ }).getByRole('link', { name: 'Mes notes', exact: true }).click()
  const item = app.page.locator('.notes-view .annotation-item').first()
  const edit = item.getByRole('button', { name: 'Modifier' })
  await expectUsable(edit, '« Modifier » in the Notes view')
  await edit.click()
  await notes.editor.getByLabel(/Note \(Markdown\)/).fill('Relu depuis la vue des notes')
  await notes.editor.getByLabel(/Note \(Markdown\)/).press('Control+Enter')
  await expect(notes.editor).toBeHidden()
  await expect.poll(async () => (await notes.list(id))[0]?.annotation.body.note).toBe('Relu depuis la vue des notes')
  await expect(item).toContainText('Relu depuis la vue des notes')

  await item.getByRole('button', { name: 'Supprimer' }).click()
  await notes.expectCount(0, id)
  const toast = app.page.getByText('Annotation supprimée').locator('..')
  await toast.getByRole('button', { name: 'Annuler' }).click()
  await notes.expectCount(1, id)
  await expect(app.page.locator('.notes-view .annotation-item').first()).toContainText('Relu depuis la vue des notes')
})
