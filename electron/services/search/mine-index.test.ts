import { describe, expect, it } from 'vitest'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseQuery } from '../../shared/search/query'
import { memoryLogger } from '../platform/log'
import { indexableDoc } from '../testing/indexable-doc'
import { indexableLibrary } from '../testing/indexable-library'
import type { IndexableLibrary } from '../testing/indexable-library'
import { tempDir } from '../testing/temp-pack'
import { createMineIndex, MAX_SMALL_SEGMENTS, mineIndexDir } from './mine-index'
import type { MineIndex } from './mine-index'

const NONE = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }

async function found(m: MineIndex, q: string): Promise<string[]> {
  const set = await m.current()
  return [...new Set(set.search({ parsed: parseQuery(q).query, typing: false, facetFilter: NONE, limit: 50 }, 'library').hits.map((h) => h.docId))].sort()
}

const doc = (id: string, body: string): ReturnType<typeof indexableDoc> => indexableDoc(id, `Document ${id}`, { sections: [{ title: 'Partie', body }] })

function library(): IndexableLibrary {
  return indexableLibrary([
    doc('a', 'La coopérative mutualise ses serveurs à Brest.'),
    doc('b', 'Une association loi 1901 anime des ateliers de réparation.'),
    doc('c', 'Le logiciel libre est publié sous une licence libre.'),
  ])
}

async function opened(lib: IndexableLibrary, dataDir: string): Promise<{ m: MineIndex; log: ReturnType<typeof memoryLogger> }> {
  const log = memoryLogger()
  const m = createMineIndex({ documents: lib, dataDir, log })
  await m.current()
  return { m, log }
}

describe('the imported documents’ index (mine-index.ts)', () => {
  it('indexes only the new document when one is added, and finds it', async () => {
    const lib = library()
    const { m } = await opened(lib, await tempDir())
    expect(m.stats()).toEqual({ built: 3, merged: 0, loaded: 0 })
    const renders = lib.renders
    lib.put(doc('d', 'Les tiers-lieux accueillent une ressourcerie.'))
    m.invalidate()
    expect(await found(m, 'ressourcerie')).toEqual(['d'])
    expect(m.stats()).toEqual({ built: 4, merged: 0, loaded: 0 })
    expect(lib.renders - renders).toBe(1)
    expect(await found(m, 'coopérative')).toEqual(['a'])
  })

  it('a restart reads the index from disk and indexes nothing', async () => {
    const dataDir = await tempDir()
    const lib = library()
    const first = await opened(lib, dataDir)
    const before = await found(first.m, 'libre')
    const renders = lib.renders
    const { m } = await opened(lib, dataDir)
    expect(m.stats()).toEqual({ built: 0, merged: 0, loaded: 3 })
    expect(lib.renders).toBe(renders)
    expect(await found(m, 'libre')).toEqual(before)
    expect(before).toEqual(['c'])
    // Phrases are verified and highlighted without stored positions.
    const set = await m.current()
    const hit = set.search({ parsed: parseQuery('"licence libre"').query, typing: false, facetFilter: NONE, limit: 5 }, 'library').hits[0]!
    expect(hit.docId).toBe('c')
    expect(hit.snippet.marks.map(([s, e]) => hit.snippet.text.slice(s, e))).toEqual(['licence libre'])
    expect(await found(m, '"libre licence"')).toEqual([])
  })

  it('a corrupt segment file or manifest is rebuilt, with a log line, never a crash', async () => {
    const dataDir = await tempDir()
    const lib = library()
    await opened(lib, dataDir)
    const dir = mineIndexDir(dataDir)
    const segment = (await readdir(dir)).find((n) => n.startsWith('seg-'))!
    await writeFile(join(dir, segment), '{"format": 1, "fingerprints": {}, "index": tronqu')
    const a = await opened(lib, dataDir)
    expect(a.m.stats()).toMatchObject({ built: 3, loaded: 0 })
    expect(a.log.entries.some((e) => e.level === 'warn' && e.message.includes(segment) && e.message.includes('indexed again'))).toBe(true)
    expect(await found(a.m, 'association')).toEqual(['b'])

    await writeFile(join(dir, 'manifest.json'), 'pas du JSON')
    const b = await opened(lib, dataDir)
    expect(b.m.stats()).toMatchObject({ built: 3, loaded: 0 })
    expect(b.log.entries.some((e) => e.level === 'warn' && e.message.includes('manifest.json'))).toBe(true)
    expect(await found(b.m, 'association')).toEqual(['b'])
    // What was rebuilt was saved: the next start reads it.
    expect((await opened(lib, dataDir)).m.stats()).toMatchObject({ built: 0, loaded: 3 })
  })

  it('files of an older format are indexed again, with a log line, and their segment files removed', async () => {
    const dataDir = await tempDir()
    const dir = mineIndexDir(dataDir)
    await mkdir(dir, { recursive: true })
    // Format 2: lunr's serialised index in plain JSON files.
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ format: 2, segments: [{ id: 'seg-old', live: { a: 'x' } }] }))
    await writeFile(join(dir, 'seg-old.json'), JSON.stringify({ format: 2, fingerprints: { a: 'x' }, index: {} }))
    const { m, log } = await opened(library(), dataDir)
    expect(m.stats()).toEqual({ built: 3, merged: 0, loaded: 0 })
    expect(log.entries.some((e) => e.level === 'warn' && e.message.includes('manifest.json') && e.message.includes('indexing the imported documents again'))).toBe(true)
    const names = await readdir(dir)
    expect(names).not.toContain('seg-old.json')
    expect(names.filter((n) => n !== 'manifest.json').every((n) => n.endsWith('.json.gz'))).toBe(true)
    expect(await found(m, 'coopérative')).toEqual(['a'])
  })

  it('a document changed while the app was closed (fingerprint mismatch) is indexed again, alone', async () => {
    const dataDir = await tempDir()
    const lib = library()
    await opened(lib, dataDir)
    lib.put(doc('b', 'Une mutuelle de santé couvre les bénévoles.'))
    const { m } = await opened(lib, dataDir)
    expect(m.stats()).toEqual({ built: 1, merged: 0, loaded: 2 })
    expect(await found(m, 'association')).toEqual([])
    expect(await found(m, 'mutuelle')).toEqual(['b'])
    // A segment whose file disagrees with the manifest is not trusted either.
    const dir = mineIndexDir(dataDir)
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { segments: { live: Record<string, string> }[] }
    const entry = manifest.segments.find((s) => 'a' in s.live)!
    entry.live.a = '0'.repeat(64)
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest))
    const again = await opened(lib, dataDir)
    expect(again.m.stats().built).toBeGreaterThanOrEqual(1)
    expect(await found(again.m, 'coopérative')).toEqual(['a'])
  })

  it('a removed document leaves the results at once and after a restart', async () => {
    const dataDir = await tempDir()
    const lib = library()
    const { m } = await opened(lib, dataDir)
    expect(await found(m, 'libre')).toEqual(['c'])
    lib.remove('c')
    m.invalidate()
    expect(await found(m, 'libre')).toEqual([])
    expect(await found(m, 'licence*')).toEqual([])
    expect(m.stats().built).toBe(3)
    const again = await opened(lib, dataDir)
    expect(again.m.stats()).toEqual({ built: 0, merged: 0, loaded: 2 })
    expect(await found(again.m, 'libre')).toEqual([])
    expect(await found(again.m, 'réparation')).toEqual(['b'])
  })

  it('documents added one by one are merged into few segments, and all stay found', async () => {
    const dataDir = await tempDir()
    const lib = indexableLibrary()
    const log = memoryLogger()
    const m = createMineIndex({ documents: lib, dataDir, log })
    const n = MAX_SMALL_SEGMENTS * 2 + 3
    for (let i = 0; i < n; i++) {
      lib.put(doc(`n${i}`, `Compte rendu numéro${i} de la coopérative.`))
      m.invalidate()
      expect(await found(m, `numéro${i}`)).toEqual([`n${i}`])
    }
    const set = await m.current()
    expect(set.all().length).toBeLessThanOrEqual(MAX_SMALL_SEGMENTS)
    expect(m.stats().built).toBe(n)
    expect(m.stats().merged).toBeGreaterThan(0)
    expect((await found(m, 'coopérative')).length).toBe(n)
    const again = createMineIndex({ documents: lib, dataDir, log })
    expect((await found(again, 'coopérative')).length).toBe(n)
    expect(again.stats()).toEqual({ built: 0, merged: 0, loaded: n })
  })
})
