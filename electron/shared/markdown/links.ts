/**
 * How a link or image address in a content document is treated. Pure: the caller says which
 * document the link sits in and how paths map to document ids.
 */

export type LinkTarget =
  | { readonly kind: 'anchor'; readonly anchor: string }
  | { readonly kind: 'document'; readonly docId: string; readonly anchor: string | null }
  | { readonly kind: 'external'; readonly url: string }
  /** A relative link to something that is not a known document (reported by `check`). */
  | { readonly kind: 'broken'; readonly href: string }
  /** A scheme we never follow (`javascript:`, `file:`, `data:`…). */
  | { readonly kind: 'blocked'; readonly href: string }

/** Joins a relative path onto the folder of `fromPath` (both with forward slashes), or null if it escapes. */
export function resolveRelativePath(fromPath: string, relative: string): string | null {
  const parts = fromPath.split('/').slice(0, -1)
  for (const seg of relative.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else parts.push(seg)
  }
  return parts.join('/')
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

export function classifyLink(href: string, fromPath: string, idForPath: (path: string) => string | undefined): LinkTarget {
  const trimmed = href.trim()
  if (trimmed.startsWith('#')) return { kind: 'anchor', anchor: safeDecode(trimmed.slice(1)) ?? '' }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)
  if (scheme) {
    const s = scheme[1]!.toLowerCase()
    if (s === 'https' || s === 'http' || s === 'mailto') return { kind: 'external', url: trimmed }
    return { kind: 'blocked', href: trimmed }
  }
  if (trimmed.startsWith('//')) return { kind: 'blocked', href: trimmed }
  const [pathPart = '', ...rest] = trimmed.split('#')
  const anchor = rest.length ? (safeDecode(rest.join('#')) ?? '') : null
  const decoded = safeDecode(pathPart)
  const resolved = decoded === null ? null : resolveRelativePath(fromPath, decoded)
  const docId = resolved === null ? undefined : idForPath(resolved)
  return docId ? { kind: 'document', docId, anchor: anchor || null } : { kind: 'broken', href: trimmed }
}
