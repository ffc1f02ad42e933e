/**
 * A new version of an imported file (issue #17, item 4): kept in the data dir until « Mettre à
 * jour », so a restart does not lose it; and found by itself when the file changed at the path it
 * was imported from (dialog, `cli add`), at start-up and when the document is opened.
 */
import { describe, expect, it } from 'vitest'
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
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
import { pendingVersions } from './pending-versions'

const b64 = (s: string): string => Buffer.from(s).toString('base64')
const V1 = '# Compte rendu\n\nLa coopérative mutualise ses serveurs à Brest.\n\nLe bureau se réunit en juin.\n'
const V2 = '# Compte rendu\n\nUn paragraphe ajouté au début.\n\nLa coopérative mutualise ses serveurs à Brest.\n\nLe bureau se réunit en juin.\n'

interface Opened {
  s: Services
  api: PasserellesApi
  log: ReturnType<typeof memoryLogger>
}

async function dirs(): Promise<{ contentDir: string; dataDir: string; files: string }> {
  const contentDir = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Les coopératives' }, '## Statut\n\nUne coopérative.\n') })
  return { contentDir, dataDir: await tempDir(), files: await tempDir() }
}

async function open(contentDir: string, dataDir: string, o: { chosen?: readonly string[]; watch?: boolean } = {}): Promise<Opened> {
  const log = memoryLogger()
  const s = await createServices({
    contentDir, dataDir, clock: fixedClock('2026-12-01T10:00:00Z'), log, openUrl: recordingOpener(), appVersion: 'test',
    watchDocuments: o.watch ?? false, chooseFiles: async () => o.chosen ?? null,
  })
  return { s, api: inProcessClient(createHandlers(s)), log }
}

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** Imports `path` through the open dialog; the new document's id. */
async function addByDialog(o: Opened): Promise<string> {
  const item = value(await o.api.documents.add({}))?.items[0]
  if (!item?.ok) throw new Error(`not imported: ${JSON.stringify(item)}`)
  return item.id
}

describe('new versions of imported files', () => {
  it('a new version offered by an import is kept across a restart, then « Mettre à jour » replaces the document and re-anchors its notes', async () => {
    const { contentDir, dataDir } = await dirs()
    const a = await open(contentDir, dataDir)
    const first = value(await a.api.documents.importFiles({ files: [{ name: 'cr.md', base64: b64(V1) }] }))
    const id = first.items[0]!.ok ? first.items[0]!.id : ''
    const text = a.s.reader.get(id).text
    const quote = 'mutualise ses serveurs'
    value(await a.api.annotations.create({ docId: id, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, color: 'blue', note: 'Important', tags: [] }))
    const offered = value(await a.api.documents.importFiles({ files: [{ name: 'cr.md', base64: b64(V2) }] })).items[0]!
    const token = !offered.ok ? offered.versionToken : undefined
    expect(token).toMatch(/^[0-9a-f-]{36}$/)
    expect((await readdir(join(dataDir, 'documents', id, 'new-version'))).sort()).toEqual(['document.md', 'original.md', 'version.json'])
    await a.s.close()

    const b = await open(contentDir, dataDir)
    expect(value(await b.api.documents.newVersions({}))).toEqual([{ id, versionToken: token, name: 'cr.md', format: 'markdown', origin: 'import', detectedAt: '2026-12-01T10:00:00.000Z' }])
    const replaced = value(await b.api.documents.replace({ id, versionToken: token! }))
    expect(replaced.annotations.counts).toMatchObject({ moved: 1, orphan: 0 })
    expect(b.s.reader.get(id).text).toContain('Un paragraphe ajouté au début.')
    expect(value(await b.api.documents.newVersions({}))).toEqual([])
    expect(await readdir(join(dataDir, 'documents', id))).not.toContain('new-version')
    await b.s.close()
  })

  it('one new version per document, the newest: an older token is refused, and removing the document removes it', async () => {
    const { contentDir, dataDir } = await dirs()
    const o = await open(contentDir, dataDir)
    const id = ((r) => (r.items[0]!.ok ? r.items[0]!.id : ''))(value(await o.api.documents.importFiles({ files: [{ name: 'cr.md', base64: b64(V1) }] })))
    const tokenOf = async (text: string): Promise<string> => {
      const item = value(await o.api.documents.importFiles({ files: [{ name: 'cr.md', base64: b64(text) }] })).items[0]!
      return !item.ok && item.versionToken ? item.versionToken : ''
    }
    const older = await tokenOf(V2)
    const newer = await tokenOf(`${V2}\nEncore une ligne.\n`)
    expect(value(await o.api.documents.newVersions({})).map((v) => v.versionToken)).toEqual([newer])
    const refused = await o.api.documents.replace({ id, versionToken: older })
    expect(refused.ok ? null : refused.error.code).toBe('not-found')
    expect(o.s.reader.get(id).text).not.toContain('ajouté')
    value(await o.api.documents.remove({ id }))
    expect(value(await o.api.documents.newVersions({}))).toEqual([])
    await o.s.close()
  })

  it('a file imported from a path and changed there is offered when the document is opened; a touch without change, a missing file or a dropped file offer nothing', async () => {
    const { contentDir, dataDir, files } = await dirs()
    const path = join(files, 'compte-rendu.md')
    await writeFile(path, V1)
    const o = await open(contentDir, dataDir, { chosen: [path] })
    const id = await addByDialog(o)
    expect(o.s.documents.store.get(id)?.record.source).toMatchObject({ path, size: Buffer.byteLength(V1) })
    expect(value(await o.api.documents.newVersions({ id }))).toEqual([])

    // Touched (same bytes, another time): nothing offered, the new time remembered.
    await utimes(path, new Date('2026-12-03T08:00:00Z'), new Date('2026-12-03T08:00:00Z'))
    expect(value(await o.api.documents.newVersions({ id }))).toEqual([])
    expect(o.s.documents.store.get(id)?.record.source?.mtimeMs).toBe(Date.parse('2026-12-03T08:00:00Z'))

    await writeFile(path, V2)
    const found = value(await o.api.documents.newVersions({ id }))
    expect(found).toEqual([{ id, versionToken: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'compte-rendu.md', format: 'markdown', origin: 'source', detectedAt: '2026-12-01T10:00:00.000Z' }])
    // Asked again (the document opened twice): the same version, not converted again.
    expect(value(await o.api.documents.newVersions({ id }))).toEqual(found)
    expect(o.log.entries.filter((e) => e.message.includes('a new version of')).length).toBe(1)

    const replaced = value(await o.api.documents.replace({ id, versionToken: found[0]!.versionToken }))
    expect(replaced.document.source).toMatchObject({ path, size: Buffer.byteLength(V2) })
    expect(o.s.reader.get(id).text).toContain('Un paragraphe ajouté au début.')
    expect(value(await o.api.documents.newVersions({ id }))).toEqual([])

    await rm(path)
    expect(value(await o.api.documents.newVersions({ id }))).toEqual([])
    const dropped = value(await o.api.documents.importFiles({ files: [{ name: 'depose.md', base64: b64('# Déposé\n\nTexte.\n') }] })).items[0]!
    expect(dropped.ok && o.s.documents.store.get(dropped.id)?.record.source).toBeUndefined()
    await o.s.close()
  })

  it('a file changed at its path into something that cannot be imported offers nothing and says why in the log', async () => {
    const { contentDir, dataDir, files } = await dirs()
    const md = join(files, 'notes.md')
    await writeFile(md, V1)
    const o = await open(contentDir, dataDir, { chosen: [md] })
    const id = await addByDialog(o)
    // Binary bytes under the .md name: the converter refuses them.
    await writeFile(md, Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x01]))
    expect(value(await o.api.documents.newVersions({ id }))).toEqual([])
    expect(o.log.entries.some((e) => e.message.includes(`${md} changed but cannot be imported`))).toBe(true)
    expect(o.s.reader.get(id).text).toContain('mutualise ses serveurs')
    await o.s.close()
  })

  it('at start-up, the app checks the files imported from a path (importPaths, as `cli add` does) and keeps what changed as a new version', async () => {
    const { contentDir, dataDir, files } = await dirs()
    const path = join(files, 'terrain.md')
    await writeFile(path, V1)
    const cli = await open(contentDir, dataDir)
    expect((await cli.s.documents.importPaths([path])).items.map((i) => i.ok)).toEqual([true])
    await cli.s.close()
    await writeFile(path, V2)

    const app = await open(contentDir, dataDir, { watch: true })
    await app.s.close() // waits for the start-up check
    const id = app.s.documents.store.list()[0]!.record.id
    const version = JSON.parse(await readFile(join(dataDir, 'documents', id, 'new-version', 'version.json'), 'utf8')) as { origin: string; source: { path: string } }
    expect(version).toMatchObject({ origin: 'source', source: { path } })
    const later = await open(contentDir, dataDir)
    expect(value(await later.api.documents.newVersions({})).map((v) => [v.id, v.origin])).toEqual([[id, 'source']])
    await later.s.close()
  })

  it('two new versions of one document written at once (the app and the CLI) leave one of them whole, and only its token serves', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'mien-cr-0123456789'), { recursive: true })
    const pending = pendingVersions(dir, memoryLogger())
    const put = (text: string) =>
      pending.put('mien-cr-0123456789', { name: 'cr.md', hash: createHash('sha256').update(text).digest('hex'), format: 'markdown', origin: 'source', detectedAt: '2026-12-01T10:00:00.000Z' }, new TextEncoder().encode(text), 'md', `# ${text}\n`)
    const entries = await Promise.all(['version A', 'version B', 'version C', 'version D'].map(put))
    const kept = await pending.get('mien-cr-0123456789')
    const winner = entries.find((e) => e.versionToken === kept?.versionToken)
    expect(winner).toBeDefined()
    const taken = await pending.take('mien-cr-0123456789', winner!.versionToken)
    expect(taken && createHash('sha256').update(taken.original).digest('hex')).toBe(winner!.hash)
    expect(taken?.markdown).toBe(`# ${new TextDecoder().decode(taken!.original)}\n`)
    for (const e of entries) if (e !== winner) expect(await pending.take('mien-cr-0123456789', e.versionToken)).toBeNull()
    expect((await readdir(join(dir, 'mien-cr-0123456789'))).sort()).toEqual(['new-version'])
  })
})
