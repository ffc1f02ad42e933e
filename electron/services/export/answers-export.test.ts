/**
 * The workshops' answers in the notes export (option `answers`; `cli export --answers` in
 * electron/cli/export-answers.test.ts): a real
 * session in a temp data dir (phones over HTTP, the journal on disk), one note, then the export in
 * each format through the handler table — and the Markdown and JSON read back by the importer,
 * which restores the notes alone.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createServices } from '../services'
import type { Services } from '../services'
import { createHandlers } from '../handlers'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { tempDir, writePack } from '../testing/temp-pack'
import { playWorkshop, WORKSHOP_PACK } from '../testing/room-client'
import { inProcessClient } from '../../shared/api/in-process'
import type { z } from 'zod'
import type { ExportRequestSchema } from '../../shared/export/types'
import { parseCsv } from '../../shared/export/csv'
import { importMarkdown } from '../../shared/export/import-markdown'
import { readW3c } from '../../shared/annotations/w3c/read'

const open: Services[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})

const DOC = 'cahier-passerelles'

async function setup(): Promise<{ s: Services; answerIds: string[] }> {
  const contentDir = await writePack(WORKSHOP_PACK)
  const dataDir = await tempDir()
  const s = await createServices({ contentDir, dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test', roomHost: '127.0.0.1' })
  open.push(s)
  const text = s.reader.get(DOC).text
  const start = text.indexOf('Six chantiers')
  const made = await inProcessClient(createHandlers(s)).annotations.create({ docId: DOC, start, end: start + 13, color: 'blue', note: 'À relire.', tags: [] })
  expect(made.ok).toBe(true)
  const sectionId = s.reader.get(DOC).sections.find((x) => x.title === 'Questions pour l’atelier')!.id
  const answerIds = await playWorkshop(s.room, { docId: DOC, sectionId }, [
    { text: 'Une mutualisation *des* outils\n# pas un titre', pseudonym: 'Anne' },
    { text: 'Mutualiser aussi les locaux' },
    { text: 'Une réponse masquée' },
    { text: '=HYPERLINK("https://exemple.org")' },
  ])
  await s.room.dispatch({ type: 'hide', answerIds: [answerIds[2]!], hidden: true })
  await s.room.dispatch({ type: 'merge', into: answerIds[0]!, answerIds: [answerIds[1]!] })
  return { s, answerIds }
}

async function render(s: Services, request: z.input<typeof ExportRequestSchema>): Promise<{ content: string; count: number; answers: number }> {
  const r = await inProcessClient(createHandlers(s)).export.render(request)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('the workshops’ answers in the notes export', () => {
  it('Markdown: after the notes, each visible answer (merged ones with it) as a quote with its question and a link back to the section', async () => {
    const { s } = await setup()
    const without = await render(s, { format: 'md' })
    expect(without.content).not.toContain('Réponses d’atelier')
    expect(without.answers).toBe(0)
    const md = await render(s, { format: 'md', options: { answers: true } })
    expect(md).toMatchObject({ count: 1, answers: 2 })
    const part = md.content.slice(md.content.indexOf('# Réponses d’atelier'), md.content.indexOf('<!-- passerelles:data'))
    expect(part).toContain('## Renforcer les passerelles — Questions pour l’atelier (2026-11-28, Brest)')
    expect(part).toContain('### Quel chantier votre structure peut-elle porter ?')
    // The participant's words are plain text: no emphasis, no heading.
    expect(part).toContain('> Une mutualisation \\*des\\* outils\n>\n> \\# pas un titre')
    expect(part).toContain('> - Mutualiser aussi les locaux')
    expect(part).toContain('**Réponse d’atelier** · Anne · 2 soutiens · 2026-11-28 · [Ouvrir la section dans Passerelles](passerelles://open/cahier-passerelles#section=questions-pour-l-atelier)')
    expect(part).not.toContain('masquée')
    // English, and without links.
    const en = await render(s, { format: 'md', options: { answers: true, language: 'en', include: { links: false } } })
    expect(en.content).toContain('# Workshop answers')
    expect(en.content).toContain('**Workshop answer** · Anne · 2 supporters · 2026-11-28')
    expect(en.content).not.toContain('#section=')
    // Importing the file back restores the note alone (answers are not annotations).
    const back = importMarkdown(md.content)
    expect(back.ok && back.value.annotations.map((a) => a.body.note)).toEqual(['À relire.'])
  })

  it('CSV: one row per visible answer under the notes’ columns plus type, question, pseudonym and support; formulas guarded', async () => {
    const { s, answerIds } = await setup()
    const plain = parseCsv((await render(s, { format: 'csv' })).content, ',')
    expect(plain[0]).toHaveLength(15)
    const rows = parseCsv((await render(s, { format: 'csv', options: { answers: true, csvDelimiter: ';' } })).content, ';')
    expect(rows[0]!.slice(15)).toEqual(['type', 'question', 'pseudonyme', 'soutiens'])
    expect(rows.slice(1).map((r) => r[15])).toEqual(['note', 'réponse d’atelier', 'réponse d’atelier'])
    const anne = rows.find((r) => r[0]!.endsWith(answerIds[0]!))!
    expect(anne).toHaveLength(19)
    expect(anne.slice(1, 4)).toEqual([DOC, 'Renforcer les passerelles', 'Questions pour l’atelier'])
    expect(anne[5]).toBe('Une mutualisation *des* outils\n# pas un titre\nMutualiser aussi les locaux')
    expect(anne[14]).toBe('passerelles://open/cahier-passerelles#section=questions-pour-l-atelier')
    expect(anne.slice(16)).toEqual(['Quel chantier votre structure peut-elle porter ?', 'Anne', '2'])
    expect(rows.find((r) => r[0]!.endsWith(answerIds[3]!))![5]).toBe('\'=HYPERLINK("https://exemple.org")')
  })

  it('JSON: the answers beside the W3C items, which the importer reads as the notes alone; scopes choose the answers too', async () => {
    const { s } = await setup()
    const json = await render(s, { format: 'json', options: { answers: true } })
    const value = JSON.parse(json.content) as { workshopAnswers: { text: string; merged: { text: string }[]; link: string }[]; total: number }
    expect(value.total).toBe(1)
    expect(value.workshopAnswers.map((a) => a.text)).toEqual(['Une mutualisation *des* outils\n# pas un titre', '=HYPERLINK("https://exemple.org")'])
    expect(value.workshopAnswers[0]!.merged.map((m) => m.text)).toEqual(['Mutualiser aussi les locaux'])
    const read = readW3c(JSON.parse(json.content))
    expect(read.ok && read.items).toHaveLength(1)
    // Scopes: another document has none; a filter's words and colours choose among them.
    expect((await render(s, { format: 'md', scope: { kind: 'document', documentId: 'cas-framasoft' }, options: { answers: true } })).answers).toBe(0)
    expect((await render(s, { format: 'md', scope: { kind: 'document', documentId: DOC }, options: { answers: true } })).answers).toBe(2)
    expect((await render(s, { format: 'md', scope: { kind: 'filter', filter: { text: 'locaux' } }, options: { answers: true } })).answers).toBe(1)
    expect((await render(s, { format: 'md', scope: { kind: 'filter', filter: { colors: ['blue'] } }, options: { answers: true } })).answers).toBe(0)
  })
})
