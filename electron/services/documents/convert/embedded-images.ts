/**
 * The pictures an imported file carries inside itself (a DOCX's word/media, an ODT's Pictures/, an
 * EPUB's images, an HTML page's data: URIs) come into the normalised Markdown as `data:` URIs —
 * the CSP's `img-src 'self' data:` shows them, nothing is stored beside the document and nothing is
 * ever fetched. Only raster types recognised by their first bytes (PNG, JPEG, GIF, WebP: never
 * SVG, which is a document of its own) and within bounds: MAX_IMAGE_BYTES per image,
 * MAX_DOCUMENT_IMAGE_BYTES per document. Anything else keeps the visible placeholder
 * (`imagePlaceholder`): a remote src, an absent entry, a path out of the archive, SVG or another
 * type, a bound passed. The import report has no place for warnings yet, so why is not reported.
 */
import { posix } from 'node:path'
import type { ZipEntries } from './zip'

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024
export const MAX_DOCUMENT_IMAGE_BYTES = 8 * 1024 * 1024

export type RasterType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'

const startsWith = (b: Uint8Array, at: number, magic: readonly number[]): boolean => magic.every((m, i) => b[at + i] === m)
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))

/** The raster type the bytes are (by their signature, whatever the file name says); null for anything else. */
export function rasterType(b: Uint8Array): RasterType | null {
  if (startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(b, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(b, 0, ascii('GIF87a')) || startsWith(b, 0, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(b, 0, ascii('RIFF')) && startsWith(b, 8, ascii('WEBP'))) return 'image/webp'
  return null
}

/** A `src` that would be fetched from elsewhere (a scheme other than data:, `//host`, a Windows path). */
export function isRemoteSource(src: string): boolean {
  const s = src.trim()
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(s) && !/^data:/i.test(s)
}

/**
 * A relative `src` as an entry name, resolved against the folder of the part that names it
 * (decoded, query and fragment dropped); null when it climbs out of the archive or is absolute.
 */
export function entryPath(baseDir: string, src: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(src.split('#')[0]!.split('?')[0]!)
  } catch {
    return null
  }
  if (path === '' || path.startsWith('/') || path.includes('\\')) return null
  const joined = posix.normalize(posix.join(baseDir, path))
  return joined === '..' || joined.startsWith('../') || joined.startsWith('/') ? null : joined
}

/** A `data:` URI's bytes (base64 or percent-encoded), or null when it is not one. */
export function dataUriBytes(src: string): Uint8Array | null {
  const m = /^data:([^,]*),(.*)$/is.exec(src.trim())
  if (!m) return null
  const base64 = /;base64$/i.test(m[1]!)
  try {
    return base64 ? new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64')) : new Uint8Array(Buffer.from(decodeURIComponent(m[2]!), 'latin1'))
  } catch {
    return null
  }
}

/** One document's images: each checked and counted against the document's budget. */
export class EmbeddedImages {
  private used = 0

  /** `read` gets a src and the folder of the part naming it (an archive's entry folder; '' elsewhere). */
  constructor(private readonly read: (src: string, baseDir: string) => Uint8Array | null) {}

  /** The image `src` names as a data: URI, or null when it stays a placeholder. */
  dataUri(src: string, baseDir = ''): string | null {
    return this.embed(isRemoteSource(src) ? null : this.read(src, baseDir))
  }

  /** Bytes already read (null: none) as a data: URI, or null when they stay a placeholder. */
  embed(bytes: Uint8Array | null): string | null {
    const type = bytes === null ? null : rasterType(bytes)
    // Not a raster picture (absent, SVG, anything else), too large, or past the document's budget.
    if (bytes === null || type === null || bytes.byteLength > MAX_IMAGE_BYTES || this.used + bytes.byteLength > MAX_DOCUMENT_IMAGE_BYTES) return null
    this.used += bytes.byteLength
    return `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`
  }
}

/** Images given only as `data:` URIs (an HTML page: anything else it names is elsewhere, never read). */
export function dataUriImages(): EmbeddedImages {
  return new EmbeddedImages(dataUriBytes)
}

/** The zip entries an importer inflates as images: raster names, within the per-image bound (zip.ts's `wanted`). */
export function isImageEntry(name: string, size: number): boolean {
  return /\.(?:png|jpe?g|gif|webp)$/i.test(name) && size <= MAX_IMAGE_BYTES
}

/**
 * Images named by the parts of a zip archive, relative to the naming part's folder, read from the
 * bounded reader's entries (null: absent, or not inflated because not an image entry).
 */
export function zipImages(zip: Pick<ZipEntries, 'bytes'>): EmbeddedImages {
  return new EmbeddedImages((src, baseDir) => {
    // A data: URI inside an archive's part is not one of the file's stored pictures: left out.
    const name = /^data:/i.test(src.trim()) ? null : entryPath(baseDir, src)
    return name === null ? null : zip.bytes(name)
  })
}
