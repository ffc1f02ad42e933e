/**
 * Maps an `app://reader/…` request to a file, refusing anything that could escape its root.
 * Used by the Electron protocol handler and by the e2e server, so both refuse the same tricks.
 *
 *   /                 → <bundle>/index.html
 *   /content/<path>   → <content>/<path>   (images of the content pack, and nothing else)
 *   /<path>           → <bundle>/<path>    (the built renderer)
 *
 * Order matters: the URL parser has already removed literal `..` and `%2e%2e` segments, but `..%2f`,
 * `..%5c` and double encodings survive parsing and only become dangerous once decoded, so we decode
 * first, then resolve, then check containment with `path.relative` (which also catches the
 * `/content-evil` vs `/content` prefix confusion a bare `startsWith` misses). Symlinks are checked
 * by `realpathInside` before a file is served.
 */
import { realpath } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import { APP_HOST, APP_SCHEME } from '../../shared/security/urls'

export interface Roots {
  /** Absolute, real path of the built renderer (`out/renderer`). */
  readonly bundle: string
  /** Absolute, real path of the content pack. */
  readonly content: string
}

export type Resolution =
  | { readonly status: 200; readonly file: string; readonly root: string; readonly mime: string }
  | { readonly status: 400 | 403 | 404 | 405; readonly reason: string }

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

/** What the /content/ route serves: images. */
const CONTENT_TYPES: ReadonlySet<string> = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.svg'])

function inside(root: string, target: string): boolean {
  const rel = relative(root, target)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

export function resolveAppRequest(method: string, rawUrl: string, roots: Roots): Resolution {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, reason: `method ${method} not allowed` }
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return { status: 400, reason: 'unparsable URL' }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return { status: 404, reason: `unknown origin ${url.origin}` }
  }
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return { status: 400, reason: 'bad percent-encoding' }
  }
  // A decoded `%` means the request was double-encoded: nothing of ours is named like that.
  if (/[\\%]/.test(path) || /\p{Cc}/u.test(path)) return { status: 400, reason: 'forbidden character in path' }
  if (path.split('/').some((seg) => seg === '..' || seg === '.')) return { status: 403, reason: 'dot segment' }
  if (/^\/(?:content\/)?[a-z]:/i.test(path) || path.includes('//')) return { status: 403, reason: 'absolute path' }

  const isContent = path.startsWith('/content/')
  const root = isContent ? roots.content : roots.bundle
  const sub = isContent ? path.slice('/content/'.length) : path === '/' ? 'index.html' : path.slice(1)
  const target = resolve(root, sub)
  if (!inside(root, target)) return { status: 403, reason: 'outside its root' }
  const ext = extname(target).toLowerCase()
  const mime = MIME[ext]
  if (!mime) return { status: 404, reason: `no such resource type (${ext || 'none'})` }
  // The content pack is data, possibly hostile: only its images are web resources. A script, page or
  // stylesheet planted in a pack must never become same-origin (CSP 'self') code.
  if (isContent && !CONTENT_TYPES.has(ext)) return { status: 404, reason: `content serves images only (${ext}); documents go through the API` }
  return { status: 200, file: target, root, mime }
}

/** Resolves symlinks and re-checks containment; false when the file is missing or escapes. */
export async function realpathInside(root: string, file: string): Promise<boolean> {
  try {
    const real = await realpath(file)
    return inside(root, real)
  } catch {
    return false
  }
}
