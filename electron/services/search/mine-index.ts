/**
 * The search index of the reader's imported documents: one French index over their sections,
 * built like the pack's (buildStoredIndex over the rendered text, so offsets agree with the
 * reader), on first need and again on the first query after a document is added, changed or
 * removed. The pack's prebuilt index is never touched. (Indexing one document at a time, and
 * keeping the index on disk, is issue #17 item 5: not done yet.)
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { LibraryReader } from '../content/library-reader'
import { buildStoredIndex } from './build-index'
import type { IndexableDocument } from './build-index'
import { FrenchIndex } from './french-index'

export interface MineIndex {
  /** The current index (null when there are no imported documents). */
  current(): Promise<FrenchIndex | null>
  has(docId: string): boolean
  /** Marks the index stale (a document was added, changed or removed). */
  invalidate(): void
}

export function createMineIndex(mine: LibraryReader): MineIndex {
  let built: Promise<FrenchIndex | null> | null = null
  async function build(): Promise<FrenchIndex | null> {
    const docs: IndexableDocument[] = []
    for (const s of mine.list()) {
      const d = mine.get(s.id)
      docs.push({ id: s.id, title: s.title, kind: s.kind, tags: s.tags, text: d.text, sections: d.sections, apparatus: d.apparatus })
      await nextTurn()
    }
    return docs.length === 0 ? null : FrenchIndex.load(buildStoredIndex(docs, 'mine', new Date(0).toISOString()))
  }
  return {
    current() {
      built ??= build()
      // A failed build is tried again on the next query (the documents are the truth, this is an index).
      built.catch(() => (built = null))
      return built
    },
    has: (docId) => mine.list().some((d) => d.id === docId),
    invalidate: () => void (built = null),
  }
}
