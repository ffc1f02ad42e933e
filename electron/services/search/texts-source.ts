/**
 * The texts as one search source (id `library`): the content pack's index (library-source.ts,
 * prebuilt or cached) and the indexes of the reader's imported documents (mine-index.ts, one per
 * document), queried with the same parsed query and merged by score — their scores are comparable,
 * all being FrenchIndex BM25 sums — so « Mes documents » are found, filtered and located like the pack.
 */
import type { ParsedQuery } from '../../shared/search/query'
import type { TextRange } from '../../shared/search/types'
import type { LibraryReader } from '../content/library-reader'
import { locateInText } from './index-search'
import type { LibrarySource, SectionPlace } from './library-source'
import { placeIn } from './library-source'
import type { MineIndex } from './mine-index'
import type { SourceQuery, SourceResult } from './source'

export function createTextsSource(pack: LibrarySource, mine: MineIndex, mineDocs: LibraryReader): LibrarySource {
  return {
    id: 'library',
    status: () => pack.status(),
    // Ready once the pack's index and every imported document's are loaded (or built).
    ready: async () => void (await Promise.all([pack.ready(), mine.current()])),
    async search(q: SourceQuery): Promise<SourceResult> {
      const [a, set] = await Promise.all([pack.search(q), mine.current()])
      if (set.size === 0 || q.parsed.scope === 'notes' || q.parsed.colors.length > 0) return a
      const b = set.search(q, 'library')
      return {
        hits: [...a.hits, ...b.hits].sort((x, y) => y.score - x.score).slice(0, q.limit),
        totalSections: a.totalSections + b.totalSections,
        matchedDocs: [...a.matchedDocs, ...b.matchedDocs],
        facetDocs: [...a.facetDocs, ...b.facetDocs],
        ignored: [...new Set([...a.ignored, ...b.ignored])],
      }
    },
    async sectionAt(docId: string, offset: number): Promise<SectionPlace | null> {
      if (!mine.has(docId)) return pack.sectionAt(docId, offset)
      const set = await mine.current()
      const placed = set.get(docId)
      return placed ? placeIn(placed.segment.index, set.recordsOf(placed), offset) : null
    },
    async locate(parsed: ParsedQuery, docId: string): Promise<readonly TextRange[]> {
      if (!mine.has(docId)) return pack.locate!(parsed, docId)
      const placed = (await mine.current()).get(docId)
      return placed ? locateInText(placed.segment.index, parsed, mineDocs.get(docId).text) : []
    },
    async spellings(word: string): Promise<readonly string[]> {
      const own = (await mine.current()).spellings(word)
      return [...new Set([...(await pack.spellings!(word)), ...own])]
    },
  }
}
