/**
 * Builds the renderer-facing API object from a transport. The preload passes `ipcRenderer.invoke`;
 * the e2e harness passes a Playwright binding. Either way the object has exactly the contract's
 * methods, plus `on` for events, and nothing else (no raw transport escapes).
 *
 * It is built from the plain channel list (channel-names.ts), not from the contract: this file runs
 * in the preload, which must not carry zod. Imports of the contract here are type-only.
 */
import { INVOKE_CHANNEL_NAMES, eventChannel } from './channel-names'
import type { Events } from './contract'
import type { PasserellesApi } from './types'
import type { Result } from '../result'

export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  /** Subscribe to an event channel; the listener receives only the payload. Returns unsubscribe. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
}

export function createClient(transport: Transport): PasserellesApi {
  const groups = new Map<string, Record<string, (input: unknown) => Promise<Result<unknown>>>>()
  for (const channel of INVOKE_CHANNEL_NAMES) {
    const colon = channel.indexOf(':')
    const ns = channel.slice(0, colon)
    const group = groups.get(ns) ?? {}
    groups.set(ns, group)
    group[channel.slice(colon + 1)] = (input: unknown) => transport.invoke(channel, input ?? {}) as Promise<Result<unknown>>
  }
  const api: Record<string, unknown> = {}
  for (const [ns, group] of groups) api[ns] = Object.freeze(group)
  api.on = (name: keyof Events, listener: (payload: unknown) => void) =>
    transport.subscribe(eventChannel(name), listener)
  return Object.freeze(api) as unknown as PasserellesApi
}
