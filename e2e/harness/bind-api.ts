/**
 * Binds `window.passerelles` in a Playwright page to the REAL handler table running in the test
 * process — the e2e equivalent of the preload. The page object is built from the contract's channel
 * list, so it has exactly the methods the preload would expose.
 */
import type { Page } from '@playwright/test'
import { CHANNELS, EVENT_NAMES, eventChannel } from '../../electron/shared/api/channels'
import { dispatch } from '../../electron/shared/api/bind'
import type { HandlerTable } from '../../electron/shared/api/types'
import type { EventBus } from '../../electron/services/platform/event-bus'

export interface Binding {
  /** How many API calls the page made. */
  readonly calls: number
  /** Re-attach event forwarding to a new bus (after a restart). */
  resubscribe(): void
}

export async function bindApi(page: Page, handlers: () => HandlerTable, bus: () => EventBus): Promise<Binding> {
  let calls = 0
  await page.exposeBinding('__passerellesInvoke', async (_source, channel: unknown, payload: unknown) => {
    calls++
    return dispatch(handlers(), channel, payload)
  })
  await page.addInitScript(
    ({ channels, events }) => {
      const listeners = new Map<string, Set<(p: unknown) => void>>()
      const invoke = (window as unknown as { __passerellesInvoke(c: string, p: unknown): Promise<unknown> }).__passerellesInvoke
      const api: Record<string, unknown> = {}
      for (const ch of channels) {
        const [ns, name] = ch.split(':') as [string, string]
        const group = (api[ns] ??= {}) as Record<string, unknown>
        group[name] = (input: unknown) => invoke(ch, input ?? {})
      }
      api.on = (name: string, listener: (p: unknown) => void) => {
        const ch = `event:${name}`
        if (!events.includes(ch)) return () => undefined
        const set = listeners.get(ch) ?? new Set()
        listeners.set(ch, set)
        set.add(listener)
        return () => set.delete(listener)
      }
      Object.defineProperty(window, 'passerelles', { value: Object.freeze(api), configurable: false, writable: false })
      Object.defineProperty(window, '__passerellesEmit', {
        value: (ch: string, payload: unknown) => listeners.get(ch)?.forEach((l) => l(payload)),
      })
    },
    { channels: [...CHANNELS], events: EVENT_NAMES.map(eventChannel) },
  )
  let unsubscribe = (): void => undefined
  const subscribe = (): void => {
    unsubscribe()
    unsubscribe = bus().subscribe((name, payload) => {
      void page
        .evaluate(([ch, p]) => (window as unknown as { __passerellesEmit(c: string, p: unknown): void }).__passerellesEmit(ch, p), [eventChannel(name), payload] as const)
        .catch(() => undefined)
    })
  }
  subscribe()
  page.on('close', () => unsubscribe())
  return {
    get calls() {
      return calls
    },
    resubscribe: subscribe,
  }
}
