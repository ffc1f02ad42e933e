import { describe, expect, it } from 'vitest'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createServices } from '../services'
import type { Services } from '../services'
import { createHandlers } from '../handlers'
import { inProcessClient } from '../../shared/api/in-process'
import type { PasserellesApi } from '../../shared/api/types'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { doc, tempDir, writePack } from '../testing/temp-pack'
import { makeDocx, makePdf } from './testing/make-files'
import type { ImportProgress } from '../../shared/documents/model'

async function setup(chosen: readonly string[] | null = null): Promise<{ s: Services; api: PasserellesApi; dataDir: string; contentDir: string }> {
  const contentDir = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Les coopératives' }, '## Statut\n\nUne coopérative d’intérêt collectif.\n') })
  const dataDir = await tempDir()
  const s = await createServices({ contentDir, dataDir, clock: fixedClock('2026-12-01T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test', chooseFiles: async () => chosen })
  return { s, api: inProcessClient(createHandlers(s)), dataDir, contentDir }
}

const b64 = (s: string | Uint8Array): string => Buffer.from(s).toString('base64')

describe('documents service: « Mes documents »', () => {
  it('imports a batch, keeps the original and the Markdown, reports each file and imports the good ones', async () => {
    const { s, api, dataDir } = await setup()
    const r = await api.documents.importFiles({
      files: [
        { name: 'terrain.md', base64: b64('---\ntitle: Notes de terrain\nauthor: Camille\n---\n## Brest\n\nLa coopérative mutualise ses serveurs à Brest.\n') },
        { name: 'cassé.pdf', base64: b64('pas un pdf') },
        { name: 'rapport.docx', base64: b64(makeDocx({ title: 'Rapport', author: 'Asso', heading: 'Bilan', paragraphs: ['Douze ateliers de réparation.'] })) },
      ],
    })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.items.map((i) => [i.name, i.ok])).toEqual([['terrain.md', true], ['cassé.pdf', false], ['rapport.docx', true]])
    const list = s.reader.list()
    expect(list.map((d) => [d.kind, d.title])).toEqual([['article', 'Les coopératives'], ['mien', 'Notes de terrain'], ['mien', 'Rapport']])
    const terrain = list.find((d) => d.title === 'Notes de terrain')!
    const folder = join(dataDir, 'documents', terrain.id)
    expect((await readdir(folder)).sort()).toEqual(['document.md', 'original.md'])
    expect(await readFile(join(folder, 'original.md'), 'utf8')).toContain('title: Notes de terrain')
    const rendered = await api.library.get({ id: terrain.id })
    if (!rendered.ok) throw new Error(rendered.error.message)
    expect(rendered.value.meta).toMatchObject({ kind: 'mien', authors: ['Camille'], date: '2026-12-01' })
    expect(rendered.value.sections.map((x) => x.id)).toEqual(['brest'])
    await s.close()
  })

  it('search finds an imported document (and locates the words in it); annotations work on it and survive a restart', async () => {
    const { s, api, dataDir, contentDir } = await setup()
    await api.documents.importFiles({ files: [{ name: 'etude.pdf', base64: b64(makePdf({ title: 'Etude', heading: 'Introduction', lines: ['Les cooperatives de logiciel libre', 'mutualisent leurs serveurs.'] })) }] })
    const id = s.reader.list().find((d) => d.kind === 'mien')!.id
    const found = await api.search.query({ q: 'mutualisent serveurs' })
    if (!found.ok) throw new Error(found.error.message)
    expect(found.value.groups.map((g) => g.docId)).toEqual([id])
    const text = s.reader.get(id).text
    const start = text.indexOf('mutualisent')
    const located = await api.search.locate({ q: 'mutualisent', docId: id })
    expect(located.ok && located.value.ranges[0]).toMatchObject({ start })
    const created = await api.annotations.create({ docId: id, start, end: start + 'mutualisent leurs serveurs'.length, color: 'green', note: 'À citer', tags: [] })
    if (!created.ok) throw new Error(created.error.message)
    expect(created.value.anchor.status).toBe('anchored')
    const notes = await api.search.query({ q: 'citer in:notes' })
    expect(notes.ok && notes.value.groups.map((g) => g.docId)).toEqual([id])
    await s.close()

    const again = await createServices({ contentDir, dataDir, clock: fixedClock('2026-12-02T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test' })
    const list = await inProcessClient(createHandlers(again)).annotations.list({ docId: id })
    expect(list.ok && list.value.items.map((v) => [v.annotation.body.note, v.anchor.status])).toEqual([['À citer', 'anchored']])
    await again.close()
  })

  it('the open dialog: files the user chose are imported; cancelling imports nothing; a second import is a duplicate', async () => {
    const dir = await tempDir()
    const path = join(dir, 'memo.txt')
    await writeFile(path, 'Mémo\n\nRéunion du bureau.\n')
    const { s, api } = await setup([path])
    const first = await api.documents.add({})
    expect(first.ok && first.value?.items.map((i) => i.ok)).toEqual([true])
    const second = await api.documents.add({})
    const item = second.ok ? second.value?.items[0] : undefined
    expect(item).toMatchObject({ ok: false, problem: 'duplicate', existingId: first.ok ? first.value?.items[0] && (first.value.items[0] as { id: string }).id : '' })
    expect(s.reader.list().filter((d) => d.kind === 'mien')).toHaveLength(1)
    await s.close()
    const cancelled = await setup(null)
    expect(await cancelled.api.documents.add({})).toEqual({ ok: true, value: null })
    await cancelled.s.close()
  })

  it('metadata is editable; removing deletes the files and keeps the notes in the store', async () => {
    const { s, api, dataDir } = await setup()
    await api.documents.importFiles({ files: [{ name: 'note.md', base64: b64('# Une note\n\nUn texte à surligner.\n') }] })
    const id = s.reader.list().find((d) => d.kind === 'mien')!.id
    const updated = await api.documents.update({ id, title: 'Titre corrigé', authors: ['Moi'], tags: ['ess', 'terrain'] })
    expect(updated.ok && updated.value).toMatchObject({ title: 'Titre corrigé', authors: ['Moi'], tags: ['ess', 'terrain'] })
    expect(s.reader.get(id).summary.title).toBe('Titre corrigé')
    const bad = await api.documents.update({ id, tags: ['pas bien'] })
    expect(bad.ok ? null : bad.error.code).toBe('invalid-payload')
    const text = s.reader.get(id).text
    await api.annotations.create({ docId: id, start: text.indexOf('texte'), end: text.indexOf('texte') + 5, color: 'yellow', note: '', tags: [] })
    expect(await api.documents.remove({ id })).toEqual({ ok: true, value: null })
    expect(await readdir(join(dataDir, 'documents'))).not.toContain(id)
    const kept = await api.annotations.list({ docId: id })
    expect(kept.ok && kept.value.items).toHaveLength(1)
    await s.close()
  })

  it('a new version of a file (same name, other bytes) is offered, replaces the document under its id, and its annotations are re-anchored', async () => {
    const { s, api, dataDir } = await setup()
    const v1 = '# Compte rendu\n\nLa coopérative mutualise ses serveurs à Brest.\n\nLe bureau se réunit en juin.\n\nUne phrase qui disparaîtra.\n'
    const first = await api.documents.importFiles({ files: [{ name: 'compte-rendu.md', base64: b64(v1) }] })
    const id = first.ok && first.value.items[0]!.ok ? first.value.items[0]!.id : ''
    await api.documents.update({ id, title: 'Titre choisi' })
    const text = s.reader.get(id).text
    const quote = 'mutualise ses serveurs'
    const kept = await api.annotations.create({ docId: id, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, color: 'blue', note: 'Important', tags: [] })
    const gone = await api.annotations.create({ docId: id, start: text.indexOf('disparaîtra'), end: text.indexOf('disparaîtra') + 'disparaîtra'.length, color: 'yellow', note: '', tags: [] })
    if (!kept.ok || !gone.ok) throw new Error('annotations not created')

    // The same bytes again: a duplicate; other bytes under the same name: a new version, not imported yet.
    const dup = await api.documents.importFiles({ files: [{ name: 'compte-rendu.md', base64: b64(v1) }] })
    expect(dup.ok && dup.value.items[0]).toMatchObject({ ok: false, problem: 'duplicate', existingId: id })
    const v2 = '# Compte rendu\n\nUn paragraphe ajouté au début.\n\nLa coopérative mutualise ses serveurs à Brest.\n\nLe bureau se réunit en juin.\n'
    const offered = await api.documents.importFiles({ files: [{ name: 'Compte-Rendu.md', base64: b64(v2) }] })
    const item = offered.ok ? offered.value.items[0]! : null
    expect(item).toMatchObject({ ok: false, problem: 'new-version', existingId: id, versionToken: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    expect(s.reader.list().filter((d) => d.kind === 'mien')).toHaveLength(1)
    const token = item && !item.ok ? item.versionToken! : ''

    const wrong = await api.documents.replace({ id, versionToken: '00000000-0000-4000-8000-000000000000' })
    expect(wrong.ok ? null : wrong.error.code).toBe('not-found')

    const replaced = await api.documents.replace({ id, versionToken: token })
    if (!replaced.ok) throw new Error(replaced.error.message)
    expect(replaced.value.document).toMatchObject({ id, title: 'Titre choisi', originalName: 'Compte-Rendu.md' })
    expect(replaced.value.annotations.counts).toMatchObject({ moved: 1, orphan: 1 })
    const newText = s.reader.get(id).text
    expect(newText).toContain('Un paragraphe ajouté au début.')
    expect(await readFile(join(dataDir, 'documents', id, 'original.md'), 'utf8')).toBe(v2)

    const list = await api.annotations.list({ docId: id })
    if (!list.ok) throw new Error(list.error.message)
    const byId = new Map(list.value.items.map((v) => [v.annotation.id, v.anchor]))
    expect(byId.get(kept.value.annotation.id)).toMatchObject({ status: 'anchored', start: newText.indexOf(quote) })
    expect(byId.get(gone.value.annotation.id)).toMatchObject({ status: 'orphan' })
    // A token serves once.
    const twice = await api.documents.replace({ id, versionToken: token })
    expect(twice.ok ? null : twice.error.code).toBe('not-found')
    await s.close()
  })

  it('a removed document’s title is kept for its notes: listed as removed, exported under its title', async () => {
    const { s, api } = await setup()
    await api.documents.importFiles({ files: [{ name: 'note.md', base64: b64('# Une note\n\nUn texte à surligner.\n') }] })
    const id = s.reader.list().find((d) => d.kind === 'mien')!.id
    const text = s.reader.get(id).text
    await api.annotations.create({ docId: id, start: text.indexOf('texte'), end: text.indexOf('texte') + 5, color: 'yellow', note: 'Gardée', tags: [] })
    await api.documents.remove({ id })
    expect(await api.documents.removed({})).toEqual({ ok: true, value: [{ id, title: 'Une note', removedAt: '2026-12-01T10:00:00.000Z' }] })
    const md = await api.export.render({ format: 'md' })
    if (!md.ok) throw new Error(md.error.message)
    expect(md.value.content).toContain('Une note')
    expect(md.value.content).toContain('Gardée')
    expect((await api.documents.remove({ id })).ok).toBe(false)
    await s.close()
  })

  it('reports progress before each file and each PDF page; « Annuler » stops between files and keeps what was imported', async () => {
    const { s, api } = await setup()
    const seen: ImportProgress[] = []
    s.documents.onProgress((p) => void seen.push(p))
    const pdf = b64(makePdf({ heading: 'Etude', lines: ['Une ligne de texte.'] }))
    await api.documents.importFiles({ files: [{ name: 'a.md', base64: b64('# A\n\nTexte.\n') }, { name: 'b.pdf', base64: pdf }] })
    expect(seen).toEqual([
      { done: 0, total: 2, current: 'a.md', page: null },
      { done: 1, total: 2, current: 'b.pdf', page: null },
      { done: 1, total: 2, current: 'b.pdf', page: { n: 1, of: 1 } },
      { done: 2, total: 2, current: null, page: null },
    ])

    // Cancelled as the second file starts: the first is kept, the others are reported as cancelled.
    s.documents.onProgress((p) => {
      if (p.current === 'd.pdf' && p.page === null) expect(s.documents.cancel()).toBe(true)
    })
    const r = await api.documents.importFiles({ files: [{ name: 'c.md', base64: b64('# C\n\nTexte.\n') }, { name: 'd.pdf', base64: b64(makePdf({ heading: 'D', lines: ['Autre texte.'] })) }, { name: 'e.md', base64: b64('# E\n\nTexte.\n') }] })
    expect(r.ok && r.value.items.map((i) => (i.ok ? 'ok' : i.problem))).toEqual(['ok', 'cancelled', 'cancelled'])
    expect(s.reader.list().filter((d) => d.kind === 'mien').map((d) => d.title).sort()).toEqual(['A', 'C', 'b'])
    expect(await api.documents.cancelImport({})).toEqual({ ok: true, value: false })
    await s.close()
  })

  it('an unreadable documents list is moved aside, never overwritten, and the user is told', async () => {
    const { s, dataDir, contentDir } = await setup()
    await s.close()
    await writeFile(join(dataDir, 'documents', 'documents.json'), '{ broken')
    const again = await createServices({ contentDir, dataDir, clock: fixedClock('2026-12-02T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test' })
    expect(again.documents.store.recovered()).toContain('could not be read')
    expect((await readdir(join(dataDir, 'documents'))).some((f) => f.startsWith('documents.json.corrupt-'))).toBe(true)
    await again.close()
  })
})
