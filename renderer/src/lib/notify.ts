/**
 * Short messages for the person reading (« this link was not opened… »), shown by <Toasts/> in a
 * polite live region. A tiny store: no context needed, so plain modules (link routing) can notify.
 */
import { useSyncExternalStore } from 'react'

export interface Notice {
  readonly id: number
  readonly message: string
  readonly action?: { readonly label: string; readonly run: () => void }
}

let notices: readonly Notice[] = []
let nextId = 1
const listeners = new Set<() => void>()
const emit = (): void => listeners.forEach((l) => l())

export function notify(message: string, action?: Notice['action'], timeoutMs = 8000): number {
  const id = nextId++
  notices = [...notices.slice(-2), { id, message, ...(action ? { action } : {}) }]
  emit()
  setTimeout(() => dismiss(id), timeoutMs)
  return id
}

export function dismiss(id: number): void {
  if (!notices.some((n) => n.id === id)) return
  notices = notices.filter((n) => n.id !== id)
  emit()
}

export function useNotices(): readonly Notice[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => notices,
  )
}
