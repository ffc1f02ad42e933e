/**
 * The links and images of one document, as the app's renderer sees them: `markdownToHtml` is run
 * with its `onLink`/`onImage` callbacks, and each address is located on its real file line.
 */
import { markdownToHtml } from '../../../shared/markdown/to-html'
import type { LinkTarget } from '../../../shared/markdown/links'
import { bodyLines } from './source-lines'
import type { ValidFile } from './issue'

export interface LinkRef {
  readonly target: LinkTarget
  readonly raw: string
  readonly line: number
}

export interface ImageRef {
  /** Content-relative path, or null for a remote image or a path that leaves the pack. */
  readonly path: string | null
  readonly raw: string
  readonly line: number
}

export interface References {
  readonly links: readonly LinkRef[]
  readonly images: readonly ImageRef[]
}

const cache = new WeakMap<ValidFile, References>()

export function referencesOf(file: ValidFile, idForPath: (path: string) => string | undefined): References {
  const cached = cache.get(file)
  if (cached) return cached
  const { body, bodyLine } = file.parsed
  const lines = bodyLines(body, bodyLine)
  const links: LinkRef[] = []
  const images: ImageRef[] = []
  markdownToHtml(body, {
    path: file.path,
    idForPath,
    onLink: (target, raw) => links.push({ target, raw, line: lines.locateNext(raw) }),
    onImage: (path, raw) => images.push({ path, raw, line: lines.locateNext(raw) }),
  })
  const refs = { links, images }
  cache.set(file, refs)
  return refs
}
