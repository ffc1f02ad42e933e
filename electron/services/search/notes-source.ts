/**
 * The reader's notes as a search source (id `annotations`): every annotation is one record of a
 * small French index — its note in the `headings` field (the reader's own words weigh more), its
 * passage in `body`, its tags in `tags`, its document's title in `title` — so notes are searched with
 * the same query language, stemming and scoring as the texts, and their hits merge with them. The
 * note is indexed and shown without its Markdown (note-text.ts).
 *
 * Filters: `in:notes` keeps only this source (`in:textes` leaves it out); `couleur:` keeps notes of
 * the colours named (id, name or the reader's label, see color-names.ts); `tag:` applies to the
 * note's own tags; `type:` and the UI's facets to the kind and tags of the annotated document.
 *
 * Freshness: the notes are indexed per document, on first need; the next query after a change the
 * annotation service reports (here or from another process) re-indexes the documents it names, so
 * a query never sees a deleted note or an old version of one.
 *
 * Start-up (issue #17, item 5): a document's notes are cut into shards of at most `NOTES_PER_SHARD`
 * (notes-shard.ts: building one never holds the event loop long), each kept in a file with the
 * fingerprint of what it indexed, and a manifest names the annotation store's revision they were
 * made from (notes-cache.ts). At start, when the store's revision is the manifest's, each
 * document's shards are read from their files — no note is listed, no document rendered — in
 * short runs between turns of the event loop; a document whose key (title, kind,
 * version) changed, or whose file is missing, torn or disagrees (named in the log), is listed and
 * re-indexed alone. When the store changed meanwhile (another process, the CLI), every note is
 * listed once and each shard whose fingerprint is unchanged is still read, not built. The files
 * are a cache (the annotation store is the truth).
 */
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { inShortTurns } from '../platform/short-turns'
import type { Logger } from '../platform/log'
import { writeCacheFile } from '../platform/atomic-file'
import { documentKey, isManifest, isShardFile, MANIFEST_FILE, NOTES_CACHE_FORMAT, readCacheJson, shardFile } from './notes-cache'
import type { NotesManifest } from './notes-cache'
import { buildShard, NOTES_PER_SHARD, shardFingerprint, shardFromFile } from './notes-shard'
import { colorFilter, ownMatch } from './notes-filters'
import type { Shard } from './notes-shard'
import { ListQuerySchema } from '../../shared/annotations/query'
import type { AnnotationView, ListResult, ParsedListQuery } from '../../shared/annotations/query'
import type { ColorLabels } from '../../shared/annotations/model'
import type { ParsedQuery } from '../../shared/search/query'
import type { SearchNotice } from '../../shared/search/types'
import type { ApparatusRange, DocumentSummary } from '../../shared/content/document'
import { compileQuery } from './compile'
import { bind, SharedTerms } from './shared-terms'
import type { CompiledQuery } from './compile'
import { docPasses, evaluate } from './evaluate'
import type { FrenchIndex } from './french-index'
import { queryFilter } from './index-search'
import type { SectionPlace } from './library-source'
import { cutSnippet, highlight, matchSpans } from './snippet'
import { EMPTY_RESULT } from './source'
import type { MatchedDoc, SearchSource, SourceHit, SourceQuery, SourceResult } from './source'

/** What the notes source needs from the annotation service. */
export interface NotesFeed {
  list(query: ParsedListQuery): Promise<ListResult>
  labels(): Promise<ColorLabels>
  /** The store's revision (annotation-store.ts): the same one means the same notes, in any process. */
  revision(): Promise<string | null>
  onChange(listener: (docIds: readonly string[] | null) => void): void
}

export interface NotesSourceOptions {
  readonly annotations: NotesFeed
  /** A document's footnote apparatus (RenderedDocument.apparatus): calls and back-links are left out of the quotes shown. */
  readonly apparatus?: (docId: string) => readonly ApparatusRange[]
  /** The library's documents (title, kind, tags), in library order. */
  readonly documents: () => readonly DocumentSummary[]
  /** The section holding an offset of a document's text (from the library's index). */
  readonly sectionAt: (docId: string, offset: number) => Promise<SectionPlace | null>
  /**
   * Where the shards' indexes are kept (`<data dir>/search/notes/`) and the app's version (files
   * made by another version are not trusted); none: built at every start.
   */
  readonly cache?: { readonly dir: string; readonly log: Logger; readonly version: string }
}

export { NOTES_PER_SHARD } from './notes-shard'

const SNIPPET = 220
const QUOTE_SNIPPET = 180

/** A matching note: its shard, its record there and its score. */
interface Match {
  readonly shard: number
  readonly record: number
  readonly score: number
}

export { notesCacheDir } from './notes-cache'

export function createNotesSource(options: NotesSourceOptions): SearchSource {
  const { annotations, cache } = options
  /** Shards of each document, documents in library order once refreshed. */
  let shards = new Map<string, readonly Shard[]>()
  /** Every shard's stems and words, for compiling a query once (shared-terms.ts). */
  const terms = new SharedTerms()
  /** Documents whose notes changed since their shards were built; `all` until the first build. */
  let dirty: Set<string> | 'all' = 'all'
  /** Changes reported so far: a manifest is written only for a refresh that none happened during. */
  let changes = 0
  /** Documents with notes that are not in the library (not indexed; kept in the manifest). */
  let unindexed = new Set<string>()
  /** Shard files seen in the cache folder (read once): the others are not looked for. */
  let cached: Set<string> | null = null
  /** The manifest last written or read, as text (not written again unchanged). */
  let manifestText = ''
  annotations.onChange((docIds) => {
    changes++
    if (docIds === null) dirty = 'all'
    else if (dirty !== 'all') for (const id of docIds) dirty.add(id)
  })

  /**
   * A shard from its file when it holds `fingerprint`, else null. A file that cannot be used is
   * named in the log; so is one that disagrees when `expected` (the manifest named its fingerprint).
   */
  function readShard(doc: DocumentSummary, name: string, fingerprint: string, expected: boolean): Shard | null {
    if (!cache) return null
    const path = join(cache.dir, name)
    if (!cached?.has(name)) {
      if (expected) cache.log.warn(`search: ${path} is missing, indexing these notes again`)
      return null
    }
    const read = readCacheJson(path, isShardFile, 'a notes index')
    let problem = 'problem' in read ? read.problem : null
    if (!('problem' in read)) {
      if (read.value.fingerprint !== fingerprint) {
        // The notes changed since (rebuilt and rewritten); the manifest's own files never differ.
        if (!expected) return null
        problem = 'its fingerprint is not the one the manifest names'
      } else {
        try {
          return shardFromFile(doc, read.value)
        } catch (e) {
          problem = (e as Error).message
        }
      }
    }
    cache.log.warn(`search: ${path} is unusable (${problem}), indexing these notes again`)
    cached?.delete(name) // not read again: the rebuild writes it anew
    return null
  }

  async function writeCache(name: string, text: string): Promise<void> {
    if (!cache) return
    const path = join(cache.dir, name)
    try {
      await writeCacheFile(path, text)
      if (name !== MANIFEST_FILE) cached?.add(name)
    } catch (e) {
      cache.log.warn(`search: cannot save ${path}: ${(e as Error).message}`)
    }
  }

  /** A document's notes as shards: kept if unchanged, else read from the cache, else built (yielding between shards). */
  async function shardsOf(doc: DocumentSummary, views: readonly AnnotationView[], previous: readonly Shard[]): Promise<Shard[]> {
    const out: Shard[] = []
    let apparatus: readonly ApparatusRange[] | null = null // looked up once, and only to build: it may render the document
    for (let n = 0; n * NOTES_PER_SHARD < views.length; n++) {
      const chunk = views.slice(n * NOTES_PER_SHARD, (n + 1) * NOTES_PER_SHARD)
      const fingerprint = shardFingerprint(doc, chunk, cache?.version ?? '')
      // The library's summary is taken anew (its tags are not in the fingerprint: they make no index).
      const kept = previous[n]?.fingerprint === fingerprint ? { ...previous[n]!, doc } : null
      const name = shardFile(doc.id, n)
      let shard = kept ?? readShard(doc, name, fingerprint, false)
      if (!shard) {
        const built = buildShard(doc, chunk, (apparatus ??= options.apparatus?.(doc.id) ?? []), fingerprint)
        shard = built.shard
        await writeCache(name, JSON.stringify(built.file))
      }
      if (!kept) await nextTurn() // one shard read or built per turn
      out.push(shard)
    }
    return out
  }

  /**
   * Start-up with the manifest of the store's current revision: every document whose key did not
   * change gets its shards from their files (into `next`). Returns the documents still to list,
   * or `all` when there is no such manifest.
   */
  async function fromManifest(revision: string, documents: ReadonlyMap<string, DocumentSummary>, next: Map<string, readonly Shard[]>): Promise<Set<string> | 'all'> {
    if (!cache) return 'all'
    const path = join(cache.dir, MANIFEST_FILE)
    const read = readCacheJson(path, isManifest, 'a notes manifest')
    if ('problem' in read) {
      if (read.problem !== 'missing') cache.log.warn(`search: ${path} is unusable (${read.problem}), listing every note`)
      return 'all'
    }
    const m: NotesManifest = read.value
    if (m.revision !== revision || m.version !== cache.version) return 'all'
    const pending = new Set<string>()
    unindexed = new Set(m.unindexed)
    const toRead: { doc: DocumentSummary; fingerprints: readonly string[] }[] = []
    for (const d of m.docs) {
      const doc = documents.get(d.id)
      if (!doc) unindexed.add(d.id) // left the library: its notes stay in the store
      else if (d.key !== documentKey(doc)) pending.add(d.id)
      else toRead.push({ doc, fingerprints: d.shards })
    }
    for (const id of unindexed) if (documents.has(id)) pending.add(id) // back in the library: indexed below
    // Shard by shard, the event loop given back between short runs of them.
    const loaded = new Map<string, Shard[]>()
    const files = toRead.flatMap(({ doc, fingerprints }) => fingerprints.map((fingerprint, n) => ({ doc, fingerprint, n })))
    await inShortTurns(files, ({ doc, fingerprint, n }) => {
      if (pending.has(doc.id)) return
      const shard = readShard(doc, shardFile(doc.id, n), fingerprint, true)
      if (!shard) return void pending.add(doc.id)
      loaded.set(doc.id, [...(loaded.get(doc.id) ?? []), shard])
    })
    for (const [id, list] of loaded) if (!pending.has(id)) next.set(id, list)
    manifestText = JSON.stringify(m)
    return pending
  }

  /** Cache files of shards that no longer exist (fewer notes, or a document without any). */
  async function dropStale(docId: string | null, live: ReadonlySet<string>): Promise<void> {
    if (!cache || !cached) return
    const prefix = docId === null ? '' : `${encodeURIComponent(docId)}~`
    for (const name of [...cached]) {
      if (!name.startsWith(prefix) || live.has(name)) continue
      cached.delete(name)
      await rm(join(cache.dir, name), { force: true })
    }
  }

  /** Names the shards now held as made from `revision`. */
  async function writeManifest(revision: string): Promise<void> {
    const docs = [...shards].map(([id, list]) => ({ id, key: documentKey(list[0]!.doc), shards: list.map((x) => x.fingerprint) }))
    const manifest: NotesManifest = { format: NOTES_CACHE_FORMAT, version: cache?.version ?? '', revision, docs, unindexed: [...unindexed] }
    const text = JSON.stringify(manifest)
    if (text === manifestText) return
    manifestText = text
    await writeCache(MANIFEST_FILE, text)
  }

  async function refresh(): Promise<void> {
    const todo = dirty
    if (todo !== 'all' && todo.size === 0) return
    dirty = new Set()
    const seen = changes
    try {
      if (cache && cached === null) {
        await mkdir(cache.dir, { recursive: true })
        const names = await readdir(cache.dir)
        cached = new Set(names.filter((n) => n.endsWith('.json') && n !== MANIFEST_FILE))
        // Left by a process that stopped while writing.
        for (const n of names) if (n.endsWith('.tmp')) await rm(join(cache.dir, n), { force: true })
      }
      // Read before any note is listed: the shards made below are at least this fresh.
      const revision = cache ? await annotations.revision() : null
      const documents = new Map(options.documents().map((d) => [d.id, d]))
      const next = new Map(shards)
      const pending = todo === 'all' && shards.size === 0 && revision !== null ? await fromManifest(revision, documents, next) : todo
      const byDoc = new Map<string, AnnotationView[]>()
      if (pending === 'all') {
        for (const id of shards.keys()) byDoc.set(id, [])
        for (const v of (await annotations.list(ListQuerySchema.parse({}))).items) {
          const list = byDoc.get(v.annotation.document)
          if (list) list.push(v)
          else byDoc.set(v.annotation.document, [v])
        }
        unindexed = new Set([...byDoc].filter(([id, views]) => views.length > 0 && !documents.has(id)).map(([id]) => id))
      } else {
        for (const docId of pending) {
          const views = (await annotations.list(ListQuerySchema.parse({ docId }))).items
          byDoc.set(docId, [...views])
          if (views.length > 0 && !documents.has(docId)) unindexed.add(docId)
          else unindexed.delete(docId)
        }
      }
      for (const [docId, views] of byDoc) {
        // Notes on a document no longer in the library stay in the notes view; search cannot open them.
        const doc = documents.get(docId)
        const built = doc && views.length > 0 ? await shardsOf(doc, views, next.get(docId) ?? []) : []
        if (built.length > 0) next.set(docId, built)
        else next.delete(docId)
        if (pending !== 'all') await dropStale(docId, new Set(built.map((_, n) => shardFile(docId, n))))
      }
      // Library order, so that notes listed without words come in reading order.
      const before = new Set([...shards.values()].flat().map((x) => x.index))
      shards = new Map([...documents.keys()].flatMap((id) => (next.has(id) ? [[id, next.get(id)!] as const] : [])))
      const now = new Set([...shards.values()].flat().map((x) => x.index))
      // Queries wait for this refresh: the terms may be updated over several turns.
      await inShortTurns(before, (index) => void (now.has(index) || terms.remove(index)))
      await inShortTurns(now, (index) => void (before.has(index) || terms.add(index)))
      if (todo === 'all') await dropStale(null, new Set([...shards].flatMap(([id, list]) => list.map((_, n) => shardFile(id, n)))))
      // Nothing changed while the notes were listed: the shards are those of `revision`.
      if (revision !== null && changes === seen) await writeManifest(revision)
    } catch (e) {
      // Try again on the next query; nothing is lost (the store is the truth, this is an index).
      const now = dirty as Set<string> | 'all'
      if (todo === 'all') dirty = 'all'
      else if (now !== 'all') for (const id of todo) now.add(id)
      throw e
    }
  }

  /** One refresh at a time; every query waits for the notes it may find to be indexed. */
  let refreshing: Promise<void> = Promise.resolve()
  function current(): Promise<readonly Shard[]> {
    refreshing = refreshing.catch(() => undefined).then(refresh)
    return refreshing.then(() => [...shards.values()].flat())
  }

  async function hitFor(shard: Shard, record: number, compiled: CompiledQuery, score: number, labels: ColorLabels): Promise<SourceHit> {
    const { index } = shard
    const entry = shard.notes[record]!
    const { doc } = shard
    const noteSpans = matchSpans(index, compiled, record, 'headings')
    const quoteSpans = matchSpans(index, compiled, record, 'body')
    const note = entry.note === '' ? null : cutSnippet(entry.note, noteSpans, SNIPPET)
    const quote = cutSnippet(entry.quote, quoteSpans, QUOTE_SNIPPET, entry.cuts ?? [])
    const place = entry.start === null ? null : await options.sectionAt(doc.id, entry.start)
    return {
      source: 'annotations',
      docId: doc.id,
      sectionId: place?.sectionId ?? '',
      heading: { text: place?.heading ?? '', marks: [] },
      path: place?.path ?? [],
      snippet: note ?? quote,
      score: Math.round(score * 1000) / 1000,
      docTitle: highlight(doc.title, matchSpans(index, compiled, record, 'title')),
      kind: doc.kind,
      tags: doc.tags,
      note: { annotationId: entry.id, color: entry.color, label: labels[entry.color], status: entry.status, quote, note, tags: entry.tags },
    }
  }

  return {
    id: 'annotations',
    ready: async () => void (await current()),

    async problem(parsed: ParsedQuery): Promise<SearchNotice | null> {
      if (parsed.colors.length + parsed.excludedColors.length === 0) return null
      const { unknown } = colorFilter(parsed, await annotations.labels())
      return unknown.length > 0 ? { code: 'unknown-color', near: `couleur:${unknown[0]}` } : null
    },

    async search(q: SourceQuery): Promise<SourceResult> {
      if (q.parsed.scope === 'texts') return EMPTY_RESULT
      const all = await current()
      if (all.length === 0) return EMPTY_RESULT
      const labels = await annotations.labels()
      const colors = colorFilter(q.parsed, labels)
      if (colors.keep?.size === 0) return EMPTY_RESULT
      const none = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }
      const matches: Match[] = []
      // Compiled once over every shard, then bound to those that can match.
      const once = compileQuery(terms, q.parsed, q.typing)
      const candidates = once.emptied || once.positive.some((r) => r.atoms.some((a) => a.alternatives.length === 0)) ? new Set<FrenchIndex>() : terms.candidates(once)
      const compiled = new Map<number, CompiledQuery>()
      const facetDocs: DocumentSummary[] = []
      const ignored = once.ignored
      // In short turns: a query over thousands of notes does not hold the event loop (the shards in `all` do not change).
      await inShortTurns(all.entries(), ([i, shard]) => {
        if (candidates && !candidates.has(shard.index)) return
        const c = bind(once, shard.index)
        compiled.set(i, c)
        const evaluation = evaluate(shard.index, c, queryFilter(q.parsed), none)
        const own = ownMatch(shard.index, c)
        const kept = evaluation.matched.filter((r) => {
          const { color } = shard.notes[r]!
          return (colors.keep === null || colors.keep.has(color)) && !colors.drop.has(color) && own(r)
        })
        if (kept.length === 0) return
        // Facets speak of documents: the annotated document's kind and tags.
        facetDocs.push(shard.doc)
        if (!docPasses(shard.doc, q.facetFilter)) return
        for (const r of kept) matches.push({ shard: i, record: r, score: evaluation.score[r]! })
      })
      // Best first; ties (and queries without words) in reading order.
      matches.sort((a, b) => b.score - a.score || a.shard - b.shard || a.record - b.record)
      const hits: SourceHit[] = []
      await inShortTurns(matches.slice(0, q.limit), async (m) => void hits.push(await hitFor(all[m.shard]!, m.record, compiled.get(m.shard)!, m.score, labels)))
      const perDoc = new Map<string, number>()
      for (const m of matches) perDoc.set(all[m.shard]!.doc.id, (perDoc.get(all[m.shard]!.doc.id) ?? 0) + 1)
      const matchedDocs: MatchedDoc[] = [...perDoc].map(([docId, sections]) => ({ docId, sections }))
      return {
        hits,
        totalSections: matches.length,
        matchedDocs,
        facetDocs: facetDocs.map((d) => ({ docId: d.id, kind: d.kind, tags: d.tags })),
        ignored,
      }
    },
  }
}
