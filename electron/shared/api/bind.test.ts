import { describe, expect, it } from 'vitest'
import { bindImplementation, dispatch } from './bind'
import { CHANNELS } from './channels'
import type { Implementation } from './types'
import { AppFailure } from '../result'

/** An implementation that records calls: a valid payload reaches it, an invalid one never does. */
function recorder(): { impl: Implementation; calls: string[] } {
  const calls: string[] = []
  const stub = (name: string) => async () => {
    calls.push(name)
    if (name === 'library:get') throw new AppFailure('not-found', 'nope')
    if (name === 'app:info') throw new Error('boom with /secret/path')
    return null as never
  }
  const impl = {
    app: { info: stub('app:info'), openExternal: stub('app:openExternal') },
    library: { list: stub('library:list'), get: stub('library:get'), glossary: stub('library:glossary') },
    settings: { get: stub('settings:get'), update: stub('settings:update') },
    reading: { get: stub('reading:get'), list: stub('reading:list'), save: stub('reading:save') },
  } as unknown as Implementation
  return { impl, calls }
}

const silent = { warn: () => undefined, error: () => undefined }

/** Payloads no channel accepts: every input schema is a strict object. */
const MALFORMED: unknown[] = [undefined, null, 0, 42, 'x', true, [], [{}], { unexpected: 1 }, { id: 5, url: 7, language: 'klingon' }, Object.create(null)]

describe('handler table', () => {
  it('has one handler per contract channel', () => {
    const { impl } = recorder()
    expect(Object.keys(bindImplementation(impl, silent)).sort()).toEqual([...CHANNELS].sort())
  })

  it.each(CHANNELS)('%s rejects malformed payloads with an error value and never calls the service', async (channel) => {
    const { impl, calls } = recorder()
    const table = bindImplementation(impl, silent)
    for (const payload of MALFORMED) {
      if (payload !== null && typeof payload === 'object' && !Array.isArray(payload) && Object.keys(payload).length === 0) {
        continue // `{}` (and a bare null-prototype object) is a valid empty payload for some channels
      }
      const r = await table[channel](payload)
      expect(r, `${channel} ← ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    }
    expect(calls).toEqual([])
  })

  it('turns AppFailure into its code and an unexpected throw into internal, without the stack', async () => {
    const { impl } = recorder()
    const errors: string[] = []
    const table = bindImplementation(impl, { warn: () => undefined, error: (m) => errors.push(m) })
    expect(await table['library:get']({ id: 'x' })).toEqual({ ok: false, error: { code: 'not-found', message: 'nope' } })
    const r = await table['app:info']({})
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(r)).not.toContain('/secret/path')
    expect(errors).toEqual(['app:info failed'])
  })

  it('dispatch refuses channels outside the contract', async () => {
    const { impl } = recorder()
    const table = bindImplementation(impl, silent)
    for (const ch of ['nope', '__proto__', 'constructor', 'library:delete', 42]) {
      expect(await dispatch(table, ch, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
  })
})
