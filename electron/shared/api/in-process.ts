/**
 * The typed API object for callers in the same process as the services — the CLI, unit tests and
 * the e2e harness: `createClient` over the validated handler table, so each call is checked against
 * the contract's schema exactly as an IPC call is, and a changed contract breaks their compilation
 * as it breaks the renderer's. Events come from any subscribe function (the services' event bus).
 */
import { dispatch } from './bind'
import { eventChannel } from './channel-names'
import { createClient } from './client'
import type { Events } from './contract'
import type { EventPayload, HandlerTable, PasserellesApi } from './types'
import type { Result } from '../result'

/** The shape of the services' event bus (services/platform/event-bus.ts), without depending on it. */
export type EventSource = (listener: <E extends keyof Events>(name: E, payload: EventPayload<E>) => void) => () => void

export function inProcessClient(handlers: HandlerTable, events?: EventSource): PasserellesApi {
  return createClient({
    invoke: (channel, payload) => dispatch(handlers, channel, payload),
    subscribe: (channel, listener) => (events ? events((name, payload) => void (eventChannel(name) === channel && listener(payload))) : () => undefined),
  })
}

/** The value of a result, or an Error `code: message` (tests and scripts that expect success). */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}
