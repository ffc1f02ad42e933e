/** Channel names, derived from the contract keys. Nobody writes a channel string by hand. */
import { contract, events } from './contract'
import type { Channel, Namespace } from './types'

export function channelOf(namespace: string, name: string): string {
  return `${namespace}:${name}`
}

/** Every invoke channel, in contract order. */
export const CHANNELS: readonly Channel[] = (Object.keys(contract) as Namespace[]).flatMap((ns) =>
  Object.keys(contract[ns]).map((m) => channelOf(ns, m) as Channel),
)

/** The channel of a main → renderer event. */
export function eventChannel(name: keyof typeof events): string {
  return `event:${name}`
}

export const EVENT_NAMES = Object.keys(events) as (keyof typeof events)[]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
