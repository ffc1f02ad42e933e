import { describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { main } from './main'
import { captureIo } from './capture-io'
import { doc, tempDir, writePack } from '../services/testing/temp-pack'
import { makePdf } from '../services/documents/testing/make-files'

async function setup() {
  const contentDir = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Un texte du pack' }) })
  const dataDir = await tempDir()
  const files = await tempDir()
  const run = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    const c = captureIo()
    const code = await main([...argv, '--content-dir', contentDir, '--data-dir', dataDir], c.io)
    return { code, out: c.out(), err: c.err() }
  }
  return { run, files, dataDir }
}

describe('cli list --mine, remove, add --replace / --highlights', () => {
  it('list --mine lists the imported documents only; remove removes them, keeps their notes, and says why it refuses', async () => {
    const { run, files } = await setup()
    await writeFile(join(files, 'terrain.md'), '# Terrain\n\nUne visite à Brest.\n')
    await writeFile(join(files, 'bureau.txt'), 'Bureau\n\nRéunion de juin.\n')
    expect((await run('add', join(files, 'terrain.md'), join(files, 'bureau.txt'))).code).toBe(0)

    const mine = await run('list', '--mine')
    expect(mine.code).toBe(0)
    expect(mine.out).toMatch(/mien-terrain-[0-9a-f]{10} +markdown +\d{4}-\d{2}-\d{2} +terrain\.md +Terrain/)
    expect(mine.out).toContain('2 imported document(s)')
    expect(mine.out).not.toContain('doc-a')
    const json = await run('list', '--mine', '--json')
    const ids = (JSON.parse(json.out) as { id: string }[]).map((d) => d.id)
    expect(ids).toHaveLength(2)

    const missing = await run('remove')
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('remove needs the id of an imported document')
    const unknown = await run('remove', 'mien-absent', ids[0]!)
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('refused  mien-absent: No imported document with id "mien-absent" (see list --mine).')
    expect(unknown.out).toMatch(/removed {2}mien-terrain-[0-9a-f]{10}: « Terrain » removed; its 0 annotation\(s\) are kept as notes\./)
    const pack = await run('remove', 'doc-a')
    expect(pack.code).toBe(1)
    expect(pack.err).toContain('"doc-a" is a document of the content pack')
    const after = await run('list', '--mine', '--json')
    expect((JSON.parse(after.out) as { id: string }[]).map((d) => d.id)).toEqual([ids[1]])
    const all = await run('list', '--json')
    expect((JSON.parse(all.out) as { id: string }[]).map((d) => d.id)).toEqual(['doc-a', ids[1]])
  })

  it('add --replace makes a changed file the new version of its document; add --highlights brings in a PDF’s highlights', async () => {
    const { run, files, dataDir } = await setup()
    const path = join(files, 'cr.md')
    await writeFile(path, '# CR\n\nPremière version.\n')
    const first = await run('add', path)
    const id = /added {4}(mien-\S+)/.exec(first.out)![1]!
    await writeFile(path, '# CR\n\nSeconde version.\n')
    const offered = await run('add', path)
    expect(offered.code).toBe(1)
    expect(offered.err).toContain('can replace it as a new version')
    expect(offered.err).toContain('add --replace to replace it (it is kept: the app offers « Mettre à jour »)')
    const waiting = JSON.parse(await readFile(join(dataDir, 'documents', id, 'new-version', 'version.json'), 'utf8')) as { origin: string; name: string }
    expect(waiting).toMatchObject({ origin: 'import', name: 'cr.md' })
    const replaced = await run('add', path, '--replace')
    expect(replaced.code).toBe(0)
    expect(replaced.out).toContain(`replaced ${id}  « CR »  (cr.md; annotations: 0 in place, 0 to confirm, 0 not found)`)
    expect(replaced.out).toContain('0 of 1 file(s) imported, 1 replaced.')

    const pdf = join(files, 'etude.pdf')
    await writeFile(pdf, makePdf({ heading: 'Etude', lines: ['Les cooperatives de logiciel libre'], markups: [{ subtype: 'Highlight', spans: [{ line: 0, from: 4, to: 16 }], color: [0, 0, 1], contents: 'Note' }] }))
    const withHighlights = await run('add', pdf, '--highlights')
    expect(withHighlights.code).toBe(0)
    expect(withHighlights.out).toMatch(/highlights mien-etude-[0-9a-f]{10}: 1 added, 0 already there, 0 not placed/)
  })

  it('add records where each file was read, so the app can offer its new version when it changes there', async () => {
    const { run, files } = await setup()
    const path = join(files, 'terrain.md')
    const text = '# Terrain\n\nUne visite à Brest.\n'
    await writeFile(path, text)
    expect((await run('add', path)).code).toBe(0)
    const listed = JSON.parse((await run('list', '--mine', '--json')).out) as { source?: { path: string; size: number } }[]
    expect(listed.map((d) => d.source)).toEqual([{ path, size: Buffer.byteLength(text), mtimeMs: expect.any(Number) }])
  })
})
