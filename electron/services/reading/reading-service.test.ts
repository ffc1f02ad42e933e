import { describe, expect, it } from 'vitest'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createReadingService } from './reading-service'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { tempDir } from '../testing/temp-pack'

const hash = 'a'.repeat(64)
const at = (id: string, offset: number) => ({ id, hash, offset, progress: offset / 1000, sectionId: 's' })

describe('reading service', () => {
  it('saves positions durably and reads them back after a restart', async () => {
    const dataDir = await tempDir()
    const clock = fixedClock('2026-11-28T10:00:00Z')
    const first = await createReadingService({ dataDir, clock, log: memoryLogger() })
    expect(first.get('a')).toBeNull()
    await first.save(at('a', 120))
    clock.advance(1000)
    const saved = await first.save(at('b', 300))
    expect(saved).toMatchObject({ docId: 'b', offset: 300, updatedAt: '2026-11-28T10:00:01.000Z' })

    const again = await createReadingService({ dataDir, clock, log: memoryLogger() })
    expect(again.get('a')).toMatchObject({ offset: 120, progress: 0.12, hash, sectionId: 's' })
    expect(again.list().map((p) => p.docId)).toEqual(['b', 'a'])
  })

  it('orders by the latest save, even within the same clock tick', async () => {
    const svc = await createReadingService({ dataDir: await tempDir(), clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger() })
    await svc.save(at('a', 1))
    await svc.save(at('b', 1))
    await svc.save(at('a', 2))
    expect(svc.list().map((p) => p.docId)).toEqual(['a', 'b'])
  })

  it('coalesces a burst of saves and ends with the last position on disk', async () => {
    const dataDir = await tempDir()
    const svc = await createReadingService({ dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger() })
    await Promise.all(Array.from({ length: 50 }, (_, i) => svc.save(at('a', i))))
    const onDisk = JSON.parse(await readFile(join(dataDir, 'reading.json'), 'utf8')) as { positions: { offset: number }[] }
    expect(onDisk.positions).toEqual([expect.objectContaining({ offset: 49 })])
    expect((await readdir(dataDir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('moves an unreadable file aside, reports it, and starts afresh', async () => {
    const dataDir = await tempDir()
    await writeFile(join(dataDir, 'reading.json'), '{"version":1,"positions":[{"docId":"x"')
    const log = memoryLogger()
    const svc = await createReadingService({ dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log })
    expect(svc.list()).toEqual([])
    expect(log.entries.some((e) => e.level === 'warn' && e.message.includes('reading.json was unreadable'))).toBe(true)
    const files = await readdir(dataDir)
    expect(files.some((f) => f.startsWith('reading.json.corrupt-'))).toBe(true)
  })
})
