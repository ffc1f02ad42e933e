/**
 * Binds `window.passerelles` in a Playwright page to the REAL handler table running in the test
 * process — the e2e equivalent of the preload. The page object is built from the contract's channel
 * list, so it has exactly the methods the preload would expose.
 *
 * Each page is bound with its window role, and main's per-role rule (shared/security/window-roles.ts)
 * is applied exactly as main applies it: a refused call gets the same `forbidden-sender` value and
 * never reaches the handler. So the audience page of the e2e runs on the audience's allow-list, and
 * the specs prove the list is sufficient; refused calls are recorded for them to check.
 *
 * `replies: 'json'` sends each reply as a JSON string parsed in the page: Playwright delivers a
 * binding's reply as a script that the page compiles (for a large reply, tens of ms of V8 parse and
 * compile per call — a cost Electron's IPC, a structured clone, does not have). Benchmarks that
 * time the page use it; the specs keep Playwright's own serialisation (dates, undefined).
 */
import type { Page } from '@playwright/test'
import { CHANNELS, EVENT_NAMES, eventChannel } from '../../electron/shared/api/channels'
import { dispatch } from '../../electron/shared/api/bind'
import type { HandlerTable } from '../../electron/shared/api/types'
import type { EventBus } from '../../electron/services/platform/event-bus'
import { refuseForRole } from '../../electron/shared/security/window-roles'
import type { WindowRole } from '../../electron/shared/security/window-roles'
import { err } from '../../electron/shared/result'

export interface Binding {
  /** How many API calls the page made. */
  readonly calls: number
  /** Calls refused by the window role's rule (`role channel`), in order. */
  readonly refused: readonly string[]
  /** Re-attach event forwarding to a new bus (after a restart). */
  resubscribe(): void
}

export async function bindApi(page: Page, handlers: () => HandlerTable, bus: () => EventBus, role: WindowRole = 'main', replies: 'playwright' | 'json' = 'playwright'): Promise<Binding> {
  let calls = 0
  const refused: string[] = []
  await page.exposeBinding('__passerellesInvoke', async (_source, channel: unknown, payload: unknown) => {
    calls++
    // As ipc-guard.ts does in main, after the sender check: the role's rule, before any handler.
    const reason = refuseForRole(role, String(channel))
    if (reason) {
      refused.push(`${role} ${String(channel)}`)
      return err('forbidden-sender', `Refused ${String(channel)}: ${reason}`)
    }
    const reply = await dispatch(handlers(), channel, payload)
    return replies === 'json' ? JSON.stringify(reply) : reply
  })
  await page.addInitScript(
    ({ channels, events, json }) => {
      const listeners = new Map<string, Set<(p: unknown) => void>>()
      const bound = (window as unknown as { __passerellesInvoke(c: string, p: unknown): Promise<unknown> }).__passerellesInvoke
      const invoke = json ? (c: string, p: unknown): Promise<unknown> => bound(c, p).then((r) => JSON.parse(String(r)) as unknown) : bound
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
    { channels: [...CHANNELS], events: EVENT_NAMES.map(eventChannel), json: replies === 'json' },
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
    refused,
    resubscribe: subscribe,
  }
}
