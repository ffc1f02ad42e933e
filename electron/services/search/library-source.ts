/**
 * The content library as a search source. Its index is opened on first need (`ready()`, which the
 * app calls at start; or the first query): prebuilt, then cached, else built (see index-store.ts). Building renders every document
 * (the same rendering the reader shows, so offsets agree) and yields to the event loop between
 * documents so the app stays responsive.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { ContentLibrary } from '../content/content-library'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'
import type { SearchStatus, TextRange } from '../../shared/search/types'
import type { ParsedQuery } from '../../shared/search/query'
import { buildStoredIndex } from './build-index'
import type { IndexableDocument } from './build-index'
import { FrenchIndex } from './french-index'
import type { StoredIndex } from './index-format'
import { cachedIndexPath, fingerprintOf, prebuiltIndexPath, readIndexFile, writeIndexFile } from './index-store'
import { locateInText, searchIndex, spellingsOf } from './index-search'
import { EMPTY_RESULT } from './source'
import type { SearchSource, SourceQuery, SourceResult } from './source'

export interface LibrarySourceOptions {
  readonly library: ContentLibrary
  readonly dataDir: string
  readonly clock: Clock
  readonly log: Logger
}

/** Where an offset of a document's rendered text falls: its section, as search results name it. */
export interface SectionPlace {
  readonly sectionId: string
  readonly heading: string
  readonly path: readonly string[]
}

export interface LibrarySource extends SearchSource {
  status(): SearchStatus
  /** The section holding `offset` in a document's text, read from the index (nothing is rendered). */
  sectionAt(docId: string, offset: number): Promise<SectionPlace | null>
}

/** The record of `docId` whose span (heading included) holds `offset`; the last one that starts before it. */
export function placeIn(index: FrenchIndex, records: readonly number[], offset: number): SectionPlace | null {
  let found: number | undefined
  for (const i of records) {
    const r = index.records[i]!
    if ((r.ho >= 0 ? r.ho : r.bo) <= offset) found = i
    else break
  }
  const r = found === undefined ? undefined : index.records[found]
  return r ? { sectionId: r.s, heading: r.h, path: r.p } : null
}

/** Renders every document of the library into what indexing needs, yielding between documents. */
export async function indexableDocuments(library: ContentLibrary): Promise<IndexableDocument[]> {
  const out: IndexableDocument[] = []
  for (const s of library.list()) {
    const d = library.get(s.id)
    out.push({ id: s.id, title: s.title, kind: s.kind, tags: s.tags, text: d.text, sections: d.sections, apparatus: d.apparatus })
    await nextTurn()
  }
  return out
}

export async function buildLibraryIndex(library: ContentLibrary, clock: Clock): Promise<StoredIndex> {
  const docs = await indexableDocuments(library)
  return buildStoredIndex(docs, fingerprintOf(library.list()), clock.now().toISOString())
}

export function createLibrarySource(options: LibrarySourceOptions): LibrarySource {
  const { library, dataDir, clock, log } = options
  let status: SearchStatus = { state: 'idle', origin: null, documents: 0, sections: 0, loadMs: null, builtAt: null, message: null }

  async function open(): Promise<FrenchIndex> {
    status = { ...status, state: 'building' }
    const fingerprint = fingerprintOf(library.list())
    for (const [origin, path] of [['prebuilt', prebuiltIndexPath(library.contentDir)], ['cache', cachedIndexPath(dataDir)]] as const) {
      const started = performance.now()
      const read = await readIndexFile(path, fingerprint)
      if (read.status === 'ok') {
        try {
          const loaded = FrenchIndex.load(read.stored)
          const loadMs = performance.now() - started
          log.info(`search: ${origin} index loaded in ${loadMs.toFixed(1)} ms (${path})`)
          status = { ...status, state: 'ready', origin, documents: loaded.docs.length, sections: loaded.size, loadMs, builtAt: loaded.builtAt }
          return loaded
        } catch (e) {
          log.warn(`search: cannot load ${path}, rebuilding: ${(e as Error).message}`)
        }
      } else if (read.status !== 'missing') {
        log.info(`search: ${read.reason}`)
      }
    }
    const started = performance.now()
    const stored = await buildLibraryIndex(library, clock)
    const built = FrenchIndex.load(stored)
    const loadMs = performance.now() - started
    status = { ...status, state: 'ready', origin: 'built', documents: built.docs.length, sections: built.size, loadMs, builtAt: stored.builtAt }
    log.info(`search: index built in ${loadMs.toFixed(0)} ms`)
    await writeIndexFile(cachedIndexPath(dataDir), stored).catch((e: unknown) => log.warn(`search: cannot save the index cache: ${(e as Error).message}`))
    return built
  }

  let opened: Promise<FrenchIndex> | null = null
  /** Record numbers of each document, in text order (made on first need). */
  let recordsOf: Map<string, number[]> | null = null
  const index = (): Promise<FrenchIndex> => {
    if (!opened) {
      opened = open()
      opened.catch((e: unknown) => {
        status = { ...status, state: 'failed', message: (e as Error).message }
        log.error('search: the index could not be loaded or built', e)
      })
    }
    return opened
  }

  return {
    id: 'library',
    status: () => status,
    ready: async () => void (await index()),
    async search(q: SourceQuery): Promise<SourceResult> {
      // Only notes have colours; `in:notes` leaves the texts out.
      if (q.parsed.scope === 'notes' || q.parsed.colors.length > 0) return EMPTY_RESULT
      return searchIndex(await index(), 'library', q)
    },
    async sectionAt(docId, offset) {
      const loaded = await index()
      if (!recordsOf) {
        recordsOf = new Map()
        loaded.records.forEach((r, i) => {
          const id = loaded.docs[r.d]!.id
          const list = recordsOf!.get(id)
          if (list) list.push(i)
          else recordsOf!.set(id, [i])
        })
      }
      return placeIn(loaded, recordsOf.get(docId) ?? [], offset)
    },
    async locate(parsed: ParsedQuery, docId: string): Promise<readonly TextRange[]> {
      return locateInText(await index(), parsed, library.get(docId).text)
    },
    async spellings(word: string): Promise<readonly string[]> {
      return spellingsOf(await index(), word)
    },
  }
}
