/**
 * `npm run cli -- export` and `annotations import` of its files: real files in temp dirs;
 * Markdown or JSON export → import into an empty data dir is lossless; CSV is refused, with why.
 */
import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { main } from './main'
import { createServices } from '../services/services'
import { createHandlers } from '../services/handlers'
import { fixedClock } from '../services/platform/clock'
import { memoryLogger } from '../services/platform/log'
import { recordingOpener } from '../services/platform/external-opener'
import { doc, tempDir, writePack } from '../services/testing/temp-pack'
import type { ColorId } from '../shared/annotations/model'
import { inProcessClient, valueOf } from '../shared/api/in-process'

function capture() {
  let out = ''
  let err = ''
  return { io: { out: { write: (s: string) => void (out += s) }, err: { write: (s: string) => void (err += s) } }, out: () => out, err: () => err }
}

const BODY = 'Le logiciel libre et l’ESS partagent une intuition.\n\nLa gouvernance partagée des communs numériques reste à inventer.\n'

async function fixture() {
  const pack = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Premier' }, BODY), 'b.md': doc({ id: 'doc-b', title: 'Second' }, BODY) })
  const data = await tempDir()
  const services = await createServices({ contentDir: pack, dataDir: data, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: '0' })
  const api = inProcessClient(createHandlers(services))
  const made: [string, string, ColorId, string[]][] = [
    ['doc-a', 'logiciel libre', 'blue', ['ess']],
    ['doc-a', 'communs numériques', 'green', ['communs']],
    ['doc-b', 'gouvernance partagée', 'yellow', ['ess', 'gouvernance']],
  ]
  for (const [docId, quote, color, tags] of made) {
    const text = valueOf(await api.library.get({ id: docId })).text
    const start = text.indexOf(quote)
    expect((await api.annotations.create({ docId, start, end: start + quote.length, color, note: `> ${quote} | #1`, tags })).ok).toBe(true)
  }
  await api.annotations.setLabels({ green: 'Exemple' })
  const list = async (dataDir: string) => {
    const s = await createServices({ contentDir: pack, dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: '0' })
    const r = await inProcessClient(createHandlers(s)).annotations.list({})
    await s.close()
    return valueOf(r).items.map((v) => v.annotation)
  }
  await services.close()
  return { pack, data, list }
}

const dirs = (f: { pack: string; data: string }, data = f.data) => ['--content-dir', f.pack, '--data-dir', data]

describe('cli: export', () => {
  it('exports Markdown to stdout, filtered by --doc, --tag and --label (colour id or label)', async () => {
    const f = await fixture()
    const all = capture()
    expect(await main(['export', ...dirs(f)], all.io)).toBe(0)
    expect(all.out()).toMatch(/^---\n/)
    // The data block at the end: one line per annotation.
    expect(all.out()).toContain('<!-- passerelles:data v3\n')
    expect(all.out().match(/^\{"id":/gm)).toHaveLength(3)
    const count = async (args: string[]): Promise<number> => {
      const t = capture()
      expect(await main(['export', ...args, ...dirs(f)], t.io)).toBe(0)
      return (t.out().match(/^\{"id":/gm) ?? []).length
    }
    expect(await count(['--doc', 'doc-b'])).toBe(1)
    expect(await count(['--tag', 'ess'])).toBe(2)
    // --label takes what couleur: takes: the label, the colour's id, its French or English name.
    for (const name of ['exemple', 'Exemple', 'green', 'vert', 'verte']) expect(await count(['--label', name])).toBe(1)
    expect(await count(['--label', 'jaune'])).toBe(1)
    expect(await count(['--label', 'violet'])).toBe(0)
    expect(await count(['--label', 'blue', '--tag', 'communs'])).toBe(0)
  })

  it('writes CSV and JSON files with --out', async () => {
    const f = await fixture()
    const out = join(await tempDir(), 'notes.csv')
    const t = capture()
    expect(await main(['export', '--format', 'csv', '--out', out, ...dirs(f)], t.io)).toBe(0)
    expect(t.err()).toContain('Exported 3 annotation(s)')
    const csv = await readFile(out, 'utf8')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.trimEnd().split('\r\n').length).toBeGreaterThanOrEqual(4)
    expect(csv).toMatch(/^\uFEFFid,document,/)
    // --delimiter ';' for a French spreadsheet; anything else is refused with the usage.
    const semi = capture()
    expect(await main(['export', '--format', 'csv', '--delimiter', ';', ...dirs(f)], semi.io)).toBe(0)
    expect(semi.out()).toMatch(/^\uFEFFid;document;titre du document;/)
    const bad = capture()
    expect(await main(['export', '--format', 'csv', '--delimiter', 'tab', ...dirs(f)], bad.io)).toBe(2)
    expect(bad.err()).toContain('unknown delimiter "tab"')
    const j = capture()
    expect(await main(['export', '--format', 'json', ...dirs(f)], j.io)).toBe(0)
    expect((JSON.parse(j.out()) as { total: number }).total).toBe(3)
  })

  it('refuses bad flags with a usage error and an unknown document with an error', async () => {
    const f = await fixture()
    const t = capture()
    expect(await main(['export', '--format', 'pdf', ...dirs(f)], t.io)).toBe(2)
    expect(t.err()).toContain('unknown format "pdf"')
    const l = capture()
    expect(await main(['export', '--label', 'fuchsia', ...dirs(f)], l.io)).toBe(2)
    expect(l.err()).toContain('no colour or label "fuchsia"')
    const d = capture()
    expect(await main(['export', '--doc', 'doc-zzz', ...dirs(f)], d.io)).toBe(1)
    expect(d.err()).toContain('doc-zzz')
  })

  it.each(['md', 'json'])('round trip: export --format %s → annotations import into an empty data dir is lossless', async (format) => {
    const f = await fixture()
    const file = join(await tempDir(), `notes.${format}`)
    expect(await main(['export', '--format', format, '--out', file, ...dirs(f)], capture().io)).toBe(0)
    const empty = await tempDir()
    const t = capture()
    expect(await main(['annotations', 'import', file, ...dirs(f, empty)], t.io)).toBe(0)
    expect(t.out()).toContain('3 added')
    expect(await f.list(empty)).toEqual(await f.list(f.data))
  })

  it('a CSV export cannot be imported, and the command says why (exit 1, nothing imported)', async () => {
    const f = await fixture()
    const file = join(await tempDir(), 'notes.csv')
    expect(await main(['export', '--format', 'csv', '--out', file, ...dirs(f)], capture().io)).toBe(0)
    const empty = await tempDir()
    const t = capture()
    expect(await main(['annotations', 'import', file, ...dirs(f, empty)], t.io)).toBe(1)
    expect(t.err()).toContain('a CSV export is for spreadsheets and cannot be imported back')
    expect(await f.list(empty)).toEqual([])
  })
})
