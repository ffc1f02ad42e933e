/**
 * The library the reader sees: the content pack followed by the reader's own documents (kind
 * `mien`), in library order. Ids cannot collide: imported ids start with `mien-`, and a pack
 * document with the same id would win (the pack is checked first).
 */
import { compareForLibrary } from '../../shared/content/document'
import type { DocumentSummary, RenderedDocument } from '../../shared/content/document'
import type { ContentLibrary } from '../content/content-library'
import type { LibraryReader } from '../content/library-reader'
import type { MineLibrary } from './mine-library'

export interface ReaderLibrary extends LibraryReader {
  has(id: string): boolean
}

export function createReaderLibrary(pack: ContentLibrary, mine: MineLibrary): ReaderLibrary {
  const packIds = new Set(pack.list().map((d) => d.id))
  return {
    list: (): readonly DocumentSummary[] => [...pack.list(), ...mine.list().filter((d) => !packIds.has(d.id))].sort(compareForLibrary),
    get: (id: string): RenderedDocument => (packIds.has(id) || !mine.has(id) ? pack.get(id) : mine.get(id)),
    has: (id) => packIds.has(id) || mine.has(id),
  }
}
