import { describe, expect, it } from 'vitest'
import { createServices } from '../services'
import type { Services } from '../services'
import { createHandlers } from '../handlers'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { doc, tempDir, writePack } from '../testing/temp-pack'
import type { SearchResponse, SectionHit } from '../../shared/search/types'
import type { ColorId } from '../../shared/annotations/model'
import type { ParsedListQuery } from '../../shared/annotations/query'
import { inProcessClient } from '../../shared/api/in-process'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { notesCacheDir } from './notes-source'
import { MANIFEST_FILE } from './notes-cache'

const PACK = {
  'cas/framasoft.md': doc(
    { id: 'cas-framasoft', kind: 'cas', title: 'Framasoft', tags: ['logiciel-libre', 'associations'], organisation: { name: 'Framasoft', legalForm: 'association loi 1901', founded: '2004', website: 'https://framasoft.org' } },
    '## Qui\n\nFramasoft est une association d’éducation populaire.\n\n## Gouvernance\n\nL’association décide en collège ; la coopérative n’est pas sa forme.\n',
  ),
  'articles/scic.md': doc({ id: 'article-scic', title: 'La SCIC', tags: ['cooperatives'] }, '## Statut\n\nLa société coopérative d’intérêt collectif associe salariés et usagers.\n\n## Économie\n\nL’économie sociale et solidaire reconnaît la mutualisation.\n'),
}

async function setup(dirs?: { contentDir: string; dataDir: string }, log = memoryLogger()): Promise<Services> {
  const { contentDir, dataDir } = dirs ?? { contentDir: await writePack(PACK), dataDir: await tempDir() }
  return createServices({ contentDir, dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log, openUrl: recordingOpener(), appVersion: 'test' })
}

/** Each notes shard file and its inode: a file rebuilt is a new file (written aside, then renamed). */
async function notesFiles(dataDir: string): Promise<Record<string, number>> {
  const dir = notesCacheDir(dataDir)
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json') && n !== MANIFEST_FILE).sort()
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await stat(join(dir, n))).ino] as const)))
}

/** Highlights `passage` (its first occurrence) in a document through the handler table, as the UI does. */
async function annotate(s: Services, docId: string, passage: string, color: ColorId, note = '', tags: string[] = []): Promise<string> {
  const text = s.library.get(docId).text
  const start = text.indexOf(passage)
  if (start < 0) throw new Error(`"${passage}" is not in ${docId}`)
  const r = await inProcessClient(createHandlers(s)).annotations.create({ docId, start, end: start + passage.length, color, note, tags })
  if (!r.ok) throw new Error(r.error.message)
  return r.value.annotation.id
}

async function search(s: Services, q: string, more: Record<string, unknown> = {}): Promise<SearchResponse> {
  const r = await inProcessClient(createHandlers(s)).search.query({ q, ...more })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** A first run: a note on each document of the pack, in a data dir of its own. */
async function twoNotes(noteOnCollege = 'Comparer aux sociétaires.'): Promise<{ dirs: { contentDir: string; dataDir: string }; s: Services; a: string; b: string }> {
  const dirs = { contentDir: await writePack(PACK), dataDir: await tempDir() }
  const s = await setup(dirs)
  const a = await annotate(s, 'article-scic', 'associe salariés et usagers', 'yellow', 'Relire avec la fédération.')
  const b = await annotate(s, 'cas-framasoft', 'décide en collège', 'blue', noteOnCollege)
  return { dirs, s, a, b }
}

const hits = (r: SearchResponse): SectionHit[] => r.groups.flatMap((g) => g.sections)
const noteIds = (r: SearchResponse): string[] => hits(r).flatMap((h) => (h.note ? [h.note.annotationId] : []))

describe('notes and quotes in the global search', () => {
  it('finds a note by its words (stemmed, accents ignored), tells where it is and merges it with the texts', async () => {
    const s = await setup()
    const id = await annotate(s, 'cas-framasoft', 'décide en collège', 'blue', 'Comparer avec les **sociétaires** d’une SCIC ?', ['gouvernance'])
    const r = await search(s, 'societaire')
    expect(noteIds(r)).toEqual([id])
    const hit = hits(r)[0]!
    expect(hit).toMatchObject({ source: 'annotations', docId: 'cas-framasoft', sectionId: 'gouvernance', path: ['Gouvernance'] })
    expect(hit.note).toMatchObject({ color: 'blue', label: 'Question', status: 'anchored', tags: ['gouvernance'] })
    expect(hit.note!.quote.text).toBe('décide en collège')
    expect(hit.note!.note!.text).toBe('Comparer avec les sociétaires d’une SCIC ?')
    const marked = hit.note!.note!.marks.map(([a, b]) => hit.note!.note!.text.slice(a, b))
    expect(marked).toEqual(['sociétaires'])
    // A word of both the texts and a quote: the texts' sections and the note come back together.
    const both = await search(s, 'collège')
    expect(hits(both).map((h) => h.source).sort()).toEqual(['annotations', 'library'])
    expect(both.total).toEqual({ documents: 1, sections: 2, bySource: { library: 1, annotations: 1, answers: 0 } })
  })

  it('in:notes keeps only notes, in:textes only the texts', async () => {
    const s = await setup()
    const id = await annotate(s, 'article-scic', 'associe salariés et usagers', 'green', 'Un exemple de multisociétariat.')
    expect(noteIds(await search(s, 'usagers in:notes'))).toEqual([id])
    expect(hits(await search(s, 'usagers in:notes')).every((h) => h.source === 'annotations')).toBe(true)
    expect(hits(await search(s, 'usagers in:textes')).map((h) => h.source)).toEqual(['library'])
    // With no word, in:notes lists every note, in reading order (the library's, then the text's).
    const later = await annotate(s, 'article-scic', 'reconnaît la mutualisation', 'yellow')
    const other = await annotate(s, 'cas-framasoft', 'association d’éducation populaire', 'yellow')
    expect(s.library.list().map((d) => d.id)).toEqual(['article-scic', 'cas-framasoft'])
    expect(noteIds(await search(s, 'in:notes', { perDocument: 5 }))).toEqual([id, later, other])
  })

  it('the sources facet keeps the texts or the notes, its counts made before it', async () => {
    const s = await setup()
    const id = await annotate(s, 'article-scic', 'associe salariés et usagers', 'green', 'Les usagers comptent double.')
    const all = await search(s, 'usagers')
    expect(all.facets.sources).toEqual([{ value: 'library', count: 1 }, { value: 'annotations', count: 1 }])
    const notesOnly = await search(s, 'usagers', { sources: ['annotations'] })
    expect(hits(notesOnly).map((h) => h.note?.annotationId ?? h.source)).toEqual([id])
    expect(notesOnly.facets.sources).toEqual(all.facets.sources)
    expect(notesOnly.total).toEqual({ documents: 1, sections: 1, bySource: { annotations: 1 } })
    const textsOnly = await search(s, 'usagers', { sources: ['library'] })
    expect(hits(textsOnly).map((h) => h.source)).toEqual(['library'])
    expect(await createHandlers(s)['search:query']({ q: 'usagers', sources: ['web'] })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  })

  it('couleur: takes the label, the colour name or its id, accents and case ignored', async () => {
    const s = await setup()
    const q = await annotate(s, 'cas-framasoft', 'association d’éducation populaire', 'blue', 'Quelle éducation populaire ?')
    const v = await annotate(s, 'article-scic', 'société coopérative', 'orange', 'Source de la définition ?')
    const c = await annotate(s, 'article-scic', 'reconnaît la mutualisation', 'purple')
    expect(noteIds(await search(s, 'couleur:question'))).toEqual([q])
    expect(noteIds(await search(s, 'couleur:bleu'))).toEqual([q])
    expect(noteIds(await search(s, 'couleur:blue'))).toEqual([q])
    expect(noteIds(await search(s, 'couleur:"à vérifier"'))).toEqual([v])
    expect(noteIds(await search(s, 'couleur:A-VERIFIER'))).toEqual([v])
    expect(noteIds(await search(s, 'in:notes -couleur:question')).sort()).toEqual([v, c].sort())
    // A colour filter leaves the texts out (they have no colour) but keeps the query's words.
    const r = await search(s, 'source couleur:orange')
    expect(noteIds(r)).toEqual([v])
    expect(hits(r).every((h) => h.source === 'annotations')).toBe(true)
    expect(noteIds(await search(s, 'éducation couleur:orange'))).toEqual([])
    // Renamed labels are what couleur: answers to next.
    await s.annotations.setLabels({ blue: 'Piste de recherche' })
    expect(noteIds(await search(s, 'couleur:"piste de recherche"'))).toEqual([q])
    expect(hits(await search(s, 'couleur:question'))).toEqual([])
  })

  it('a couleur: that names no colour finds no note and says so', async () => {
    const s = await setup()
    await annotate(s, 'cas-framasoft', 'association d’éducation populaire', 'blue', 'Quelle éducation populaire ?')
    const r = await search(s, 'éducation couleur:fuchsia')
    expect(r.notice).toEqual({ code: 'unknown-color', near: 'couleur:fuchsia' })
    expect(noteIds(r)).toEqual([])
  })

  it('tag: applies to the note’s own tags; type: and facets to its document', async () => {
    const s = await setup()
    const a = await annotate(s, 'cas-framasoft', 'association d’éducation populaire', 'green', 'Une piste.', ['communs'])
    const b = await annotate(s, 'article-scic', 'société coopérative', 'green', 'Une autre piste.', ['statuts'])
    expect(noteIds(await search(s, 'piste tag:communs'))).toEqual([a])
    expect(noteIds(await search(s, 'in:notes tag:statuts'))).toEqual([b])
    // A tag word is found like the other words of a note.
    expect(noteIds(await search(s, 'statuts in:notes'))).toEqual([b])
    expect(noteIds(await search(s, 'piste type:cas'))).toEqual([a])
    const faceted = await search(s, 'piste', { kinds: ['article'] })
    expect(noteIds(faceted)).toEqual([b])
    expect(faceted.facets.kinds.map((k) => k.value).sort()).toEqual(['article', 'cas'])
    expect(noteIds(await search(s, 'piste', { tags: ['logiciel-libre'] }))).toEqual([a])
  })

  it('a note is not found through its document’s title alone, unless titre: asks for it', async () => {
    const s = await setup()
    const id = await annotate(s, 'cas-framasoft', 'décide en collège', 'yellow', 'Le collège solidaire.')
    expect(noteIds(await search(s, 'framasoft'))).toEqual([])
    expect(noteIds(await search(s, 'titre:framasoft in:notes'))).toEqual([id])
    expect(noteIds(await search(s, 'framasoft solidaire'))).toEqual([id])
  })

  it('follows every change: edits, deletions, restores', async () => {
    const s = await setup()
    const h = inProcessClient(createHandlers(s))
    const id = await annotate(s, 'article-scic', 'associe salariés et usagers', 'yellow', 'Premier jet.')
    expect(noteIds(await search(s, 'jet'))).toEqual([id])
    expect(await h.annotations.update({ id, note: 'Relu avec la fédération.' })).toMatchObject({ ok: true })
    expect(noteIds(await search(s, 'jet'))).toEqual([])
    expect(noteIds(await search(s, 'fédération'))).toEqual([id])
    const removed = await h.annotations.delete({ id })
    expect(removed.ok).toBe(true)
    expect(noteIds(await search(s, 'fédération'))).toEqual([])
    if (!removed.ok) return
    expect(await h.annotations.restore({ annotation: removed.value })).toMatchObject({ ok: true })
    expect(noteIds(await search(s, 'fédération'))).toEqual([id])
  })

  it('an orphan stays findable by its old passage, with its status', async () => {
    const s = await setup()
    const id = await annotate(s, 'article-scic', 'associe salariés et usagers', 'yellow', 'À citer.')
    // Same passage, but its anchor says it is lost: a document-level note keeps the quote for display.
    expect(await inProcessClient(createHandlers(s)).annotations.detach({ id })).toMatchObject({ ok: true })
    const hit = hits(await search(s, 'usagers in:notes'))[0]!
    expect(hit.note).toMatchObject({ annotationId: id, status: 'note' })
    expect(hit.note!.quote.text).toBe('associe salariés et usagers')
    expect(hit.sectionId).toBe('')
  })

  it('keeps the notes’ indexes on disk: a restart reads them, a change rebuilds only its document’s, a bad file is rebuilt with a log line', async () => {
    const { dirs, s, a, b } = await twoNotes()
    expect(noteIds(await search(s, 'fédération'))).toEqual([a])
    await s.close()
    const files = await notesFiles(dirs.dataDir)
    expect(Object.keys(files)).toEqual(['article-scic~0.json', 'cas-framasoft~0.json'])

    const restarted = await setup(dirs)
    expect(noteIds(await search(restarted, 'sociétaires'))).toEqual([b])
    expect(await notesFiles(dirs.dataDir)).toEqual(files)
    // An edit rebuilds that document's notes only.
    expect(await createHandlers(restarted)['annotations:update']({ id: b, note: 'Comparer aux coopérateurs.' })).toMatchObject({ ok: true })
    expect(noteIds(await search(restarted, 'coopérateurs'))).toEqual([b])
    const after = await notesFiles(dirs.dataDir)
    expect(after['article-scic~0.json']).toBe(files['article-scic~0.json'])
    expect(after['cas-framasoft~0.json']).not.toBe(files['cas-framasoft~0.json'])
    await restarted.close()

    await writeFile(join(notesCacheDir(dirs.dataDir), 'article-scic~0.json'), '{"format":1,"fingerprint":"x","index":')
    const log = memoryLogger()
    const third = await setup(dirs, log)
    expect(noteIds(await search(third, 'fédération'))).toEqual([a])
    expect(log.entries.some((e) => e.level === 'warn' && e.message.includes('article-scic~0.json'))).toBe(true)
    expect((await notesFiles(dirs.dataDir))['cas-framasoft~0.json']).toBe(after['cas-framasoft~0.json'])
    // Deleting a document's last note drops its file.
    expect(await createHandlers(third)['annotations:delete']({ id: a })).toMatchObject({ ok: true })
    expect(noteIds(await search(third, 'fédération'))).toEqual([])
    expect(Object.keys(await notesFiles(dirs.dataDir))).toEqual(['cas-framasoft~0.json'])
    await third.close()
  })

  /** Records every listing the notes source asks of the annotation service (the real one answers). */
  function listings(s: Services): ParsedListQuery[] {
    const calls: ParsedListQuery[] = []
    const list = s.annotations.list.bind(s.annotations)
    s.annotations.list = (q) => (calls.push(q), list(q))
    return calls
  }

  it('a restart on an unchanged store reads every shard from its file: no note listed, the same hits', async () => {
    const dirs = { contentDir: await writePack(PACK), dataDir: await tempDir() }
    const s = await setup(dirs)
    const a = await annotate(s, 'article-scic', 'associe salariés et usagers', 'green', 'Relire **avec** la fédération.', ['statuts'])
    await annotate(s, 'cas-framasoft', 'décide en collège', 'blue', 'Relire le collège.')
    await inProcessClient(createHandlers(s)).annotations.detach({ id: a })
    const queries = ['relire', 'in:notes couleur:question', 'usagers tag:statuts', 'collège']
    const before = await Promise.all(queries.map((q) => search(s, q)))
    await s.close()

    const log = memoryLogger()
    const restarted = await setup(dirs, log)
    const calls = listings(restarted)
    const after = await Promise.all(queries.map((q) => search(restarted, q)))
    expect(after.map((r) => r.groups)).toEqual(before.map((r) => r.groups))
    expect(noteIds(after[0]!)).toHaveLength(2)
    expect(calls).toEqual([])
    expect(log.entries.filter((e) => e.level === 'warn')).toEqual([])
    // A change is followed as before: its document is listed alone.
    await annotate(restarted, 'cas-framasoft', 'association d’éducation populaire', 'yellow', 'Relire encore.')
    expect(noteIds(await search(restarted, 'encore'))).toHaveLength(1)
    expect(calls.map((q) => q.docId)).toEqual(['cas-framasoft'])
    await restarted.close()
  })

  it('a store changed by another process while the app was closed: every note is listed, no deleted note or old version is found, unchanged shards are read', async () => {
    const { dirs, s, a, b } = await twoNotes()
    const c = await annotate(s, 'cas-framasoft', 'association d’éducation populaire', 'green', 'Une piste mutualiste.')
    expect(noteIds(await search(s, 'sociétaires mutualiste'))).toEqual([])
    expect(noteIds(await search(s, 'mutualiste'))).toEqual([c])
    await s.close()
    const files = await notesFiles(dirs.dataDir)

    // The CLI (the same services, another process) edits one note and deletes another; it searches nothing.
    const cli = await setup(dirs)
    const h = inProcessClient(createHandlers(cli))
    expect(await h.annotations.update({ id: b, note: 'Comparer aux coopérateurs.' })).toMatchObject({ ok: true })
    expect(await h.annotations.delete({ id: c })).toMatchObject({ ok: true })
    await cli.close()

    const log = memoryLogger()
    const restarted = await setup(dirs, log)
    const calls = listings(restarted)
    expect(noteIds(await search(restarted, 'sociétaires'))).toEqual([])
    expect(noteIds(await search(restarted, 'mutualiste'))).toEqual([])
    expect(noteIds(await search(restarted, 'coopérateurs'))).toEqual([b])
    expect(noteIds(await search(restarted, 'fédération'))).toEqual([a])
    expect(calls).toHaveLength(1) // one listing of every note
    expect(calls[0]!.docId).toBeUndefined()
    const after = await notesFiles(dirs.dataDir)
    expect(after['article-scic~0.json']).toBe(files['article-scic~0.json'])
    expect(after['cas-framasoft~0.json']).not.toBe(files['cas-framasoft~0.json'])
    expect(log.entries.filter((e) => e.level === 'warn')).toEqual([])
    await restarted.close()
  })

  it('a shard file edited by hand or a torn manifest is rebuilt, named in the log, and the hits stay right', async () => {
    const { dirs, s, a } = await twoNotes()
    expect(noteIds(await search(s, 'fédération'))).toEqual([a])
    await s.close()
    const dir = notesCacheDir(dirs.dataDir)
    const files = await notesFiles(dirs.dataDir)

    // Valid JSON, same fingerprint, a colour that does not exist: not used.
    const path = join(dir, 'article-scic~0.json')
    const shard = JSON.parse(await readFile(path, 'utf8')) as { notes: { color: string }[] }
    shard.notes[0]!.color = 'fuchsia'
    await writeFile(path, JSON.stringify(shard))
    const log = memoryLogger()
    const restarted = await setup(dirs, log)
    const calls = listings(restarted)
    expect(hits(await search(restarted, 'fédération')).map((x) => x.note?.color)).toEqual(['yellow'])
    expect(log.entries.filter((e) => e.level === 'warn').map((e) => e.message)).toEqual([expect.stringContaining(`${path} is unusable`)])
    expect(calls.map((q) => q.docId)).toEqual(['article-scic']) // that document alone
    const after = await notesFiles(dirs.dataDir)
    expect(after['article-scic~0.json']).not.toBe(files['article-scic~0.json'])
    expect(after['cas-framasoft~0.json']).toBe(files['cas-framasoft~0.json'])
    await restarted.close()

    await writeFile(join(dir, MANIFEST_FILE), '{"format":3,"version":"test","revis')
    const log2 = memoryLogger()
    const third = await setup(dirs, log2)
    expect(noteIds(await search(third, 'fédération'))).toEqual([a])
    expect(log2.entries.filter((e) => e.level === 'warn').map((e) => e.message)).toEqual([expect.stringContaining(`${join(dir, MANIFEST_FILE)} is unusable`)])
    expect(await notesFiles(dirs.dataDir)).toEqual(after)
    await third.close()
  })

  it('a quote over a footnote call is shown without it, after a restart too (the cuts are kept in the shard file)', async () => {
    const contentDir = await writePack({ ...PACK, 'articles/sources.md': doc({ id: 'article-sources', title: 'Sources' }, '## Un\n\nLe collectif agit[^1] vite et bien.\n\n[^1]: Une source.\n') })
    const dirs = { contentDir, dataDir: await tempDir() }
    const s = await setup(dirs)
    const id = await annotate(s, 'article-sources', 'collectif agit1 vite', 'green', 'Relire la source.')
    const quoteOf = async (x: Services): Promise<string | undefined> => hits(await search(x, 'relire in:notes')).find((h) => h.note?.annotationId === id)?.note?.quote.text
    expect(await quoteOf(s)).toBe('collectif agit vite')
    await s.close()
    const restarted = await setup(dirs)
    const calls = listings(restarted)
    expect(await quoteOf(restarted)).toBe('collectif agit vite')
    expect(calls).toEqual([])
    await restarted.close()
  })

  it('a document edited while the app was closed: its notes alone are listed and placed anew, the others read', async () => {
    const { dirs, s, a, b } = await twoNotes('Relire le collège.')
    expect(noteIds(await search(s, 'fédération'))).toEqual([a])
    await s.close()
    const path = join(dirs.contentDir, 'articles/scic.md')
    await writeFile(path, (await readFile(path, 'utf8')).replace('## Statut\n\n', '## Statut\n\nUn paragraphe ajouté avant le passage.\n\n'))

    const restarted = await setup(dirs)
    const calls = listings(restarted)
    const after = hits(await search(restarted, 'fédération'))[0]!
    expect(after.note).toMatchObject({ annotationId: a, quote: { text: 'associe salariés et usagers' } })
    expect(after.note!.status).not.toBe('orphan')
    expect(calls.map((q) => q.docId)).toEqual(['article-scic'])
    expect(noteIds(await search(restarted, 'collège in:notes'))).toEqual([b])
    await restarted.close()
  })
})
