import { describe, expect, it } from 'vitest'
import { createServices } from '../services'
import { createHandlers } from '../handlers'
import { inProcessClient } from '../../shared/api/in-process'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { doc, tempDir, writePack } from '../testing/temp-pack'
import { makePdf } from './testing/make-files'
import type { PdfMarkup } from './testing/make-files'

const b64 = (s: string | Uint8Array): string => Buffer.from(s).toString('base64')

const LINES = ['Les cooperatives de logiciel libre', 'mutualisent leurs serveurs a Brest.', 'Elles publient leurs comptes chaque annee.', 'Le conseil se reunit en juin.', 'Le conseil vote le budget.']
/** What a researcher did in another reader: a highlight over two lines with a reply, an underline, a sticky note, a highlight over empty space. */
const MARKUPS: readonly PdfMarkup[] = [
  { subtype: 'Highlight', spans: [{ line: 0, from: 17, to: 34 }, { line: 1, from: 0, to: 11 }], color: [1, 1, 0], contents: 'À citer dans le chapitre 2' },
  { subtype: 'Underline', spans: [{ line: 2, from: 6, to: 28 }], color: [0, 0.8, 0] },
  { subtype: 'Text', spans: [{ line: 3, from: 30, to: 31 }], color: [1, 0, 1], contents: 'Vérifier la date' },
  { subtype: 'Text', spans: [{ line: 0, from: 30, to: 31 }], color: [1, 1, 0], contents: 'Oui, page 12 du rapport', inReplyTo: 0 },
  { subtype: 'StrikeOut', spans: [{ line: 8, from: 0, to: 10 }], color: [1, 0, 0], contents: 'Rien dessous' },
  // « Le conseil » is written twice: the page's context says which one.
  { subtype: 'Squiggly', spans: [{ line: 4, from: 0, to: 10 }], color: [0, 0, 1] },
]

async function setup() {
  const contentDir = await writePack({ 'a.md': doc({ id: 'doc-a' }) })
  const dataDir = await tempDir()
  const s = await createServices({ contentDir, dataDir, clock: fixedClock('2026-12-01T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test' })
  return { s, api: inProcessClient(createHandlers(s)) }
}

describe('documents.importPdfMarkups: the highlights and notes another PDF reader saved', () => {
  it('counts them at import, brings each in placed by the anchoring engine, reports each, and never twice', async () => {
    const { s, api } = await setup()
    const imported = await api.documents.importFiles({ files: [{ name: 'etude.pdf', base64: b64(makePdf({ title: 'Etude', heading: 'Introduction', lines: LINES, markups: MARKUPS })) }] })
    if (!imported.ok) throw new Error(imported.error.message)
    const item = imported.value.items[0]!
    if (!item.ok) throw new Error(item.message)
    // The reply is counted as a markup of the file; it is folded into the highlight it answers.
    expect(item.pdfMarkups).toBe(6)

    const r = await api.documents.importPdfMarkups({ id: item.id })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.items.map((i) => [i.kind, i.quote, i.note, i.color, i.outcome, i.status ?? null])).toEqual([
      ['highlight', 'de logiciel libre mutualisent', 'À citer dans le chapitre 2\n\nOui, page 12 du rapport', 'yellow', 'added', 'anchored'],
      ['underline', 'publient leurs comptes', '', 'green', 'added', 'anchored'],
      ['note', '', 'Vérifier la date', 'purple', 'added', 'note'],
      ['strikeout', '', 'Rien dessous', 'orange', 'not-placed', null],
      ['squiggly', 'Le conseil', '', 'blue', 'added', 'anchored'],
    ])
    expect(r.value.items[3]!.reason).toBe('the PDF has no text under this markup')
    expect(r.value.items.every((i) => i.page === 1)).toBe(true)

    // Placed on the normalised text the reader shows.
    const text = s.reader.get(item.id).text
    const list = await api.annotations.list({ docId: item.id })
    if (!list.ok) throw new Error(list.error.message)
    const placed = list.value.items.filter((v) => v.anchor.status === 'anchored').map((v) => (v.anchor.status === 'anchored' ? text.slice(v.anchor.start, v.anchor.end) : ''))
    expect(placed.sort()).toEqual(['Le conseil', 'de logiciel libre mutualisent', 'publient leurs comptes'])
    const conseil = list.value.items.find((v) => v.annotation.body.color === 'blue')!.anchor
    expect(conseil).toMatchObject({ status: 'anchored', start: text.lastIndexOf('Le conseil') })
    expect(list.value.items.map((v) => v.annotation.created)).toContain('2024-03-12T10:15:00.000Z')

    // A second import adds nothing, and keeps what the reader changed meanwhile.
    const highlight = r.value.items[0]!.annotationId!
    await api.annotations.update({ id: highlight, note: 'Ma note à moi' })
    const again = await api.documents.importPdfMarkups({ id: item.id })
    expect(again.ok && again.value.items.map((i) => i.outcome)).toEqual(['already', 'already', 'already', 'not-placed', 'already'])
    const after = await api.annotations.list({ docId: item.id })
    expect(after.ok && after.value.items).toHaveLength(4)
    const mine = await api.annotations.get({ id: highlight })
    expect(mine.ok && mine.value.annotation.body.note).toBe('Ma note à moi')
    await s.close()
  })

  it('refuses a document that is not a PDF, and an unknown id', async () => {
    const { s, api } = await setup()
    const imported = await api.documents.importFiles({ files: [{ name: 'n.md', base64: b64('# N\n\nTexte.\n') }] })
    const id = imported.ok && imported.value.items[0]!.ok ? imported.value.items[0]!.id : ''
    const notPdf = await api.documents.importPdfMarkups({ id })
    expect(notPdf.ok ? null : notPdf.error).toMatchObject({ code: 'invalid-payload', message: expect.stringContaining('is not a PDF') })
    const unknown = await api.documents.importPdfMarkups({ id: 'mien-absent' })
    expect(unknown.ok ? null : unknown.error.code).toBe('not-found')
    await s.close()
  })
})
