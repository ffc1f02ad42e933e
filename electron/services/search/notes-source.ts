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
 * (so that building one never holds the event loop long), and each shard's index is kept in
 * `<data dir>/search/notes/<doc id>~<n>.json` with the fingerprint of what it indexed (each note's
 * id, Markdown, tags and passage, the document's title and kind, the index and lunr versions). At
 * start a shard whose file has the same fingerprint is read, not built; an unusable file is named
 * in the log and rebuilt. The files are a cache (the annotation store is the truth).
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import lunr from 'lunr'
import type { Logger } from '../platform/log'
import { writeCacheFile } from '../platform/atomic-file'
import { isShardFile, NOTES_CACHE_FORMAT, shardFile } from './notes-cache'
import { ListQuerySchema } from '../../shared/annotations/query'
import type { AnnotationView, ListResult, ParsedListQuery } from '../../shared/annotations/query'
import { colorsNamed } from '../../shared/annotations/colors'
import type { Annotation, ColorId, ColorLabels } from '../../shared/annotations/model'
import { noteText } from '../../shared/annotations/note-text'
import type { ParsedQuery } from '../../shared/search/query'
import type { SearchNotice } from '../../shared/search/types'
import type { ApparatusRange, DocumentSummary } from '../../shared/content/document'
import { cutsIn } from '../../shared/text/apparatus'
import type { Cut } from '../../shared/text/apparatus'
import { buildRecordIndex } from './build-index'
import { compileQuery } from './compile'
import { bind, SharedTerms } from './shared-terms'
import type { CompiledQuery } from './compile'
import { docPasses, evaluate } from './evaluate'
import { FrenchIndex } from './french-index'
import { INDEX_FORMAT } from './index-format'
import type { StoredDoc, StoredIndex, StoredRecord } from './index-format'
import { sha256 } from './index-store'
import { queryFilter } from './index-search'
import type { SectionPlace } from './library-source'
import { cutSnippet, highlight, matchSpans } from './snippet'
import { EMPTY_RESULT } from './source'
import type { MatchedDoc, SearchSource, SourceHit, SourceQuery, SourceResult } from './source'

/** What the notes source needs from the annotation service. */
export interface NotesFeed {
  list(query: ParsedListQuery): Promise<ListResult>
  labels(): Promise<ColorLabels>
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
  /** Where the shards' indexes are kept (`<data dir>/search/notes/`); none: built at every start. */
  readonly cache?: { readonly dir: string; readonly log: Logger }
}

/** Notes per shard: one shard's lunr build stays short (the event loop is given back between shards). */
export const NOTES_PER_SHARD = 150

/** One indexed note: what hits and filters need without going back to the store. */
interface Entry {
  readonly view: AnnotationView
  readonly doc: DocumentSummary
  /** The note's words without Markdown (what is indexed and shown). */
  readonly note: string
  /** The passage as found now (or as made, for orphans and document-level notes). */
  readonly quote: string
  /** Footnote calls and back-links inside `quote` ([start, end) in it), left out of its snippet. */
  readonly cuts: readonly Cut[]
  /** Where the passage starts now, null for orphans and document-level notes. */
  readonly start: number | null
}

/**
 * The notes of one document and their index. Notes are indexed per document so that a change
 * re-indexes one document's notes (lunr indexes build in one go: 10,000 notes take seconds, one
 * document's few hundred tens of milliseconds), and building them all yields between documents.
 */
interface Shard {
  readonly docId: string
  readonly index: FrenchIndex
  readonly entries: readonly Entry[]
  readonly fingerprint: string
}

const SNIPPET = 220
const QUOTE_SNIPPET = 180

/** Records are immutable (an edit makes a new one): their plain note text is computed once. */
const plainNotes = new WeakMap<Annotation, string>()
function plainNote(a: Annotation): string {
  let text = plainNotes.get(a)
  if (text === undefined) plainNotes.set(a, (text = noteText(a.body.note)))
  return text
}

function entryOf(view: AnnotationView, doc: DocumentSummary, apparatus: readonly ApparatusRange[]): Entry {
  const a = view.annotation
  const located = view.anchor.status !== 'note' && view.anchor.status !== 'orphan' ? view.anchor : null
  const quote = located?.quote ?? a.target?.selector[0].exact ?? a.detachedQuote ?? ''
  const cuts = located ? cutsIn(apparatus, located.start, located.end) : []
  // The plain note is made when a hit shows it or a build indexes it, not for every note at start.
  return { view, doc, get note() { return plainNote(a) }, quote, cuts, start: located?.start ?? null }
}

/** What a shard's index depends on (see the header). */
function shardFingerprint(doc: DocumentSummary, entries: readonly Entry[]): string {
  const lines = [`notes ${NOTES_CACHE_FORMAT}`, `format ${INDEX_FORMAT}`, `lunr ${lunr.version}`, doc.id, doc.title, doc.kind]
  for (const e of entries) {
    const b = e.view.annotation.body
    lines.push(JSON.stringify([e.view.annotation.id, b.note, b.tags, e.quote, e.cuts]))
  }
  return sha256(lines.join('\n'))
}

/** One chunk of a document's notes (in reading order) indexed. */
function buildShardIndex(doc: DocumentSummary, entries: readonly Entry[], fingerprint: string): StoredIndex {
  const docs: StoredDoc[] = entries.map((e) => ({ id: doc.id, title: doc.title, kind: doc.kind, tags: [...e.view.annotation.body.tags] }))
  const records: StoredRecord[] = entries.map((e, d) => ({ d, s: e.view.annotation.id, l: 0, h: e.note, p: [], ho: -1, bo: 0, b: e.quote, ...(e.cuts.length ? { a: e.cuts } : {}) }))
  // Every note weighs the same (the library halves its footnote sections; a note is never one).
  return buildRecordIndex(docs, records, fingerprint, new Date(0).toISOString(), () => 1, { positions: false })
}


/** A matching note: its shard, its record there and its score. */
interface Match {
  readonly shard: number
  readonly record: number
  readonly score: number
}

/**
 * Whether a matching note matched through itself (its note, passage or tags), not only through its
 * document's title, which every note of the document shares (« framasoft » would match them all).
 * A note found through the title alone is kept only when the query asked for titles alone (titre:).
 */
function ownMatch(index: FrenchIndex, compiled: CompiledQuery): (record: number) => boolean {
  const atoms = compiled.positive.flatMap((r) => r.atoms)
  if (atoms.length === 0 || atoms.every((a) => a.fields.length === 1 && a.fields[0] === 'title')) return () => true
  // The title is the same in every record of a shard: if no word matches it, every match is the note's own.
  if (index.size === 0 || matchSpans(index, compiled, 0, 'title').length === 0) return () => true
  return (r) => (['headings', 'body', 'tags'] as const).some((f) => matchSpans(index, compiled, r, f).length > 0)
}

/** The colours a query keeps and leaves out, and the `couleur:` values that name no colour. */
function colorFilter(q: ParsedQuery, labels: ColorLabels): { keep: Set<ColorId> | null; drop: Set<ColorId>; unknown: string[] } {
  const unknown: string[] = []
  const resolve = (values: readonly string[]): Set<ColorId> => {
    const out = new Set<ColorId>()
    for (const v of values) {
      const ids = colorsNamed(v, labels)
      if (ids.length === 0) unknown.push(v)
      for (const id of ids) out.add(id)
    }
    return out
  }
  const keep = q.colors.length > 0 ? resolve(q.colors) : null
  return { keep, drop: resolve(q.excludedColors), unknown }
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
  /** Shard files seen in the cache folder (read once): the others are not looked for. */
  let cached: Set<string> | null = null
  annotations.onChange((docIds) => {
    if (docIds === null) dirty = 'all'
    else if (dirty !== 'all') for (const id of docIds) dirty.add(id)
  })

  /** A shard's index from its file, or null (logged unless the file does not exist). */
  async function readShard(name: string, fingerprint: string): Promise<FrenchIndex | null> {
    if (!cache || !cached?.has(name)) return null
    const path = join(cache.dir, name)
    try {
      const value: unknown = JSON.parse(await readFile(path, 'utf8'))
      if (!isShardFile(value)) throw new Error('not a notes index of this version')
      if (value.fingerprint !== fingerprint) return null // the notes changed: rebuilt and rewritten
      return FrenchIndex.load(value.index)
    } catch (e) {
      cache.log.warn(`search: ${path} is unusable (${(e as Error).message}), indexing these notes again`)
      return null
    }
  }

  async function writeShard(name: string, stored: StoredIndex): Promise<void> {
    if (!cache) return
    const path = join(cache.dir, name)
    try {
      await writeCacheFile(path, JSON.stringify({ format: NOTES_CACHE_FORMAT, fingerprint: stored.contentHash, index: stored }))
      cached?.add(name)
    } catch (e) {
      cache.log.warn(`search: cannot save ${path}: ${(e as Error).message}`)
    }
  }

  /** A document's notes as shards: kept if unchanged, else read from the cache, else built (yielding between shards). */
  async function shardsOf(doc: DocumentSummary, views: readonly AnnotationView[], previous: readonly Shard[]): Promise<Shard[]> {
    const out: Shard[] = []
    const apparatus = options.apparatus?.(doc.id) ?? [] // once per document: it may render it
    for (let n = 0; n * NOTES_PER_SHARD < views.length; n++) {
      const entries = views.slice(n * NOTES_PER_SHARD, (n + 1) * NOTES_PER_SHARD).map((v) => entryOf(v, doc, apparatus))
      const fingerprint = shardFingerprint(doc, entries)
      const kept = previous[n]?.fingerprint === fingerprint ? previous[n]!.index : null
      const name = shardFile(doc.id, n)
      let index = kept ?? (await readShard(name, fingerprint))
      if (!index) {
        const stored = buildShardIndex(doc, entries, fingerprint)
        index = FrenchIndex.load(stored)
        await writeShard(name, stored)
        await nextTurn()
      }
      out.push({ docId: doc.id, index, entries, fingerprint })
    }
    return out
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

  async function refresh(): Promise<void> {
    const todo = dirty
    if (todo !== 'all' && todo.size === 0) return
    dirty = new Set()
    try {
      if (cache && cached === null) {
        await mkdir(cache.dir, { recursive: true })
        const names = await readdir(cache.dir)
        cached = new Set(names.filter((n) => n.endsWith('.json')))
        // Left by a process that stopped while writing.
        for (const n of names) if (n.endsWith('.tmp')) await rm(join(cache.dir, n), { force: true })
      }
      const documents = new Map(options.documents().map((d) => [d.id, d]))
      const next = new Map(shards)
      const byDoc = new Map<string, AnnotationView[]>()
      if (todo === 'all') {
        for (const id of shards.keys()) byDoc.set(id, [])
        for (const v of (await annotations.list(ListQuerySchema.parse({}))).items) {
          const list = byDoc.get(v.annotation.document)
          if (list) list.push(v)
          else byDoc.set(v.annotation.document, [v])
        }
      } else {
        for (const docId of todo) byDoc.set(docId, documents.has(docId) ? [...(await annotations.list(ListQuerySchema.parse({ docId }))).items] : [])
      }
      for (const [docId, views] of byDoc) {
        // Notes on a document no longer in the library stay in the notes view; search cannot open them.
        const doc = documents.get(docId)
        const built = doc && views.length > 0 ? await shardsOf(doc, views, shards.get(docId) ?? []) : []
        if (built.length > 0) next.set(docId, built)
        else next.delete(docId)
        if (todo !== 'all') await dropStale(docId, new Set(built.map((_, n) => shardFile(docId, n))))
      }
      // Library order, so that notes listed without words come in reading order.
      const before = new Set([...shards.values()].flat().map((x) => x.index))
      shards = new Map([...documents.keys()].flatMap((id) => (next.has(id) ? [[id, next.get(id)!] as const] : [])))
      const now = new Set([...shards.values()].flat().map((x) => x.index))
      for (const index of before) if (!now.has(index)) terms.remove(index)
      for (const index of now) if (!before.has(index)) terms.add(index)
      if (todo === 'all') await dropStale(null, new Set([...shards].flatMap(([id, list]) => list.map((_, n) => shardFile(id, n)))))
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
    const entry = shard.entries[record]!
    const a = entry.view.annotation
    const noteSpans = matchSpans(index, compiled, record, 'headings')
    const quoteSpans = matchSpans(index, compiled, record, 'body')
    const note = entry.note === '' ? null : cutSnippet(entry.note, noteSpans, SNIPPET)
    const quote = cutSnippet(entry.quote, quoteSpans, QUOTE_SNIPPET, entry.cuts)
    const place = entry.start === null ? null : await options.sectionAt(a.document, entry.start)
    return {
      source: 'annotations',
      docId: a.document,
      sectionId: place?.sectionId ?? '',
      heading: { text: place?.heading ?? '', marks: [] },
      path: place?.path ?? [],
      snippet: note ?? quote,
      score: Math.round(score * 1000) / 1000,
      docTitle: highlight(entry.doc.title, matchSpans(index, compiled, record, 'title')),
      kind: entry.doc.kind,
      tags: entry.doc.tags,
      note: { annotationId: a.id, color: a.body.color, label: labels[a.body.color], status: entry.view.anchor.status, quote, note, tags: a.body.tags },
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
      all.forEach((shard, i) => {
        if (candidates && !candidates.has(shard.index)) return
        const c = bind(once, shard.index)
        compiled.set(i, c)
        const evaluation = evaluate(shard.index, c, queryFilter(q.parsed), none)
        const own = ownMatch(shard.index, c)
        const kept = evaluation.matched.filter((r) => {
          const color = shard.entries[r]!.view.annotation.body.color
          return (colors.keep === null || colors.keep.has(color)) && !colors.drop.has(color) && own(r)
        })
        if (kept.length === 0) return
        // Facets speak of documents: the annotated document's kind and tags.
        facetDocs.push(shard.entries[0]!.doc)
        if (!docPasses(shard.entries[0]!.doc, q.facetFilter)) return
        for (const r of kept) matches.push({ shard: i, record: r, score: evaluation.score[r]! })
      })
      // Best first; ties (and queries without words) in reading order.
      matches.sort((a, b) => b.score - a.score || a.shard - b.shard || a.record - b.record)
      const hits = await Promise.all(matches.slice(0, q.limit).map((m) => hitFor(all[m.shard]!, m.record, compiled.get(m.shard)!, m.score, labels)))
      const perDoc = new Map<string, number>()
      for (const m of matches) perDoc.set(all[m.shard]!.docId, (perDoc.get(all[m.shard]!.docId) ?? 0) + 1)
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
