/**
 * Builds the renderer-facing API object from a transport. The preload passes `ipcRenderer.invoke`;
 * the e2e harness passes a Playwright binding. Either way the object has exactly the contract's
 * methods, plus `on` for events, and nothing else (no raw transport escapes).
 */
import { contract } from './contract'
import { channelOf, eventChannel } from './channels'
import type { Events } from './contract'
import type { PasserellesApi } from './types'
import type { Result } from '../result'

export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  /** Subscribe to an event channel; the listener receives only the payload. Returns unsubscribe. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
}

export function createClient(transport: Transport): PasserellesApi {
  const api: Record<string, unknown> = {}
  for (const [ns, methods] of Object.entries(contract)) {
    const group: Record<string, (input: unknown) => Promise<Result<unknown>>> = {}
    for (const name of Object.keys(methods)) {
      const channel = channelOf(ns, name)
      group[name] = (input: unknown) => transport.invoke(channel, input ?? {}) as Promise<Result<unknown>>
    }
    api[ns] = Object.freeze(group)
  }
  api.on = (name: keyof Events, listener: (payload: unknown) => void) =>
    transport.subscribe(eventChannel(name), listener)
  return Object.freeze(api) as unknown as PasserellesApi
}
