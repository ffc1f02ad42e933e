/**
 * Channel names, derived from the contract keys: main, the e2e binding and the CLI use these. The
 * preload uses the plain copy of channel-names.ts (no zod), pinned to these by its test.
 */
import { contract, events } from './contract'
import type { Channel, Namespace } from './types'
import { channelOf } from './channel-names'

export { channelOf, eventChannel } from './channel-names'

/** Every invoke channel, in contract order. */
export const CHANNELS: readonly Channel[] = (Object.keys(contract) as Namespace[]).flatMap((ns) =>
  Object.keys(contract[ns]).map((m) => channelOf(ns, m) as Channel),
)

export const EVENT_NAMES = Object.keys(events) as (keyof typeof events)[]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
