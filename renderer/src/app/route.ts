/**
 * The renderer's router: the routes themselves (`Route`, `parseRoute`, `routeHash`) are shared code
 * (electron/shared/links/route.ts), so main builds the route of a `passerelles://` link with the
 * same encoder; here, the browser history around them.
 */
import { useEffect, useState } from 'react'
import { parseRoute, routeHash } from '../../../electron/shared/links/route'
import type { Route } from '../../../electron/shared/links/route'

export { parseRoute, routeHash }
export type { Route }

/** Goes to a route, adding a history entry (Back returns here). */
export function navigate(route: Route): void {
  const hash = routeHash(route)
  if (window.location.hash !== hash) window.location.hash = hash
}

const REPLACED = 'passerelles:route-replaced'

/** Changes the current history entry's route without adding an entry (filters, for instance). */
export function replaceRoute(route: Route): void {
  const hash = routeHash(route)
  if (window.location.hash === hash) return
  history.replaceState(history.state, '', hash)
  window.dispatchEvent(new Event(REPLACED))
}

/** Merges data into the current history entry's state (scroll positions, reading offsets). */
export function updateHistoryState(patch: Readonly<Record<string, unknown>>): void {
  const current: unknown = history.state
  const base = current !== null && typeof current === 'object' ? (current as Record<string, unknown>) : {}
  history.replaceState({ ...base, ...patch }, '')
}

export function historyState<T>(key: string): T | undefined {
  const current: unknown = history.state
  return current !== null && typeof current === 'object' ? ((current as Record<string, unknown>)[key] as T | undefined) : undefined
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    window.addEventListener(REPLACED, onChange)
    return () => {
      window.removeEventListener('hashchange', onChange)
      window.removeEventListener(REPLACED, onChange)
    }
  }, [])
  return route
}
