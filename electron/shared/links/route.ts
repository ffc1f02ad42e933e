/**
 * The app's hash routes, parsed and built in one place for every room: the renderer's router
 * (renderer/src/app/route.ts adds the history hooks), the Markdown renderer's links between documents
 * (`documentRoute`) and main, which turns a `passerelles://` link into a route (links/deep-link.ts).
 * Hash routes, so Back/Forward (Alt+←/→, mouse buttons) work through the browser history and no
 * navigation ever leaves the page (main denies real navigations).
 *   #/[?kind=…&tag=…]   library       #/doc/<id>[/<anchor>][?q=<query>]   a document (search matches highlighted)
 *   #/doc/<id>?annotation=<uuid>   a document opened at an annotation (exported links)
 *   #/export[?doc=<id>]  the notes export dialog (scope: that document)
 *   #/settings          settings      #/search?q=<query>[&type=<kind>…][&tag=<tag>…][&source=library|annotations|answers]   search results
 *   #/decks             workshop decks
 *   #/present/presenter, #/present/audience   the two presentation windows (opened by main)
 *   #/about             « À propos »: version, licences, third-party notices
 *   #/notes             every annotation (global view); #/doc/<id>?annotation=<uuid> jumps to one
 */
import { LIBRARY_KINDS } from '../content/front-matter'
import type { LibraryKind } from '../content/front-matter'

export type Route =
  | { readonly view: 'library'; readonly kind?: LibraryKind | null; readonly tag?: string | null }
  | { readonly view: 'document'; readonly id: string; readonly anchor: string | null; readonly highlight?: string | null; readonly annotation?: string | null }
  | { readonly view: 'export'; readonly doc?: string | null }
  | { readonly view: 'settings' }
  | { readonly view: 'search'; readonly q: string; readonly kinds: readonly string[]; readonly tags: readonly string[]; readonly sources?: readonly string[] }
  | { readonly view: 'decks' }
  | { readonly view: 'present'; readonly role: 'presenter' | 'audience' }
  | { readonly view: 'about' }
  | { readonly view: 'notes' }

function decode(p: string): string {
  try {
    return decodeURIComponent(p)
  } catch {
    return ''
  }
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split(/\?(.*)/s, 2)
  const parts = path.split('/').filter(Boolean).map(decode)
  const params = new URLSearchParams(query)
  if (parts[0] === 'doc' && parts[1]) {
    const annotation = params.get('annotation')
    return { view: 'document', id: parts[1], anchor: parts[2] || null, highlight: params.get('q') || null, annotation: annotation || null }
  }
  if (parts[0] === 'export') return { view: 'export', doc: params.get('doc') || null }
  if (parts[0] === 'settings') return { view: 'settings' }
  if (parts[0] === 'decks') return { view: 'decks' }
  if (parts[0] === 'present' && (parts[1] === 'presenter' || parts[1] === 'audience')) return { view: 'present', role: parts[1] }
  if (parts[0] === 'about') return { view: 'about' }
  if (parts[0] === 'notes') return { view: 'notes' }
  if (parts[0] === 'search') return { view: 'search', q: params.get('q') ?? '', kinds: params.getAll('type'), tags: params.getAll('tag'), sources: params.getAll('source') }
  const kind = params.get('kind')
  return {
    view: 'library',
    kind: (LIBRARY_KINDS as readonly string[]).includes(kind ?? '') ? (kind as LibraryKind) : null,
    tag: params.get('tag') || null,
  }
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library': {
      const params = new URLSearchParams()
      if (route.kind) params.set('kind', route.kind)
      if (route.tag) params.set('tag', route.tag)
      const q = params.toString()
      return q ? `#/?${q}` : '#/'
    }
    case 'settings':
      return '#/settings'
    case 'decks':
      return '#/decks'
    case 'present':
      return `#/present/${route.role}`
    case 'about':
      return '#/about'
    case 'export':
      return route.doc ? `#/export?${new URLSearchParams({ doc: route.doc })}` : '#/export'
    case 'notes':
      return '#/notes'
    case 'document': {
      const params = new URLSearchParams()
      if (route.highlight) params.set('q', route.highlight)
      if (route.annotation) params.set('annotation', route.annotation)
      const q = params.size > 0 ? `?${params}` : ''
      return `${documentRoute(route.id, route.anchor)}${q}`
    }
    case 'search': {
      const params = new URLSearchParams({ q: route.q })
      for (const k of route.kinds) params.append('type', k)
      for (const t of route.tags) params.append('tag', t)
      for (const s of route.sources ?? []) params.append('source', s)
      return `#/search?${params}`
    }
  }
}

/**
 * The hash route of a document — `#/doc/<id>[/<anchor>]`, without a query — for the Markdown
 * renderer's links between documents and for `routeHash`. The ids are percent-encoded, so a route
 * is always one hash, whatever an id holds.
 */
export function documentRoute(docId: string, anchor: string | null): string {
  return `#/doc/${encodeURIComponent(docId)}${anchor ? `/${encodeURIComponent(anchor)}` : ''}`
}
