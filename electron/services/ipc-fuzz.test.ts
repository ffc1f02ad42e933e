/**
 * IPC fuzzing: for EVERY channel of the contract (iterated, so channels added later are covered),
 * a few hundred generated malformed payloads go through the real handler table — the one Electron
 * IPC calls after the sender check — on real services over a temp data dir. Each must come back as
 * an `invalid-payload` error value; nothing may throw; the data dir (and the content pack) must be
 * byte-for-byte what it was; and the services must still answer afterwards.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import type { z } from 'zod'
import { contract } from '../shared/api/contract'
import { CHANNELS, channelOf } from '../shared/api/channels'
import { dispatch } from '../shared/api/bind'
import type { Channel } from '../shared/api/types'
import { createServices } from './services'
import { createHandlers } from './handlers'
import { fixedClock } from './platform/clock'
import { memoryLogger } from './platform/log'
import { recordingOpener } from './platform/external-opener'
import { tempDir } from './testing/temp-pack'
import { malformedPayload } from './testing/malformed-payloads'

const RUNS_PER_CHANNEL = 300
const CONTENT = resolve(__dirname, '..', '..', 'content')

/** sha256 over every file's relative path and bytes, in a stable order. */
async function hashTree(dir: string): Promise<string> {
  const h = createHash('sha256')
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
  const files = entries.map((e) => join(e.parentPath, e.name)).sort()
  for (const f of files) h.update(relative(dir, f)).update('\0').update(await readFile(f)).update('\0')
  return `${files.length} files ${h.digest('hex')}`
}

const schemas: [Channel, z.ZodType][] = Object.entries(contract).flatMap(([ns, methods]) =>
  Object.entries(methods as Record<string, { input: z.ZodType }>).map(([name, spec]): [Channel, z.ZodType] => [channelOf(ns, name) as Channel, spec.input]),
)

describe('IPC fuzz', () => {
  it('covers every channel of the contract', () => {
    expect(schemas.map(([c]) => c).sort()).toEqual([...CHANNELS].sort())
  })

  it.each(schemas)(`%s: ${RUNS_PER_CHANNEL} malformed payloads → error values, nothing stored changes`, async (channel, schema) => {
    const dataDir = await tempDir('passerelles-fuzz-')
    const opener = recordingOpener()
    const services = await createServices({
      contentDir: CONTENT,
      dataDir,
      clock: fixedClock('2026-11-28T10:00:00Z'),
      log: memoryLogger(),
      openUrl: opener,
      appVersion: '0.0.0-fuzz',
    })
    const handlers = createHandlers(services)
    // Something stored to protect: a settings file written through the API itself.
    expect(await handlers['settings:update']({ theme: 'sepia', fontSize: 21 })).toMatchObject({ ok: true })
    const before = { data: await hashTree(dataDir), content: await hashTree(CONTENT), settings: services.settings.get() }

    let accidentallyValid = 0
    await fc.assert(
      fc.asyncProperty(malformedPayload(schema), async (payload) => {
        if (schema.safeParse(payload).success) accidentallyValid++
        fc.pre(!schema.safeParse(payload).success)
        const result = await handlers[channel](payload)
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
        expect(typeof (result as { error: { message: unknown } }).error.message).toBe('string')
      }),
      { numRuns: RUNS_PER_CHANNEL, seed: 20261128, maxSkipsPerRun: 100 },
    )

    expect({ data: await hashTree(dataDir), content: await hashTree(CONTENT), settings: services.settings.get() }).toEqual(before)
    expect(opener.opened).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Still alive: a valid call on the same handler table answers.
    expect(await handlers['app:info']({})).toMatchObject({ ok: true, value: { documentCount: services.library.list().length } })
    expect(accidentallyValid).toBeLessThan(RUNS_PER_CHANNEL)
  })

  it('refuses every channel name outside the contract', async () => {
    const services = await createServices({
      contentDir: CONTENT,
      dataDir: await tempDir('passerelles-fuzz-'),
      clock: fixedClock('2026-11-28T10:00:00Z'),
      log: memoryLogger(),
      openUrl: recordingOpener(),
      appVersion: '0.0.0-fuzz',
    })
    const handlers = createHandlers(services)
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'library:delete', 'settings:reset'), fc.anything()), async (name) => {
        fc.pre(!(CHANNELS as readonly unknown[]).includes(name))
        expect(await dispatch(handlers, name, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
      }),
      { numRuns: RUNS_PER_CHANNEL, seed: 20261128 },
    )
  })
})
