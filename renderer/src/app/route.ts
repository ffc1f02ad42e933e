/**
 * Hash routes, so Back/Forward (Alt+←/→, mouse buttons) work through the browser history and no
 * navigation ever leaves the page (main denies real navigations).
 *   #/                 library       #/doc/<id>[/<anchor>][?q=<query>]   a document (matches highlighted)
 *   #/settings         settings      #/search?q=<query>[&type=<kind>…][&tag=<tag>…]   search results
 *   #/decks            workshop decks
 *   #/present/presenter, #/present/audience   the two presentation windows (opened by main)
 *   #/about            « À propos »: version, licences, third-party notices
 */
import { useEffect, useState } from 'react'

export type Route =
  | { readonly view: 'library' }
  | { readonly view: 'document'; readonly id: string; readonly anchor: string | null; readonly highlight?: string | null }
  | { readonly view: 'settings' }
  | { readonly view: 'decks' }
  | { readonly view: 'present'; readonly role: 'presenter' | 'audience' }
  | { readonly view: 'about' }
  | { readonly view: 'search'; readonly q: string; readonly kinds: readonly string[]; readonly tags: readonly string[] }

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split(/\?(.*)/s, 2)
  const params = new URLSearchParams(search)
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p)
    } catch {
      return ''
    }
  })
  if (parts[0] === 'doc' && parts[1]) return { view: 'document', id: parts[1], anchor: parts[2] || null, highlight: params.get('q') || null }
  if (parts[0] === 'settings') return { view: 'settings' }
  if (parts[0] === 'decks') return { view: 'decks' }
  if (parts[0] === 'present' && (parts[1] === 'presenter' || parts[1] === 'audience')) return { view: 'present', role: parts[1] }
  if (parts[0] === 'about') return { view: 'about' }
  if (parts[0] === 'search') return { view: 'search', q: params.get('q') ?? '', kinds: params.getAll('type'), tags: params.getAll('tag') }
  return { view: 'library' }
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/'
    case 'settings':
      return '#/settings'
    case 'decks':
      return '#/decks'
    case 'present':
      return `#/present/${route.role}`
    case 'about':
      return '#/about'
    case 'document': {
      const q = route.highlight ? `?${new URLSearchParams({ q: route.highlight })}` : ''
      return `#/doc/${encodeURIComponent(route.id)}${route.anchor ? `/${encodeURIComponent(route.anchor)}` : ''}${q}`
    }
    case 'search': {
      const params = new URLSearchParams({ q: route.q })
      for (const k of route.kinds) params.append('type', k)
      for (const t of route.tags) params.append('tag', t)
      return `#/search?${params}`
    }
  }
}

export function navigate(route: Route): void {
  const hash = routeHash(route)
  if (window.location.hash !== hash) window.location.hash = hash
}

/** Updates the address without a new history entry and without re-rendering the route. */
export function replaceRoute(route: Route): void {
  const hash = routeHash(route)
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
