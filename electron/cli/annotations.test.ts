import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { main } from './main'
import { createServices } from '../services/services'
import { createHandlers } from '../services/handlers'
import { fixedClock } from '../services/platform/clock'
import { memoryLogger } from '../services/platform/log'
import { recordingOpener } from '../services/platform/external-opener'
import { doc, tempDir, writePack } from '../services/testing/temp-pack'
import type { AnchorReport } from '../shared/annotations/reanchor'
import { inProcessClient, valueOf } from '../shared/api/in-process'

const BODY = 'Le logiciel libre et l’ESS partagent une intuition.\n\nLa gouvernance partagée des comuns numériques reste à inventer.\n\nUne conclusion.'
const EDITED = 'Un ajout.\n\nLe logiciel libre et l’ESS partagent une intuition.\n\nLa gouvernance partagée des communs numériques reste à inventer.'

function capture() {
  let out = ''
  let err = ''
  return { io: { out: { write: (s: string) => void (out += s) }, err: { write: (s: string) => void (err += s) } }, out: () => out, err: () => err }
}

/** A data dir with three annotations on edition 1, and edition 2 of the pack beside it. */
async function fixture() {
  const v1 = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Premier' }, BODY) })
  const v2 = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Premier' }, EDITED) })
  const data = await tempDir()
  const services = await createServices({ contentDir: v1, dataDir: data, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: '0' })
  const api = inProcessClient(createHandlers(services))
  const text = valueOf(await api.library.get({ id: 'doc-a' })).text
  for (const quote of ['logiciel libre', 'comuns numériques', 'Une conclusion']) {
    const start = text.indexOf(quote)
    const r = await api.annotations.create({ docId: 'doc-a', start, end: start + quote.length, color: 'blue', note: quote })
    expect(r.ok).toBe(true)
  }
  await services.close()
  return { v1, v2, data }
}

describe('cli: annotations', () => {
  it('check prints what a new edition does to the notes (table, then --json details)', async () => {
    const { v2, data } = await fixture()
    const t = capture()
    expect(await main(['annotations', 'check', '--content-dir', v2, '--data-dir', data], t.io)).toBe(0)
    expect(t.out()).toMatch(/^document\s+anchored\s+moved\s+fuzzy\s+orphan\s+notes\s+title/)
    expect(t.out()).toMatch(/doc-a\s+0\s+1\s+1\s+1\s+0\s+Premier/)
    expect(t.out()).toContain('1 moved, 1 to confirm (fuzzy), 1 orphan(s)')
    const j = capture()
    expect(await main(['annotations', 'check', '--json', '--content-dir', v2, '--data-dir', data], j.io)).toBe(0)
    const [report] = JSON.parse(j.out()) as AnchorReport[]
    expect(report!.items.map((i) => [i.status, i.oldQuote, i.quote])).toEqual([
      ['moved', 'logiciel libre', 'logiciel libre'],
      ['fuzzy', 'comuns numériques', 'communs numériques'],
      ['orphan', 'Une conclusion', null],
    ])
  })

  it('check changes nothing: the same data dir still anchors on edition 1', async () => {
    const { v1, v2, data } = await fixture()
    expect(await main(['annotations', 'check', '--content-dir', v2, '--data-dir', data], capture().io)).toBe(0)
    const t = capture()
    expect(await main(['annotations', 'check', '--content-dir', v1, '--data-dir', data], t.io)).toBe(0)
    expect(t.out()).toMatch(/doc-a\s+3\s+0\s+0\s+0\s+0/)
  })

  it('exports W3C JSON to stdout or a file, and imports it elsewhere', async () => {
    const { v1, data } = await fixture()
    const out = capture()
    expect(await main(['annotations', 'export', '--format', 'json', '--content-dir', v1, '--data-dir', data], out.io)).toBe(0)
    expect(JSON.parse(out.out())).toMatchObject({ type: 'AnnotationCollection', total: 3 })
    const file = join(await tempDir(), 'notes.json')
    expect(await main(['annotations', 'export', '--out', file, '--content-dir', v1, '--data-dir', data], capture().io)).toBe(0)
    const items = (json: string): unknown => (JSON.parse(json) as { first: { items: unknown } }).first.items
    expect(items(await readFile(file, 'utf8'))).toEqual(items(out.out()))
    const other = await tempDir()
    const imp = capture()
    expect(await main(['annotations', 'import', file, '--content-dir', v1, '--data-dir', other], imp.io)).toBe(0)
    expect(imp.out()).toMatch(/3 added, 0 updated, 0 already present \(of 3\)/)
    const again = capture()
    expect(await main(['annotations', 'import', file, '--content-dir', v1, '--data-dir', other], again.io)).toBe(0)
    expect(again.out()).toMatch(/0 added, 0 updated, 3 already present/)
  })

  it('a bad import file gets a clear error, exit 1, and imports nothing', async () => {
    const { v1 } = await fixture()
    const data = await tempDir()
    const bad = join(data, 'bad.json')
    await writeFile(bad, '[{"type":"Annotation","id":"urn:uuid:nope","created":"2026-01-01T00:00:00Z","target":"urn:passerelles:doc:doc-a"}]')
    const t = capture()
    expect(await main(['annotations', 'import', bad, '--content-dir', v1, '--data-dir', data], t.io)).toBe(1)
    expect(t.err()).toMatch(/Nothing imported: 1 of 1 annotation\(s\) cannot be imported\. item 0 \(urn:uuid:nope\): its id is a urn:uuid: IRI whose UUID is not valid/)
    const c = capture()
    await main(['annotations', 'check', '--content-dir', v1, '--data-dir', data], c.io)
    expect(c.out()).toMatch(/^No annotations/)
  })

  it.each([
    [['annotations'], /missing subcommand/],
    [['annotations', 'check', '--out', 'x'], /check takes no --out/],
    [['annotations', 'export', '--format', 'csv'], /unknown format "csv"/],
    [['annotations', 'import'], /import takes one FILE/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const t = capture()
    expect(await main([...argv, '--data-dir', await tempDir()], t.io)).toBe(2)
    expect(t.err()).toMatch(message)
  })

  it('runs as the real CLI (bin.mjs through tsx), fuzzy matcher included', async () => {
    const { v2, data } = await fixture()
    const bin = join(__dirname, 'bin.mjs')
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'annotations', 'check', '--json', '--content-dir', v2, '--data-dir', data])
    expect((JSON.parse(stdout) as AnchorReport[])[0]!.counts).toMatchObject({ moved: 1, fuzzy: 1, orphan: 1 })
  })
})
