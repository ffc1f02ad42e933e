import { describe, expect, it } from 'vitest'
import { chmod, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileLogger, memoryLogger, teeLogger } from './log'

const fixed = (): Date => new Date('2026-12-07T10:00:00.000Z')

describe('fileLogger', () => {
  it('creates its folder and appends one timestamped line per entry, with the stack of an error', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'log-')), 'logs', 'passerelles.log')
    const log = fileLogger(path, { now: fixed })
    log.info('start', { version: '0.1.0' })
    log.error('start-up failed', new Error('boom'))
    const text = await readFile(path, 'utf8')
    expect(text.split('\n')[0]).toBe('2026-12-07T10:00:00.000Z info: start {"version":"0.1.0"}')
    expect(text).toContain('2026-12-07T10:00:00.000Z error: start-up failed\nError: boom\n    at ')
  })

  it('moves a file over the size limit aside at open, keeping one generation', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'log-')), 'passerelles.log')
    await writeFile(path, 'x'.repeat(2000))
    fileLogger(path, { maxBytes: 1000, now: fixed }).warn('fresh')
    expect((await stat(`${path}.1`)).size).toBe(2000)
    expect(await readFile(path, 'utf8')).toBe('2026-12-07T10:00:00.000Z warn: fresh\n')
  })

  it('never throws when the folder cannot be written (the entry is dropped)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'log-'))
    const file = join(dir, 'not-a-folder')
    await writeFile(file, '')
    await chmod(file, 0o400)
    const log = fileLogger(join(file, 'passerelles.log'))
    expect(() => log.error('lost', new Error('x'))).not.toThrow()
  })

  it('keeps a detail that JSON cannot write', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'log-')), 'p.log')
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    fileLogger(path, { now: fixed }).warn('odd', cyclic)
    expect(await readFile(path, 'utf8')).toBe('2026-12-07T10:00:00.000Z warn: odd [object Object]\n')
  })
})

describe('teeLogger', () => {
  it('sends every entry to each logger', () => {
    const a = memoryLogger()
    const b = memoryLogger()
    const t = teeLogger(a, b)
    t.info('one')
    t.error('two')
    expect(a.entries).toEqual([{ level: 'info', message: 'one' }, { level: 'error', message: 'two' }])
    expect(b.entries).toEqual(a.entries)
  })
})
