import { describe, expect, it } from 'vitest'
import { readFile, readdir, writeFile, truncate, stat, appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openAnnotationStore } from './annotation-store'
import type { AnnotationStore, StoreOp } from './annotation-store'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { tempDir } from '../testing/temp-pack'
import { prng, sampleAnnotation } from '../testing/annotations'
import type { Annotation } from '../../shared/annotations/model'
import { DEFAULT_COLOR_LABELS } from '../../shared/annotations/model'
import { BACKUP_DIR } from './backups'

const clock = fixedClock('2026-11-28T10:00:00Z')
const open = (dataDir: string, compactMinBytes?: number): Promise<AnnotationStore> =>
  openAnnotationStore({ dataDir, clock, log: memoryLogger(), compactMinBytes })

async function put(store: AnnotationStore, ...annotations: Annotation[]): Promise<void> {
  await store.transact(() => ({ ops: annotations.map((annotation): StoreOp => ({ op: 'put', annotation })), result: null }))
}
const ids = async (store: AnnotationStore): Promise<string[]> => [...(await store.read()).annotations.keys()].sort()

describe('annotation store: persistence', () => {
  it('persists every acknowledged change and reloads it', async () => {
    const dir = await tempDir()
    const rnd = prng(1)
    const s = await open(dir)
    const a = sampleAnnotation(rnd)
    const b = sampleAnnotation(rnd)
    await put(s, a, b)
    await s.transact(() => ({ ops: [{ op: 'delete', id: a.id }, { op: 'labels', colorLabels: { ...DEFAULT_COLOR_LABELS, blue: 'Piste' } }], result: null }))
    await s.close()
    const again = await open(dir)
    const st = await again.read()
    expect([...st.annotations.values()]).toEqual([b])
    expect(st.colorLabels.blue).toBe('Piste')
    expect(again.notices()).toEqual([])
  })

  it('compacts the journal into a readable snapshot, keeping the previous pair as .bak', async () => {
    const dir = await tempDir()
    const rnd = prng(2)
    const s = await open(dir, 2_000)
    const all: Annotation[] = []
    for (let i = 0; i < 30; i++) {
      const a = sampleAnnotation(rnd)
      all.push(a)
      await put(s, a)
    }
    await s.close()
    const snapshot = await readFile(join(dir, 'annotations.json'), 'utf8')
    const parsed = JSON.parse(snapshot) as { schemaVersion: number; generation: number; annotations: Annotation[] }
    expect(parsed.schemaVersion).toBe(2)
    expect(parsed.generation).toBeGreaterThan(0)
    expect(snapshot.split('\n').length).toBeGreaterThan(parsed.annotations.length) // one annotation per line
    await expect(stat(join(dir, 'annotations.json.bak'))).resolves.toBeTruthy()
    await expect(stat(join(dir, 'annotations.journal.jsonl.bak'))).resolves.toBeTruthy()
    expect(await ids(await open(dir))).toEqual(all.map((a) => a.id).sort())
  })

  it('writes a daily backup and keeps the 7 most recent', async () => {
    const dir = await tempDir()
    const day = fixedClock('2026-11-01T10:00:00Z')
    for (let d = 0; d < 9; d++) {
      const s = await openAnnotationStore({ dataDir: dir, clock: day, log: memoryLogger() })
      await put(s, sampleAnnotation(prng(d)))
      await s.close()
      day.advance(24 * 3600 * 1000)
    }
    const names = (await readdir(join(dir, BACKUP_DIR))).sort()
    expect(names).toEqual(['03', '04', '05', '06', '07', '08', '09'].map((d) => `annotations-2026-11-${d}.json`))
    const last = JSON.parse(await readFile(join(dir, BACKUP_DIR, names[6]!), 'utf8')) as { annotations: unknown[] }
    expect(last.annotations).toHaveLength(9) // taken when the store closed that day (close runs a pending backup)
  })
})

describe('annotation store: two writers on one data dir', () => {
  it('each sees the other’s changes, and read-modify-write transactions lose nothing', async () => {
    const dir = await tempDir()
    const rnd = prng(3)
    const app = await open(dir, 3_000)
    const cli = await open(dir, 3_000)
    const shared = sampleAnnotation(rnd)
    await put(app, shared)
    expect(await ids(cli)).toEqual([shared.id])
    const addTag = (store: AnnotationStore, tag: string): Promise<null> =>
      store.transact((st) => {
        const cur = st.annotations.get(shared.id)!
        return { ops: [{ op: 'put', annotation: { ...cur, body: { ...cur.body, tags: [...cur.body.tags, tag] } } }], result: null }
      })
    const tags = Array.from({ length: 40 }, (_, i) => `t${i}`)
    await Promise.all(tags.map((t, i) => addTag(i % 2 ? app : cli, t)))
    for (const s of [app, cli]) expect((await s.read()).annotations.get(shared.id)!.body.tags).toEqual(expect.arrayContaining(tags))
    await Promise.all([app.close(), cli.close()])
  })
})

describe('annotation store: revision', () => {
  it('names the annotations the same way in every process, changes with every change, and survives a compaction', async () => {
    const dir = await tempDir()
    const rnd = prng(11)
    const app = await open(dir, 1_500)
    const empty = await app.revision()
    const a = sampleAnnotation(rnd)
    await put(app, a)
    const one = await app.revision()
    expect(one).not.toBe(empty)
    // Another process opening the same files, or one that replays the journal's tail, finds the same name.
    const cli = await open(dir, 1_500)
    expect(await cli.revision()).toBe(one)
    const b = sampleAnnotation(rnd)
    await put(cli, b)
    const two = await cli.revision()
    expect(two).not.toBe(one)
    expect(await app.revision()).toBe(two)
    // A change that comes back to the same record is still a change (the journal grew).
    await cli.transact(() => ({ ops: [{ op: 'delete', id: b.id }], result: null }))
    expect(await app.revision()).not.toBe(one)
    // Past the compaction threshold: the compacting process and a fresh one agree on the new snapshot.
    for (let i = 0; i < 10; i++) await put(app, sampleAnnotation(rnd))
    await app.close()
    expect((JSON.parse(await readFile(join(dir, 'annotations.json'), 'utf8')) as { generation: number }).generation).toBeGreaterThan(0)
    const compacted = await app.revision()
    const fresh = await open(dir)
    expect(await fresh.revision()).toBe(compacted)
    expect(await cli.revision()).toBe(compacted)
    // Edited by hand (stale checksum, parsed in full): another name.
    await Promise.all([fresh.close(), cli.close()])
    const path = join(dir, 'annotations.json')
    await writeFile(path, (await readFile(path, 'utf8')).replace(`"id":"${a.id}"`, `"id":"${a.id}" `))
    expect(await (await open(dir)).revision()).not.toBe(compacted)
  })

  it('is null for data it cannot change (a newer version’s)', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'annotations.json'), JSON.stringify({ schemaVersion: 99, generation: 0, annotations: [] }))
    expect(await (await open(dir)).revision()).toBeNull()
  })
})

describe('annotation store: recovery', () => {
  async function storeWithHistory(dir: string): Promise<string[]> {
    const rnd = prng(4)
    const s = await open(dir, 1_500)
    for (let i = 0; i < 12; i++) await put(s, sampleAnnotation(rnd)) // several compactions
    await s.compact()
    for (let i = 0; i < 3; i++) await put(s, sampleAnnotation(rnd)) // and some journal after the last one
    await s.close()
    return ids(await open(dir))
  }

  it.each([
    ['truncated', async (p: string) => truncate(p, Math.floor((await stat(p)).size / 2)), /not JSON/],
    ['zero-byte', async (p: string) => truncate(p, 0), /empty file/],
    ['garbage', async (p: string) => writeFile(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff])), /not JSON/],
    ['valid JSON, invalid content', async (p: string) => writeFile(p, JSON.stringify({ schemaVersion: 2, generation: 1, colorLabels: DEFAULT_COLOR_LABELS, annotations: [{ id: 'x' }] })), /invalid content/],
  ])('a %s snapshot is moved aside, every acknowledged annotation restored, and the user told', async (_kind, damage, reason) => {
    const dir = await tempDir()
    const before = await storeWithHistory(dir)
    const path = join(dir, 'annotations.json')
    await damage(path)
    const damaged = await readFile(path)
    const s = await open(dir)
    expect(await ids(s)).toEqual(before)
    const [notice] = s.notices()
    expect(notice).toMatchObject({ kind: 'recovered', restoredFrom: 'annotations.json.bak + annotations.journal.jsonl.bak', annotationCount: before.length })
    expect(notice!.message).toMatch(reason)
    expect(await readFile(notice!.movedAside[0]!)).toEqual(damaged) // kept, byte for byte
    expect(await ids(await open(dir))).toEqual(before) // and the repaired store is sound
  })

  it('without a previous snapshot, restores the newest daily backup', async () => {
    const dir = await tempDir()
    const rnd = prng(5)
    const s = await open(dir)
    await put(s, sampleAnnotation(rnd), sampleAnnotation(rnd))
    await s.compact() // today's backup was taken at open (empty); make a fuller one:
    await s.close()
    await writeFile(join(dir, BACKUP_DIR, 'annotations-2026-11-27.json'), await readFile(join(dir, 'annotations.json')))
    await writeFile(join(dir, BACKUP_DIR, 'annotations-2026-11-28.json'), 'garbage') // unreadable: skipped
    await writeFile(join(dir, 'annotations.json.bak'), '')
    await writeFile(join(dir, 'annotations.json'), '{"schemaVersion":2,')
    const again = await open(dir)
    expect((await again.read()).annotations.size).toBe(2)
    expect(again.notices()[0]).toMatchObject({ kind: 'recovered', restoredFrom: `${BACKUP_DIR}/annotations-2026-11-27.json` })
  })

  it('a journal with a damaged line keeps the changes before it and is moved aside', async () => {
    const dir = await tempDir()
    const rnd = prng(6)
    const s = await open(dir)
    const a = sampleAnnotation(rnd)
    const b = sampleAnnotation(rnd)
    await put(s, a)
    await s.close()
    const journal = join(dir, 'annotations.journal.jsonl')
    await appendFile(journal, '{"at":"x","ops":[{"op":"put","annotation":{"id":"broken"}}]}\n')
    await appendFile(journal, `${JSON.stringify({ at: 'y', ops: [{ op: 'put', annotation: b }] })}\n`)
    const again = await open(dir)
    expect(await ids(again)).toEqual([a.id])
    expect(again.notices()[0]).toMatchObject({ kind: 'recovered' })
    expect(again.notices()[0]!.message).toMatch(/annotations\.journal\.jsonl: line 3: invalid entry/)
    expect(await readFile(again.notices()[0]!.movedAside[0]!, 'utf8')).toContain(b.id)
  })

  it('a torn last line (a crash mid-write) is ignored, then cut off and saved by the next writer', async () => {
    const dir = await tempDir()
    const rnd = prng(7)
    const s = await open(dir)
    const a = sampleAnnotation(rnd)
    await put(s, a)
    await s.close()
    const journal = join(dir, 'annotations.journal.jsonl')
    await appendFile(journal, '{"at":"2026-11-28T10:00:00.000Z","ops":[{"op":"put","annot')
    const again = await open(dir)
    expect(await ids(again)).toEqual([a.id])
    expect(again.notices()).toEqual([])
    const b = sampleAnnotation(rnd)
    await put(again, b)
    expect((await readdir(dir)).some((n) => n.startsWith('annotations.journal.jsonl.torn-'))).toBe(true)
    expect(await ids(await open(dir))).toEqual([a.id, b.id].sort())
  })

  it('data from a newer version opens read-only and is never rewritten', async () => {
    const dir = await tempDir()
    const path = join(dir, 'annotations.json')
    const future = JSON.stringify({ schemaVersion: 99, annotations: [], somethingNew: true })
    await writeFile(path, future)
    const s = await open(dir)
    expect(s.readOnly()).toMatch(/newer version of Passerelles \(schema 99\)/)
    await expect(put(s, sampleAnnotation(prng(8)))).rejects.toMatchObject({ code: 'read-only' })
    expect(await readFile(path, 'utf8')).toBe(future)
  })

  it('upgrades a schema-1 file, keeping the original', async () => {
    const dir = await tempDir()
    const a = sampleAnnotation(prng(9))
    const v1 = JSON.stringify({ schemaVersion: 1, annotations: [a] })
    await writeFile(join(dir, 'annotations.json'), v1)
    const s = await open(dir)
    expect([...(await s.read()).annotations.values()]).toEqual([a])
    expect((await s.read()).colorLabels).toEqual(DEFAULT_COLOR_LABELS)
    expect(s.notices()[0]).toMatchObject({ kind: 'migrated' })
    expect(await readFile(join(dir, BACKUP_DIR, 'annotations.schema-1.json'), 'utf8')).toBe(v1)
    expect(JSON.parse(await readFile(join(dir, 'annotations.json'), 'utf8'))).toMatchObject({ schemaVersion: 2 })
  })

  it('a snapshot edited by hand (stale checksum) is validated in full and accepted if valid', async () => {
    const dir = await tempDir()
    const s = await open(dir)
    const a = sampleAnnotation(prng(10))
    await put(s, a)
    await s.compact()
    await s.close()
    const path = join(dir, 'annotations.json')
    await writeFile(path, (await readFile(path, 'utf8')).replace(a.body.note || '"note":""', a.body.note ? 'Note corrigée à la main' : '"note":"Note corrigée à la main"'))
    const again = await open(dir)
    expect((await again.read()).annotations.get(a.id)!.body.note).toBe('Note corrigée à la main')
    expect(again.notices()).toEqual([])
  })
})
