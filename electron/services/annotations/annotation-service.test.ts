/**
 * The annotations API end to end below the UI: the real handler table, services on a real content
 * pack and a temp data dir, then a new edition of the pack (as an app update would bring).
 */
import { describe, expect, it } from 'vitest'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createServices } from '../services'
import { createHandlers } from '../handlers'
import type { HandlerTable, Channel } from '../../shared/api/types'
import type { Result } from '../../shared/result'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { doc, tempDir, writePack } from '../testing/temp-pack'
import { inProcessClient, valueOf } from '../../shared/api/in-process'

/** The value of an API call that must succeed. */
const ok = async <T>(call: Promise<Result<T>>): Promise<T> => valueOf(await call)

const P1 = 'Les sociétés coopératives d’intérêt collectif associent salariés, usagers et collectivités à leurs décisions.'
const P2 = 'En Bretagne, les coopératives d’activité et d’emploi mutualisent la gestion administrative de centaines d’entrepreneurs.'
const P3 = 'Reste la question de la gouvernance partagée des comuns numériques et de leur financement durable.'
const P4 = 'Au terme de ce parcours, le logiciel libre apparaît comme un moyen de rendre aux collectifs la maîtrise de leurs outils.'
const EDITION_1 = [P1, P2, P3, P4].join('\n\n')
// Edition 2: a paragraph added at the top, a typo fixed, P2 deleted.
const EDITION_2 = ['Un nouveau paragraphe d’introduction, ajouté pour la deuxième édition du cahier.', P1, P3.replace('comuns', 'communs'), P4].join('\n\n')

async function setup(body = EDITION_1, dirs?: { pack: string; data: string }) {
  const pack = dirs?.pack ?? (await writePack({ 'a.md': doc({ id: 'doc-a', title: 'A' }, body), 'b.md': doc({ id: 'doc-b', title: 'B' }, P4) }))
  const data = dirs?.data ?? (await tempDir())
  const services = await createServices({ contentDir: pack, dataDir: data, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: '0' })
  const handlers = createHandlers(services)
  const api = inProcessClient(handlers)
  const text = async (id: string): Promise<string> => (await ok(api.library.get({ id }))).text
  const select = async (id: string, quote: string): Promise<{ start: number; end: number }> => {
    const t = await text(id)
    const start = t.indexOf(quote)
    if (start < 0) throw new Error(`not in ${id}: ${quote}`)
    return { start, end: start + quote.length }
  }
  return { pack, data, services, handlers, api, select, text }
}
const error = async (h: HandlerTable, channel: Channel, payload: unknown): Promise<string> => {
  const r = await h[channel](payload)
  return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`
}

describe('annotations API', () => {
  it('creates from a selection, building the selectors from the rendered text', async () => {
    const { api, select, text } = await setup()
    const sel = await select('doc-a', 'coopératives d’activité et d’emploi')
    const v = await ok(api.annotations.create({ docId: 'doc-a', ...sel, color: 'green', note: 'À **citer**', tags: ['ess'] }))
    const t = await text('doc-a')
    expect(v.anchor).toMatchObject({ status: 'anchored', ...sel, confidence: 1 })
    expect(v.annotation.target!.selector[0]).toEqual({ type: 'TextQuoteSelector', exact: 'coopératives d’activité et d’emploi', prefix: t.slice(sel.start - 32, sel.start), suffix: t.slice(sel.end, sel.end + 32) })
    expect(v.annotation).toMatchObject({ type: 'Annotation', document: 'doc-a', body: { note: 'À **citer**', tags: ['ess'], color: 'green' }, created: '2026-11-28T10:00:00.000Z' })
    expect(v.annotation.id).toMatch(/^[0-9a-f-]{36}$/)
    expect((await ok(api.annotations.list({ docId: 'doc-a' }))).items).toEqual([v])
  })

  it.each([
    [{ docId: 'doc-a', start: 5, end: 5, color: 'blue' }, /^invalid-payload: .*end must be after start/],
    [{ docId: 'doc-a', start: 0, end: 5, color: 'red' }, /^invalid-payload: .*color/],
    [{ docId: 'doc-a', start: 0, end: 5, color: 'blue', tags: ['deux mots'] }, /^invalid-payload: .*a tag is one token/],
    [{ docId: 'doc-a', start: 0, end: 5, color: 'blue', extra: 1 }, /^invalid-payload: .*extra/],
    [{ docId: 'doc-a', start: 0, end: 30_000, color: 'blue' }, /^invalid-payload: The selection 0–30000 is not a range of this document's text \(0–\d+\)/],
    [{ docId: 'doc-a', start: 0, end: 99_999, color: 'blue' }, /^invalid-payload: .*absurdly long/],
    [{ docId: 'doc-zzz', start: 0, end: 5, color: 'blue' }, /^not-found: The document "doc-zzz"/],
  ])('refuses a bad creation with a clear error value: %j', async (payload, message) => {
    const { handlers, api } = await setup()
    expect(await error(handlers, 'annotations:create', payload)).toMatch(message)
    expect((await ok(api.annotations.list({}))).total).toBe(0)
  })

  it('edits, deletes (returning the record) and restores with the same id, for undo/redo', async () => {
    const { api, select, handlers, services } = await setup()
    const events: [string, unknown][] = []
    services.bus.subscribe((name, payload) => events.push([name, payload]))
    const v = await ok(api.annotations.create({ docId: 'doc-a', ...(await select('doc-a', 'gouvernance partagée')), color: 'yellow' }))
    const edited = await ok(api.annotations.update({ id: v.annotation.id, note: 'Qui décide ?', tags: ['gouvernance', 'communs'], color: 'blue' }))
    expect(edited.annotation.body).toEqual({ note: 'Qui décide ?', tags: ['gouvernance', 'communs'], color: 'blue' })
    expect(await error(handlers, 'annotations:update', { id: v.annotation.id })).toMatch(/^invalid-payload: .*nothing to update/)
    const deleted = await ok(api.annotations.delete({ id: v.annotation.id }))
    expect(deleted).toEqual(edited.annotation)
    expect(await error(handlers, 'annotations:get', { id: v.annotation.id })).toMatch(/^not-found/)
    const restored = await ok(api.annotations.restore({ annotation: deleted }))
    expect(restored).toEqual(edited)
    expect(events).toContainEqual(['annotations.changed', { docIds: ['doc-a'] }])
    expect(events.filter(([n]) => n === 'annotations.changed')).toHaveLength(4)
  })

  it('filters, lists tags for autocompletion, and edits colour labels', async () => {
    const { api, select, handlers } = await setup()
    await ok(api.annotations.create({ docId: 'doc-a', ...(await select('doc-a', 'salariés')), color: 'yellow', tags: ['ess'] }))
    await ok(api.annotations.create({ docId: 'doc-b', ...(await select('doc-b', 'logiciel libre')), color: 'purple', note: 'Écho au chapitre 1', tags: ['ess', 'logiciel-libre'] }))
    expect((await ok(api.annotations.list({ colors: ['purple'] }))).items.map((v) => v.annotation.document)).toEqual(['doc-b'])
    expect((await ok(api.annotations.list({ text: 'echo' }))).total).toBe(1)
    expect((await ok(api.annotations.list({}))).items.map((v) => v.annotation.document)).toEqual(['doc-a', 'doc-b'])
    expect(await ok(api.annotations.tags({ prefix: 'l' }))).toEqual([{ tag: 'logiciel-libre', count: 1 }])
    expect(await ok(api.annotations.setLabels({ orange: 'Chiffre à vérifier' }))).toMatchObject({ orange: 'Chiffre à vérifier', yellow: 'Argument' })
    expect(await error(handlers, 'annotations:setLabels', { orange: '  ' })).toMatch(/^invalid-payload: .*cannot be empty/)
  })

  it('exports W3C JSON and imports it elsewhere (dedupe by id; a bad file imports nothing)', async () => {
    const a = await setup()
    await ok(a.api.annotations.create({ docId: 'doc-a', ...(await a.select('doc-a', 'salariés, usagers')), color: 'blue', note: 'n' }))
    await ok(a.api.annotations.create({ docId: 'doc-b', ...(await a.select('doc-b', 'maîtrise')), color: 'green' }))
    const out = await ok(a.api.annotations.exportJson({}))
    expect(out.count).toBe(2)
    const b = await setup(EDITION_1, { pack: a.pack, data: await tempDir() })
    const [first, second] = (await ok(a.api.annotations.list({}))).items.map((v) => v.annotation)
    expect(await ok(b.api.annotations.importJson({ json: out.json }))).toEqual({
      total: 2, added: 2, updated: 0, unchanged: 0, labels: 'none',
      items: [first, second].map((x) => ({ id: x!.id, document: x!.document, placement: 'as-written', status: 'anchored' })),
    })
    expect(await ok(b.api.annotations.importJson({ json: out.json }))).toMatchObject({ added: 0, unchanged: 2 })
    expect((await ok(b.api.annotations.list({}))).items.map((v) => v.annotation)).toEqual((await ok(a.api.annotations.list({}))).items.map((v) => v.annotation))
    const broken = JSON.parse(out.json) as { first: { items: Record<string, unknown>[] } }
    broken.first.items.push({ ...broken.first.items[0], id: 'urn:uuid:11111111-2222-4333-8444-555555555555' }, { type: 'Annotation', id: 'nope' })
    const c = await setup(EDITION_1, { pack: a.pack, data: await tempDir() })
    expect(await error(c.handlers, 'annotations:importJson', { json: JSON.stringify(broken) })).toMatch(/^corrupt: Nothing imported: 1 of 4 annotation\(s\) cannot be imported\. item 3 \(nope\): it has no creation date/)
    expect(await error(c.handlers, 'annotations:importJson', { json: '{"oops"' })).toMatch(/^corrupt: Nothing imported: the file is not JSON/)
    expect((await ok(c.api.annotations.list({}))).total).toBe(0)
  })
})

describe('a new edition of the content', () => {
  async function annotatedThenEdited() {
    const first = await setup()
    const make = async (quote: string, note: string): Promise<string> =>
      (await ok(first.api.annotations.create({ docId: 'doc-a', ...(await first.select('doc-a', quote)), color: 'orange', note }))).annotation.id
    const ids = {
      moved: await make('sociétés coopératives d’intérêt collectif', 'moved'),
      fuzzy: await make('gouvernance partagée des comuns numériques', 'fuzzy'),
      orphan: await make('mutualisent la gestion administrative', 'orphan'),
      end: await make('maîtrise de leurs outils', 'end'),
    }
    await first.services.close()
    await writeFile(join(first.pack, 'a.md'), doc({ id: 'doc-a', title: 'A' }, EDITION_2))
    return { ids, ...(await setup(EDITION_2, { pack: first.pack, data: first.data })) }
  }

  it('reports what it does to the notes, refreshes what moved, and lets the reader confirm and repair', async () => {
    const { ids, api, select, handlers } = await annotatedThenEdited()
    const [report] = await ok(api.annotations.check({}))
    expect(report!.counts).toEqual({ anchored: 0, moved: 2, fuzzy: 1, orphan: 1, note: 0 })
    const status = (id: string) => report!.items.find((i) => i.id === id)!
    expect(status(ids.fuzzy)).toMatchObject({ status: 'fuzzy', oldQuote: 'gouvernance partagée des comuns numériques', quote: 'gouvernance partagée des communs numériques' })
    expect(status(ids.orphan)).toMatchObject({ status: 'orphan', quote: null, note: 'orphan' })

    // Opening the document refreshes the moved ones (persisted); fuzzy and orphan wait for the reader.
    expect((await ok(api.annotations.reanchor({ docId: 'doc-a' }))).counts).toEqual({ anchored: 0, moved: 2, fuzzy: 1, orphan: 1, note: 0 })
    expect((await ok(api.annotations.reanchor({ docId: 'doc-a' }))).counts).toEqual({ anchored: 2, moved: 0, fuzzy: 1, orphan: 1, note: 0 })

    const fuzzy = status(ids.fuzzy)
    expect(await error(handlers, 'annotations:confirm', { id: ids.fuzzy, start: fuzzy.start! + 1, end: fuzzy.end! })).toMatch(/^conflict/)
    const confirmed = await ok(api.annotations.confirm({ id: ids.fuzzy, start: fuzzy.start!, end: fuzzy.end! }))
    expect(confirmed.anchor).toMatchObject({ status: 'anchored', quote: 'gouvernance partagée des communs numériques' })

    const reattached = await ok(api.annotations.reattach({ id: ids.orphan, ...(await select('doc-a', 'rendre aux collectifs')) }))
    expect(reattached.anchor).toMatchObject({ status: 'anchored', quote: 'rendre aux collectifs' })
    expect(reattached.annotation.body.note).toBe('orphan')

    const note = await ok(api.annotations.detach({ id: ids.end }))
    expect(note).toMatchObject({ anchor: { status: 'note' }, annotation: { target: null, detachedQuote: 'maîtrise de leurs outils', body: { note: 'end' } } })
    expect((await ok(api.annotations.reanchor({ docId: 'doc-a' }))).counts).toEqual({ anchored: 3, moved: 0, fuzzy: 0, orphan: 0, note: 1 })
  })

  it('a document removed from the pack leaves its annotations as orphans, listed, never deleted', async () => {
    const first = await setup()
    await ok(first.api.annotations.create({ docId: 'doc-b', ...(await first.select('doc-b', 'logiciel libre')), color: 'blue' }))
    const pack = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'A' }, EDITION_1) })
    const again = await setup(EDITION_1, { pack, data: first.data })
    const [report] = await ok(again.api.annotations.check({}))
    expect(report).toMatchObject({ docId: 'doc-b', docVersion: null, counts: { orphan: 1 } })
    expect((await ok(again.api.annotations.list({ statuses: ['orphan'] }))).items[0]!.anchor).toMatchObject({ reason: 'document-missing' })
  })

  it('a second process (the CLI) and the app see each other’s changes', async () => {
    const app = await setup()
    const cli = await setup(EDITION_1, { pack: app.pack, data: app.data })
    const seen: [string, unknown][] = []
    app.services.bus.subscribe((name, payload) => seen.push([name, payload]))
    const v = await ok(cli.api.annotations.create({ docId: 'doc-a', ...(await cli.select('doc-a', 'salariés')), color: 'blue' }))
    expect((await ok(app.api.annotations.get({ id: v.annotation.id }))).annotation).toEqual(v.annotation)
    expect(seen).toContainEqual(['annotations.changed', { docIds: ['doc-a'] }])
    await ok(app.api.annotations.update({ id: v.annotation.id, note: 'vu dans l’app' }))
    expect((await ok(cli.api.annotations.get({ id: v.annotation.id }))).annotation.body.note).toBe('vu dans l’app')
  })
})
