/**
 * Annotations in the reader, end to end on the real services: create by mouse (selection toolbar)
 * and by keyboard (Alt+H), note, tag, recolour, undo, redo, delete; they survive a restart; the side
 * panel and the global view list them. Stored state is checked through the API, painting through
 * CSS.highlights.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, SHIPPED_CONTENT } from '../harness/fixtures'
import { AnnotationsPage } from '../pages/annotations-page'
import { DocumentPage } from '../pages/document-page'
import AxeBuilder from '@axe-core/playwright'

test('create by mouse and keyboard, note, tag, recolour, undo, redo, delete; survives a restart', async ({ app }) => {
  const doc = app.services.library.list()[0]!
  await app.open(`#/doc/${doc.id}`)
  const reader = new DocumentPage(app.page)
  await reader.waitFor(doc.id)
  const notes = new AnnotationsPage(app.page)

  // Mouse: drag over the first words of the first paragraph, then the « Question » (blue) swatch.
  const p0 = await notes.paragraph(0)
  const start = p0.start
  const end = start + p0.text.slice(0, 40).replace(/\s+\S*$/, '').length
  await notes.selectWithMouse(start, end)
  await notes.toolbar.getByRole('button', { name: /Surligner : Question/ }).click()
  await expect(notes.status).toContainText('Passage surligné : Question')
  await notes.expectCount(1, doc.id)
  const [made] = await notes.list(doc.id)
  expect(made!.annotation.body.color).toBe('blue')
  expect(made!.anchor).toMatchObject({ status: 'anchored', start })
  const { start: s1, end: e1 } = made!.anchor as { start: number; end: number }
  await expect.poll(() => app.page.evaluate(() => CSS.highlights.get('annotation-blue')?.size ?? 0)).toBe(1)

  // Click the highlight: the editor; note (Markdown), tags, recolour to « Exemple » (green).
  await notes.clickPassage(s1, e1)
  await notes.editor.getByLabel(/Note \(Markdown\)/).fill('Une **note** <img src=x onerror=alert(1)>')
  await expect(notes.editor.locator('.annotation-note strong')).toHaveText('note')
  await expect(notes.editor.locator('.annotation-note img[onerror]')).toHaveCount(0)
  await notes.editor.getByLabel(/Étiquettes/).fill('gouvernance, ess')
  await notes.editor.getByRole('radio', { name: 'Exemple (vert)' }).check()
  await notes.editor.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(notes.editor).toBeHidden()
  await expect.poll(async () => (await notes.list(doc.id))[0]?.annotation.body).toMatchObject({ color: 'green', tags: ['gouvernance', 'ess'], note: expect.stringContaining('**note**') })
  await expect.poll(() => app.page.evaluate(() => [CSS.highlights.get('annotation-blue')?.size ?? 0, CSS.highlights.get('annotation-green')?.size ?? 0])).toEqual([0, 1])

  // Undo the edit (colour, note and tags come back), then redo it.
  await app.page.locator('#doc-title').click()
  await app.page.keyboard.press('Control+z')
  await expect(notes.status).toContainText('Annulé')
  await expect.poll(async () => (await notes.list(doc.id))[0]?.annotation.body).toMatchObject({ color: 'blue', tags: [], note: '' })
  await app.page.keyboard.press('Control+Shift+Z')
  await expect(notes.status).toContainText('Rétabli')
  await expect.poll(async () => (await notes.list(doc.id))[0]?.annotation.body.color).toBe('green')

  // Delete from the editor, undo the deletion (same id back), redo it, undo again.
  await notes.clickPassage(s1, e1)
  await notes.editor.getByRole('button', { name: 'Supprimer' }).click()
  await expect(notes.status).toContainText('Annotation supprimée')
  await notes.expectCount(0, doc.id)
  await app.page.keyboard.press('Control+z')
  await expect.poll(async () => (await notes.list(doc.id))[0]?.annotation.id).toBe(made!.annotation.id)
  await app.page.keyboard.press('Control+y')
  await notes.expectCount(0, doc.id)
  await app.page.keyboard.press('Control+z')
  await notes.expectCount(1, doc.id)

  // Keyboard: a selection made without the mouse, then Alt+H (announced).
  const p1 = await notes.paragraph(1)
  await notes.selectRange(p1.start, p1.start + 25)
  await app.page.keyboard.press('Alt+h')
  await expect(notes.status).toContainText('Passage surligné : Argument')
  await notes.expectCount(2, doc.id)
  // Undo of a creation removes it; redo puts the same record back.
  await app.page.keyboard.press('Control+z')
  await notes.expectCount(1, doc.id)
  await app.page.keyboard.press('Control+Shift+Z')
  await notes.expectCount(2, doc.id)

  // The panel lists both in reading order; text and colour filters narrow it.
  await notes.openPanel()
  await expect(notes.panelItems()).toHaveCount(2)
  await expect(notes.panelItems().first()).toContainText('Exemple')
  await notes.panel.getByLabel('Filtrer par texte').fill('note')
  await expect(notes.panelItems()).toHaveCount(1)
  await notes.panel.getByLabel('Filtrer par texte').fill('')
  // The menu shows each colour's label and its name.
  await notes.panel.getByLabel('Couleur').selectOption({ label: 'Argument (jaune)' })
  await expect(notes.panelItems()).toHaveCount(1)
  await notes.panel.getByLabel('Couleur').selectOption({ label: 'Toutes les couleurs' })
  await notes.panel.getByLabel('Étiquette').selectOption('ess')
  await expect(notes.panelItems()).toHaveCount(1)
  await notes.panel.getByLabel('Étiquette').selectOption('')
  const axe = await new AxeBuilder({ page: app.page }).include('#annotation-panel').analyze()
  expect(axe.violations).toEqual([])
  await app.screenshot('annotations-reader-panel')

  // After a restart: still there, painted again.
  await app.restart()
  await reader.waitFor(doc.id)
  await notes.expectCount(2, doc.id)
  await expect.poll(() => app.page.evaluate(() => (CSS.highlights.get('annotation-green')?.size ?? 0) + (CSS.highlights.get('annotation-yellow')?.size ?? 0))).toBe(2)

  // The global view lists every annotation, with the same filters.
  await app.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes notes', exact: true }).click()
  await expect(app.page.getByRole('heading', { name: 'Toutes les annotations' })).toBeVisible()
  await expect(app.page.locator('.notes-view .annotation-item')).toHaveCount(2)
  await app.page.locator('.notes-view').getByLabel('Filtrer par texte').fill('note')
  await expect(app.page.locator('.notes-view .annotation-item')).toHaveCount(1)
  await app.page.locator('.notes-view').getByLabel('Filtrer par texte').fill('')
  await app.screenshot('annotations-global-view')
})

test('keyboard: Alt+H with only a caret highlights its sentence; the shortcut is in the sheet; labels are edited in settings', async ({ app }) => {
  const doc = app.services.library.list()[0]!
  const text = app.services.library.get(doc.id).text
  await app.open(`#/doc/${doc.id}`)
  const reader = new DocumentPage(app.page)
  await reader.waitFor(doc.id)
  const notes = new AnnotationsPage(app.page)
  const p = await notes.paragraph(0)
  // A caret (collapsed selection) in the middle of the paragraph's first sentence.
  await notes.selectRange(p.start + 5, p.start + 5)
  await app.page.keyboard.press('Alt+h')
  await expect(notes.status).toContainText('Passage surligné : Argument')
  await notes.expectCount(1, doc.id)
  const [v] = await notes.list(doc.id)
  const { start, end } = v!.anchor as { start: number; end: number }
  expect(start).toBe(p.start)
  expect(text.slice(start, end)).toMatch(/[.!?…]$/)
  expect(text.slice(start, end - 1)).not.toMatch(/[.!?…]/)

  // The shortcuts sheet documents it.
  await app.page.locator('#doc-title').click()
  await app.page.keyboard.press('?')
  const sheet = app.page.getByRole('dialog', { name: 'Raccourcis clavier' })
  await expect(sheet).toContainText('Surligner la sélection')
  await expect(sheet).toContainText('Annuler la dernière modification d’annotation')
  await app.page.keyboard.press('Escape')

  // Renaming a colour in settings renames it in the toolbar and the announcements.
  await app.open('#/settings')
  const field = app.page.getByLabel('Libellé de la couleur jaune')
  await field.fill('Idée forte')
  await field.press('Enter')
  await expect.poll(() => app.page.evaluate(async () => { const r = await window.passerelles.annotations.labels({}); return r.ok ? r.value.yellow : null })).toBe('Idée forte')
  await field.fill('')
  await field.press('Enter')
  await expect(app.page.getByRole('alert')).toBeVisible()
  await expect(field).toHaveValue('Idée forte')
  await app.open(`#/doc/${doc.id}`)
  await reader.waitFor(doc.id)
  const p1 = await notes.paragraph(1)
  await notes.selectWithMouse(p1.start, p1.start + 20)
  await expect(notes.toolbar.getByRole('button', { name: 'Surligner : Idée forte' })).toBeVisible()
})

// A copy of the shipped pack that this test edits, as a new edition of the cahier would.
const edition = mkdtempSync(join(tmpdir(), 'passerelles-edition-'))
cpSync(SHIPPED_CONTENT, edition, { recursive: true })

test.describe('an edited content pack', () => {
  test.use({ contentDir: edition })

  test('shows anchored, fuzzy (old and new quote, confirm) and orphan (re-attach) in the panel', async ({ app }) => {
    const doc = app.services.library.list().find((d) => d.kind === 'cahier')!
    const file = join(edition, doc.path)
    const source = readFileSync(file, 'utf8')
    const text = app.services.library.get(doc.id).text
    // Three passages found once both in the Markdown source and in the rendered text.
    const passages: string[] = []
    for (const m of text.matchAll(/[\p{L} ,]{70,}/gu)) {
      const q = m[0].trim().slice(0, 60)
      if (source.split(q).length === 2 && text.split(q).length === 2 && !passages.some((p) => p.includes(q) || q.includes(p))) passages.push(q)
      if (passages.length === 3) break
    }
    expect(passages).toHaveLength(3)
    await app.open(`#/doc/${doc.id}`)
    const ids = await app.page.evaluate(
      async ({ docId, spans }) => {
        const out: string[] = []
        for (const [start, end, color] of spans) {
          const r = await window.passerelles.annotations.create({ docId, start, end, color, note: `note ${color}` })
          if (!r.ok) throw new Error(r.error.message)
          out.push(r.value.annotation.id)
        }
        return out
      },
      { docId: doc.id, spans: passages.map((p, i) => [text.indexOf(p), text.indexOf(p) + p.length, (['yellow', 'blue', 'green'] as const)[i]!] as const) },
    )

    // The new edition: the first passage untouched, a typo fixed in the second, the third deleted.
    const [, typo, gone] = passages as [string, string, string]
    const fixed = `${typo.slice(0, 30)}${typo[30] === 'e' ? 'é' : 'e'}${typo.slice(31)}`
    writeFileSync(file, source.replace(typo, fixed).replace(gone, ''))
    await app.restart()
    const reader = new DocumentPage(app.page)
    await reader.waitFor(doc.id)
    const notes = new AnnotationsPage(app.page)
    await notes.openPanel()
    const item = (id: string) => notes.panel.locator(`[data-annotation-id="${id}"]`)
    await expect(item(ids[0]!)).toContainText('En place')
    await expect(item(ids[1]!)).toContainText('À confirmer')
    await expect(item(ids[1]!).locator('.annotation-fuzzy')).toContainText(typo)
    await expect(item(ids[1]!).locator('.annotation-fuzzy')).toContainText(fixed)
    await expect(item(ids[2]!)).toContainText('Passage introuvable')
    await app.screenshot('annotations-edited-pack-panel')

    // Confirm the fuzzy match: it becomes anchored on the new quote.
    await item(ids[1]!).getByRole('button', { name: 'Confirmer' }).click()
    await expect(item(ids[1]!)).toContainText('En place')

    // Re-attach the orphan to a new selection: anchored there, its note kept.
    const p = await notes.paragraph(2)
    await notes.selectRange(p.start, p.start + 30)
    await item(ids[2]!).getByRole('button', { name: 'Rattacher à la sélection' }).click()
    await expect(item(ids[2]!)).toContainText('En place')
    await expect(item(ids[2]!)).toContainText('note green')
    await expect(item(ids[2]!)).toContainText(p.text.slice(0, 30).trim())
  })
})
