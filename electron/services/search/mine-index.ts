/**
 * The search index of the reader's imported documents, grown one document at a time and kept on
 * disk (issue #17, item 5). Documents are indexed from their rendered text like the pack's (so
 * offsets agree with the reader), without term positions (phrases and highlights find them again
 * in the text), into SEGMENTS searched together (segment-set.ts):
 *
 *   <data dir>/search/mine/manifest.json    { format, segments: [{ id, live: { docId: fingerprint } }] }
 *   <data dir>/search/mine/<segment id>.json.gz   gzip of { format, fingerprints: { docId: fingerprint }, index }
 *
 * A segment's index is built without lunr.Builder (tf-index.ts: term frequencies, from which
 * lunr's weights are computed on load) and its file is gzipped: most of it is the sections' text,
 * kept for snippets and phrases (the benchmark's 9.5 MB of segments take 3.9 MB gzipped).
 *
 * - Start-up reads the manifest and the segments; it indexes nothing that has not changed.
 * - A document's fingerprint (file format, index format, lunr version, the Markdown's hash, title,
 *   kind, tags) must be the same in the manifest, in its segment file and for the document now;
 *   otherwise that document alone is indexed again. An unreadable manifest or segment file (torn,
 *   hand-edited, another version) is named in the log and what it held is indexed again; nothing
 *   throws for a bad file.
 * - After a change (`invalidate`, on documents.onChange), the next `current()` compares
 *   fingerprints: added or changed documents are indexed — only them — into a new segment; removed
 *   or changed ones are marked deleted in their old segment.
 * - Merging keeps the segments few: when more than `MAX_SMALL_SEGMENTS` are small, the smallest
 *   are merged (rebuilt from the sections stored in them, nothing rendered) up to
 *   `SEGMENT_TEXT_MAX` characters; a segment more than half deleted is rebuilt from its live
 *   documents. So one merge costs at most one segment's build, however big the library.
 *
 * The files are a cache (the documents are the truth): written by rename without fsync; a torn
 * file is simply rebuilt.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { promisify } from 'node:util'
import { gunzip, gzip } from 'node:zlib'
import lunr from 'lunr'
import type { DocumentSummary } from '../../shared/content/document'
import type { LibraryReader } from '../content/library-reader'
import type { Logger } from '../platform/log'
import { writeCacheFile as writeCache } from '../platform/atomic-file'
import { sectionRecords } from './build-index'
import { FrenchIndex } from './french-index'
import { INDEX_FORMAT, isStoredIndex } from './index-format'
import type { StoredDoc, StoredIndex, StoredRecord } from './index-format'
import { sha256 } from './index-store'
import { SegmentSet } from './segment-set'
import type { Segment } from './segment-set'
import { buildTfIndex } from './tf-index'

/** Bump when the files' layout changes: older ones are rebuilt. */
export const MINE_INDEX_FORMAT = 3
/** A segment holds at most this many characters of text (new documents are cut into several). */
export const SEGMENT_TEXT_MAX = 256 * 1024
/**
 * gzip level of the segment files: on the benchmark's corpus, level 1 is about three times faster
 * than the default 6 for about 12 % more bytes.
 */
const GZIP_LEVEL = 1
const gzipped = promisify(gzip)
const gunzipped = promisify(gunzip)

/** Segments under a quarter of the maximum are small; more than this many small ones are merged. */
export const MAX_SMALL_SEGMENTS = 8

export interface MineIndexOptions {
  /** The imported documents (summaries in library order; rendering on demand). */
  readonly documents: LibraryReader
  readonly dataDir: string
  readonly log: Logger
}

/** What the index did since it was created (the tests and the benchmark read these). */
export interface MineIndexStats {
  /** Documents indexed from their rendered text (new or changed). */
  readonly built: number
  /** Documents re-indexed from their stored sections by a merge. */
  readonly merged: number
  /** Documents whose index was read from disk at start and was still theirs. */
  readonly loaded: number
}

export interface MineIndex {
  /** Every imported document's index, brought up to date first (see the header). */
  current(): Promise<SegmentSet>
  has(docId: string): boolean
  /** A document was added, changed or removed: the next `current()` checks them again. */
  invalidate(): void
  stats(): MineIndexStats
}

interface SegmentFile {
  readonly format: number
  readonly fingerprints: Readonly<Record<string, string>>
  readonly index: StoredIndex
}

interface Manifest {
  readonly format: number
  readonly segments: readonly { readonly id: string; readonly live: Readonly<Record<string, string>> }[]
}

/** A segment's file is `<segment id>.json.gz`; anything else in the folder but the manifest is removed. */
const SEGMENT_SUFFIX = '.json.gz'

export function mineIndexDir(dataDir: string): string {
  return join(dataDir, 'search', 'mine')
}

/** What a document's index depends on. Same fingerprint, same index. */
export function documentFingerprint(d: DocumentSummary): string {
  return sha256([`mine ${MINE_INDEX_FORMAT}`, `format ${INDEX_FORMAT}`, `lunr ${lunr.version}`, d.hash, d.title, d.kind, d.tags.join('\u0000')].join('\n'))
}

const isRecordOfStrings = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')

function isManifest(v: unknown): v is Manifest {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return o.format === MINE_INDEX_FORMAT && Array.isArray(o.segments) &&
    o.segments.every((s: unknown) => typeof s === 'object' && s !== null && typeof (s as Record<string, unknown>).id === 'string' && /^[a-z0-9-]+$/.test((s as { id: string }).id) && isRecordOfStrings((s as Record<string, unknown>).live))
}

function isSegmentFile(v: unknown): v is SegmentFile {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return o.format === MINE_INDEX_FORMAT && isRecordOfStrings(o.fingerprints) && isStoredIndex(o.index)
}

/** Live text of a segment (what a rebuild of it would index). */
function liveText(s: Segment): number {
  let n = 0
  for (const r of s.index.records) if (!s.deleted.has(r.d)) n += r.b.length + r.h.length
  return n
}


/** A built segment: its docs with their fingerprints, not yet in the set. */
interface Built {
  readonly segment: Segment
  readonly fingerprints: Record<string, string>
  readonly stored: StoredIndex
}

export function createMineIndex(options: MineIndexOptions): MineIndex {
  const { documents, log } = options
  const dir = mineIndexDir(options.dataDir)
  const manifestPath = join(dir, 'manifest.json')
  const set = new SegmentSet()
  /** Live documents' fingerprints, by segment id. */
  const live = new Map<string, Map<string, string>>()
  let built = 0
  let merged = 0
  let loaded = 0
  let dirty = true
  let started = false

  const segmentPath = (id: string): string => join(dir, `${id}${SEGMENT_SUFFIX}`)
  const newId = (): string => `seg-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`

  function make(docs: readonly StoredDoc[], records: readonly StoredRecord[], fingerprints: Record<string, string>): Built {
    const stored = buildTfIndex(docs, records, 'mine', new Date(0).toISOString())
    return { segment: { id: newId(), index: FrenchIndex.load(stored), deleted: new Set() }, fingerprints, stored }
  }

  async function save(b: Built): Promise<void> {
    const path = segmentPath(b.segment.id)
    // Not saved: still searched from memory; the manifest then names a missing file, rebuilt at the next start.
    const file: SegmentFile = { format: MINE_INDEX_FORMAT, fingerprints: b.fingerprints, index: b.stored }
    await writeCache(path, await gzipped(JSON.stringify(file), { level: GZIP_LEVEL })).catch((e: unknown) => log.warn(`search: cannot save ${path}: ${(e as Error).message}`))
    set.add(b.segment)
    live.set(b.segment.id, new Map(Object.entries(b.fingerprints)))
  }

  /** Reads the manifest and the segments it names; whatever is unusable is logged and left out. */
  async function load(): Promise<void> {
    let text: string
    try {
      text = await readFile(manifestPath, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log.warn(`search: cannot read ${manifestPath}, indexing the imported documents again: ${(e as Error).message}`)
      return
    }
    let manifest: unknown
    try {
      manifest = JSON.parse(text)
    } catch (e) {
      manifest = e
    }
    if (!isManifest(manifest)) {
      log.warn(`search: ${manifestPath} is unusable (${manifest instanceof Error ? manifest.message : 'not a manifest of this version'}), indexing the imported documents again`)
      return
    }
    for (const entry of manifest.segments) {
      const path = segmentPath(entry.id)
      try {
        const value: unknown = JSON.parse((await gunzipped(await readFile(path))).toString('utf8'))
        if (!isSegmentFile(value)) throw new Error('not a segment of this version')
        const claimed = Object.entries(entry.live)
        if (claimed.some(([id, fp]) => value.fingerprints[id] !== fp)) throw new Error('it does not hold what the manifest says')
        const index = FrenchIndex.load(value.index)
        const deleted = new Set<number>()
        index.docs.forEach((d, i) => entry.live[d.id] === undefined && deleted.add(i))
        set.add({ id: entry.id, index, deleted })
        live.set(entry.id, new Map(claimed))
      } catch (e) {
        log.warn(`search: ${path} is unusable (${(e as Error).message}), its documents are indexed again`)
      }
      await nextTurn()
    }
  }

  /** Marks a document deleted (removed, or about to be indexed again). */
  function forget(docId: string): void {
    const placed = set.get(docId)
    if (placed) live.get(placed.segment.id)!.delete(docId)
    set.delete(docId)
  }

  /** New or changed documents, rendered and indexed into segments of at most SEGMENT_TEXT_MAX. */
  async function indexNew(todo: readonly DocumentSummary[]): Promise<void> {
    let docs: StoredDoc[] = []
    let records: StoredRecord[] = []
    let fingerprints: Record<string, string> = {}
    let size = 0
    const flush = async (): Promise<void> => {
      if (docs.length === 0) return
      await save(make(docs, records, fingerprints))
      built += docs.length
      docs = []
      records = []
      fingerprints = {}
      size = 0
      await nextTurn()
    }
    for (const d of todo) {
      const doc = documents.get(d.id)
      if (size > 0 && size + doc.text.length > SEGMENT_TEXT_MAX) await flush()
      records.push(...sectionRecords({ id: d.id, title: d.title, kind: d.kind, tags: d.tags, text: doc.text, sections: doc.sections, apparatus: doc.apparatus }, docs.length))
      docs.push({ id: d.id, title: d.title, kind: d.kind, tags: [...d.tags] })
      fingerprints[d.id] = documentFingerprint(d)
      size += doc.text.length
    }
    await flush()
  }

  /** Rebuilds the live documents of `segments` into one segment from their stored sections. */
  async function merge(segments: readonly Segment[]): Promise<void> {
    const docs: StoredDoc[] = []
    const records: StoredRecord[] = []
    const fingerprints: Record<string, string> = {}
    for (const s of segments) {
      const fp = live.get(s.id)!
      const renumber = new Map<number, number>()
      s.index.docs.forEach((doc, d) => {
        if (s.deleted.has(d)) return
        renumber.set(d, docs.length)
        docs.push(doc)
        fingerprints[doc.id] = fp.get(doc.id)!
      })
      for (const r of s.index.records) if (renumber.has(r.d)) records.push({ ...r, d: renumber.get(r.d)! })
    }
    const b = docs.length > 0 ? make(docs, records, fingerprints) : null
    for (const s of segments) {
      set.drop(s.id)
      live.delete(s.id)
    }
    if (b) await save(b)
    merged += docs.length
    await nextTurn()
  }

  async function compact(): Promise<boolean> {
    let changed = false
    for (const s of set.all()) {
      if (s.deleted.size * 2 > s.index.docs.length) {
        await merge([s])
        changed = true
      }
    }
    const small = set.all().map((s) => ({ s, size: liveText(s) })).filter((x) => x.size < SEGMENT_TEXT_MAX / 4).sort((a, b) => a.size - b.size)
    if (small.length > MAX_SMALL_SEGMENTS) {
      let total = 0
      const group: Segment[] = []
      for (const x of small) {
        if (group.length >= 2 && total + x.size > SEGMENT_TEXT_MAX) break
        group.push(x.s)
        total += x.size
      }
      await merge(group)
      changed = true
    }
    return changed
  }

  async function writeManifest(): Promise<void> {
    const manifest: Manifest = { format: MINE_INDEX_FORMAT, segments: [...live].map(([id, l]) => ({ id, live: Object.fromEntries(l) })) }
    await writeCache(manifestPath, JSON.stringify(manifest))
    // Segment files no longer named (merged, or left by a crash) go.
    for (const name of await readdir(dir)) {
      if (name !== 'manifest.json' && !(name.endsWith(SEGMENT_SUFFIX) && live.has(name.slice(0, -SEGMENT_SUFFIX.length)))) await rm(join(dir, name), { force: true })
    }
  }

  async function sync(): Promise<void> {
    dirty = false
    await mkdir(dir, { recursive: true })
    const starting = !started
    if (starting) {
      started = true
      await load()
    }
    const docs = documents.list()
    const wanted = new Map(docs.map((d) => [d.id, documentFingerprint(d)]))
    let changed = false
    for (const [segmentId, fingerprints] of live) {
      for (const [docId, fp] of [...fingerprints]) {
        if (wanted.get(docId) === fp) continue
        forget(docId)
        changed = true
      }
      if (fingerprints.size === 0) {
        set.drop(segmentId)
        live.delete(segmentId)
      }
    }
    // Read from disk and still the document's: not indexed again.
    if (starting) loaded = set.size
    const todo = docs.filter((d) => !set.get(d.id))
    if (todo.length > 0) {
      await indexNew(todo)
      changed = true
    }
    if (await compact()) changed = true
    if (changed) await writeManifest().catch((e: unknown) => log.warn(`search: cannot save the imported documents' index: ${(e as Error).message}`))
  }

  /** One sync at a time; a failed one is tried again on the next query (the documents are the truth). */
  let syncing: Promise<void> = Promise.resolve()
  return {
    current() {
      syncing = syncing
        .catch(() => undefined)
        .then(async () => {
          if (!dirty) return
          try {
            await sync()
          } catch (e) {
            dirty = true
            throw e
          }
        })
      return syncing.then(() => set)
    },
    has: (docId) => documents.list().some((d) => d.id === docId),
    invalidate: () => void (dirty = true),
    stats: () => ({ built, merged, loaded }),
  }
}
