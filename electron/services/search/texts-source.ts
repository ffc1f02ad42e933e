/**
 * The texts as one search source (id `library`): the content pack's index (library-source.ts,
 * prebuilt or cached) and the index of the reader's imported documents (mine-index.ts), queried
 * with the same parsed query and merged by score — their scores are comparable, both being
 * FrenchIndex BM25 sums — so « Mes documents » are found, filtered and located like the pack.
 */
import type { ParsedQuery } from '../../shared/search/query'
import type { TextRange } from '../../shared/search/types'
import type { LibraryReader } from '../content/library-reader'
import { locateInText, searchIndex, spellingsOf } from './index-search'
import type { LibrarySource, SectionPlace } from './library-source'
import { placeIn } from './library-source'
import type { MineIndex } from './mine-index'
import type { SourceQuery, SourceResult } from './source'

export function createTextsSource(pack: LibrarySource, mine: MineIndex, mineDocs: LibraryReader): LibrarySource {
  return {
    id: 'library',
    status: () => pack.status(),
    ready: () => pack.ready(),
    async search(q: SourceQuery): Promise<SourceResult> {
      const [a, index] = await Promise.all([pack.search(q), mine.current()])
      if (index === null || q.parsed.scope === 'notes' || q.parsed.colors.length > 0) return a
      const b = searchIndex(index, 'library', q)
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
      const index = await mine.current()
      if (index === null) return null
      const records: number[] = []
      index.records.forEach((r, i) => index.docs[r.d]!.id === docId && records.push(i))
      return placeIn(index, records, offset)
    },
    async locate(parsed: ParsedQuery, docId: string): Promise<readonly TextRange[]> {
      if (!mine.has(docId)) return pack.locate!(parsed, docId)
      const index = await mine.current()
      return index === null ? [] : locateInText(index, parsed, mineDocs.get(docId).text)
    },
    async spellings(word: string): Promise<readonly string[]> {
      const index = await mine.current()
      const own = index === null ? [] : spellingsOf(index, word)
      return [...new Set([...(await pack.spellings!(word)), ...own])]
    },
  }
}
