/**
 * Service → window events (the contract's `events`). Services emit; main forwards to every window
 * over IPC, the e2e harness forwards to every page. Listeners never see each other.
 */
import type { Events } from '../../shared/api/contract'
import type { EventPayload } from '../../shared/api/types'

export type BusListener = <E extends keyof Events>(name: E, payload: EventPayload<E>) => void

export interface EventBus {
  emit<E extends keyof Events>(name: E, payload: EventPayload<E>): void
  subscribe(listener: BusListener): () => void
}

/** Listens to one event, typed by its name. */
export function onEvent<E extends keyof Events>(bus: EventBus, event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bus.subscribe((name, payload) => {
    const heard: keyof Events = name
    // Same name, so the payload is this event's; TypeScript cannot narrow one generic by another.
    if (heard === event) listener(payload as unknown as EventPayload<E>)
  })
}

export function createEventBus(): EventBus {
  const listeners = new Set<BusListener>()
  return {
    emit(name, payload) {
      for (const l of listeners) l(name, payload)
    },
    subscribe(l) {
      listeners.add(l)
      return () => void listeners.delete(l)
    },
  }
}
