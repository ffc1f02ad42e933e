import { describe, expect, it } from 'vitest'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createSettingsService } from './settings-service'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { tempDir } from '../testing/temp-pack'
import { DEFAULT_SETTINGS, SettingsPatchSchema } from '../../shared/settings'

describe('settings service', () => {
  it('persists changes across instances', async () => {
    const dataDir = await tempDir()
    const opts = { dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger() }
    const a = await createSettingsService(opts)
    expect(a.get()).toEqual(DEFAULT_SETTINGS)
    await a.update({ theme: 'dark', fontSize: 22 })
    const b = await createSettingsService(opts)
    expect(b.get()).toMatchObject({ theme: 'dark', fontSize: 22, language: 'fr' })
  })

  it('changes only what a patch mentions (a later patch keeps earlier changes)', async () => {
    const s = await createSettingsService({ dataDir: await tempDir(), clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger() })
    await s.update({ theme: 'dark' })
    await s.update({ fontSize: 21 })
    await s.update({ tocOpen: false })
    expect(s.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 21, tocOpen: false })
    expect(SettingsPatchSchema.parse({ fontSize: 20 })).toEqual({ fontSize: 20 })
  })

  it.each([
    ['zero-byte', ''],
    ['truncated', '{"theme": "da'],
    ['garbage', '\u0000\u0001binary'],
    ['invalid', '{"theme": "neon"}'],
  ])('moves a %s file aside, restores defaults and says so', async (_name, text) => {
    const dataDir = await tempDir()
    await writeFile(join(dataDir, 'settings.json'), text)
    const log = memoryLogger()
    const s = await createSettingsService({ dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log })
    expect(s.get()).toEqual(DEFAULT_SETTINGS)
    const files = await readdir(dataDir)
    const aside = files.find((f) => f.startsWith('settings.json.corrupt-'))!
    expect(await readFile(join(dataDir, aside), 'utf8')).toBe(text)
    expect(log.entries.some((e) => e.level === 'warn' && e.message.includes('moved to'))).toBe(true)
  })
})
