/**
 * Scrollspy: which section heading the reader is in (the last listed heading just under the top
 * bar). Heading positions are measured once and again only when the body's size changes, so a
 * scroll costs a binary search. The answer lives in a tiny store: only the components that show it
 * (contents, breadcrumbs) re-render when it changes, not the whole reader.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { readingTop } from './reading-position'

/** Something shown on screen after a jump (a search match's range, an element). */
export interface JumpTarget {
  getBoundingClientRect(): DOMRect
}

export interface SpyStore {
  get(): string | null
  subscribe(listener: () => void): () => void
  /**
   * After a jump that centres a target (a search match), the current section is the one holding
   * the target, not the one whose heading is at the top, for as long as the target stays on screen.
   */
  pin(target: JumpTarget): void
}

function createSpyStore(): SpyStore & { set(id: string | null): void; pinned: JumpTarget | null; onPin: () => void } {
  let active: string | null = null
  const listeners = new Set<() => void>()
  const store: SpyStore & { set(id: string | null): void; pinned: JumpTarget | null; onPin: () => void } = {
    pinned: null,
    onPin: () => {},
    pin(target) {
      store.pinned = target
      store.onPin()
    },
    get: () => active,
    set(id) {
      if (id === active) return
      active = id
      listeners.forEach((l) => l())
    },
    subscribe(l) {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
  return store
}

/** The current section's id, re-rendering the caller only when it changes. */
export function useActiveSection(store: SpyStore): string | null {
  return useSyncExternalStore(store.subscribe, store.get)
}

export function useScrollSpy(body: HTMLElement | null, ids: readonly string[]): SpyStore {
  const [store] = useState(createSpyStore)
  useEffect(() => {
    if (!body || ids.length === 0) return
    const headings = ids.map((id) => body.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`)).filter((h): h is HTMLElement => h !== null)
    let tops: number[] | null = null
    const measureTops = (): number[] => headings.map((h) => h.getBoundingClientRect().top + window.scrollY)
    let frame = 0
    const update = (): void => {
      frame = 0
      tops ??= measureTops()
      // A heading just under the top bar (within a few lines) counts as the current section; after
      // a jump, the target's own line while it is on screen.
      let line = window.scrollY + readingTop() + 64
      const pinned = store.pinned?.getBoundingClientRect()
      if (pinned && pinned.bottom > readingTop() && pinned.top < window.innerHeight) line = Math.max(line, window.scrollY + (pinned.top + pinned.bottom) / 2)
      else store.pinned = null
      let lo = 0
      let hi = tops.length - 1
      let found = -1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        if (tops[mid]! <= line) {
          found = mid
          lo = mid + 1
        } else hi = mid - 1
      }
      const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4
      if (atBottom && window.scrollY > 0 && !store.pinned) found = headings.length - 1
      store.set(found >= 0 ? headings[found]!.id : null)
    }
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    const resized = new ResizeObserver(() => {
      tops = null
      schedule()
    })
    resized.observe(body)
    store.onPin = schedule
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule, { passive: true })
    schedule()
    return () => {
      cancelAnimationFrame(frame)
      resized.disconnect()
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
      store.onPin = () => {}
    }
  }, [body, ids, store])
  return store
}
