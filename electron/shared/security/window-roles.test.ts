import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../api/channels'
import { AUDIENCE_CHANNELS, refuseForRole } from './window-roles'
import { guardHandler } from './ipc-guard'
import { ok } from '../result'

const ALLOWED = ['settings:get', 'presentation:state', 'presentation:deck', 'presentation:dispatch', 'presentation:fullscreen', 'room:audience']

describe('API channels per window role (review §16)', () => {
  it('lets the main and the presenter window call every channel of the contract', () => {
    for (const channel of CHANNELS) {
      expect(refuseForRole('main', channel)).toBeNull()
      expect(refuseForRole('presenter', channel)).toBeNull()
    }
  })

  it('lets the audience window call exactly what its page needs', () => {
    expect(CHANNELS.filter((c) => refuseForRole('audience', c) === null).sort()).toEqual([...ALLOWED].sort())
    expect([...AUDIENCE_CHANNELS].every((c) => (CHANNELS as readonly string[]).includes(c))).toBe(true)
  })

  it.each(CHANNELS.filter((c) => !ALLOWED.includes(c)))('refuses %s to the audience window, with a reason', (channel) => {
    expect(refuseForRole('audience', channel)).toMatch(/^the audience screen /)
  })

  it('says why the speaker notes are refused', () => {
    expect(refuseForRole('audience', 'presentation:notes')).toBe('the audience screen never receives speaker notes')
  })

  it.each(['', 'presentation:', 'presentation:state ', 'PRESENTATION:STATE', '__proto__', 'constructor', 'event:presentation.state'])(
    'refuses a channel that is not in the list: %j',
    (channel) => {
      expect(refuseForRole('audience', channel)).not.toBeNull()
    },
  )
})

describe('wired into the IPC guard as main wires it', () => {
  const AUDIENCE_ID = 7
  const page = { url: 'app://reader/#/present/audience' }
  const from = (id: number) => ({ senderFrame: page, sender: { mainFrame: page, id } })
  const guarded = (channel: string, calls: string[], warnings: string[]) =>
    guardHandler(channel, async () => (calls.push(channel), ok(null)), {
      devUrl: undefined,
      log: { warn: (m) => warnings.push(m) },
      refuse: (ch, id) => refuseForRole(id === AUDIENCE_ID ? 'audience' : 'main', ch),
    })

  it('refuses annotations:list to the audience window without calling the handler, and lets the main window through', async () => {
    const calls: string[] = []
    const warnings: string[] = []
    expect(await guarded('annotations:list', calls, warnings)(from(AUDIENCE_ID), {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(calls).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(await guarded('annotations:list', calls, warnings)(from(1), {})).toEqual({ ok: true, value: null })
    expect(await guarded('presentation:deck', calls, warnings)(from(AUDIENCE_ID), {})).toEqual({ ok: true, value: null })
    expect(calls).toEqual(['annotations:list', 'presentation:deck'])
  })
})
