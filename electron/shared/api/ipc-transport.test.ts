import { describe, expect, it } from 'vitest'
import { ipcTransport } from './ipc-transport'
import type { IpcRendererLike } from './ipc-transport'
import { createClient } from './client'
import { CHANNELS, EVENT_NAMES, eventChannel } from './channels'
import { contract } from './contract'

/** A stand-in for ipcRenderer that records what the transport does with it (Electron cannot run here). */
function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>()
  const invoked: [string, unknown][] = []
  const ipc: IpcRendererLike = {
    invoke: async (channel, payload) => (invoked.push([channel, payload]), { ok: true, value: null }),
    on: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel, l) => listeners.get(channel)?.delete(l),
  }
  const emit = (channel: string, payload: unknown): void => {
    const sender = { send: () => 'a way back into Electron' }
    for (const l of listeners.get(channel) ?? []) l({ sender, senderId: 1 }, payload)
  }
  return { ipc, listeners, invoked, emit }
}

describe('the preload surface (checklist 20)', () => {
  it('exposes one function per contract method, plus on(), and nothing else', () => {
    const api = createClient(ipcTransport(fakeIpc().ipc)) as unknown as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'on'].sort())
    const methods = Object.entries(api).flatMap(([ns, group]) =>
      typeof group === 'function' ? [] : Object.entries(group as Record<string, unknown>).map(([m, fn]) => [`${ns}:${m}`, typeof fn]),
    )
    expect(methods.map(([c]) => c).sort()).toEqual([...CHANNELS].sort())
    expect(new Set(methods.map(([, t]) => t))).toEqual(new Set(['function']))
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('invokes the contract channel with the payload', async () => {
    const f = fakeIpc()
    const api = createClient(ipcTransport(f.ipc))
    await api.library.get({ id: 'abc' })
    expect(f.invoked).toEqual([['library:get', { id: 'abc' }]])
  })

  it.each(EVENT_NAMES)('hands %s listeners the payload only, never the IPC event', (name) => {
    const f = fakeIpc()
    const seen: unknown[][] = []
    const off = ipcTransport(f.ipc).subscribe(eventChannel(name), (...args: unknown[]) => void seen.push(args))
    f.emit(eventChannel(name), { command: 'open-library' })
    expect(seen).toEqual([[{ command: 'open-library' }]])
    off()
    f.emit(eventChannel(name), { command: 'open-library' })
    expect(seen).toHaveLength(1)
    expect(f.listeners.get(eventChannel(name))?.size).toBe(0)
  })

  it.each(['library:get', 'event:nope', 'ELECTRON_BROWSER_REQUIRE', 'constructor', ''])('refuses to subscribe to %j', (channel) => {
    const f = fakeIpc()
    ipcTransport(f.ipc).subscribe(channel, () => undefined)
    expect(f.listeners.size).toBe(0)
  })
})
