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
 * Freshness: the index is built on first need and rebuilt on the next query after any change the
 * annotation service reports (here or from another process); a query never sees a deleted note.
 */
import type { ListResult, ParsedListQuery } from '../../shared/annotations/query'
import type { AnnotationView } from '../../shared/annotations/query'
import { ListQuerySchema } from '../../shared/annotations/query'
import { colorsNamed } from '../../shared/annotations/color-names'
import type { Annotation, ColorId, ColorLabels } from '../../shared/annotations/model'
import { noteText } from '../../shared/annotations/note-text'
import type { ParsedQuery } from '../../shared/search/query'
import type { SearchNotice } from '../../shared/search/types'
import type { DocumentSummary } from '../../shared/content/document'
import { buildRecordIndex } from './build-index'
import { compileQuery } from './compile'
import { docPasses, evaluate, topRanked } from './evaluate'
import { FrenchIndex } from './french-index'
import type { StoredDoc, StoredRecord } from './index-format'
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
  /** The library's documents (title, kind, tags), in library order. */
  readonly documents: () => readonly DocumentSummary[]
  /** The section holding an offset of a document's text (from the library's index). */
  readonly sectionAt: (docId: string, offset: number) => Promise<SectionPlace | null>
}

/** One indexed note: what hits and filters need without going back to the store. */
interface Entry {
  readonly view: AnnotationView
  readonly doc: DocumentSummary
  /** The note's words without Markdown (what is indexed and shown). */
  readonly note: string
  /** The passage as found now (or as made, for orphans and document-level notes). */
  readonly quote: string
  /** Where the passage starts now, null for orphans and document-level notes. */
  readonly start: number | null
}

interface Built {
  readonly index: FrenchIndex | null
  readonly entries: readonly Entry[]
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

function entryOf(view: AnnotationView, doc: DocumentSummary): Entry {
  const a = view.annotation
  const located = view.anchor.status !== 'note' && view.anchor.status !== 'orphan' ? view.anchor : null
  const quote = located?.quote ?? a.target?.selector[0].exact ?? a.detachedQuote ?? ''
  return { view, doc, note: plainNote(a), quote, start: located?.start ?? null }
}

function build(views: readonly AnnotationView[], documents: readonly DocumentSummary[]): Built {
  const byId = new Map(documents.map((d) => [d.id, d]))
  // Notes on a document no longer in the library stay in the notes view; search cannot open them.
  const entries = views.flatMap((v) => {
    const doc = byId.get(v.annotation.document)
    return doc ? [entryOf(v, doc)] : []
  })
  if (entries.length === 0) return { index: null, entries }
  const docs: StoredDoc[] = entries.map((e) => ({ id: e.doc.id, title: e.doc.title, kind: e.doc.kind, tags: [...e.view.annotation.body.tags] }))
  const records: StoredRecord[] = entries.map((e, d) => ({ d, s: e.view.annotation.id, l: 0, h: e.note, p: [], ho: -1, bo: 0, b: e.quote }))
  // Every note weighs the same (the library halves its footnote sections; a note is never one).
  return { index: FrenchIndex.load(buildRecordIndex(docs, records, 'notes', new Date(0).toISOString(), () => 1)), entries }
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

export function createNotesSource(options: NotesSourceOptions): SearchSource {
  const { annotations } = options
  let generation = 0
  let built: { generation: number; value: Promise<Built> } | null = null
  annotations.onChange(() => void generation++)

  function current(): Promise<Built> {
    if (built?.generation !== generation) {
      const at = generation
      const value = annotations.list(ListQuerySchema.parse({})).then((r) => build(r.items, options.documents()))
      built = { generation: at, value }
      // A failed build is retried by the next query.
      value.catch(() => built?.value === value && (built = null))
    }
    return built.value
  }

  async function hitFor(index: FrenchIndex, entry: Entry, record: number, compiled: ReturnType<typeof compileQuery>, score: number, labels: ColorLabels): Promise<SourceHit> {
    const a = entry.view.annotation
    const noteSpans = matchSpans(index, compiled, record, 'headings')
    const quoteSpans = matchSpans(index, compiled, record, 'body')
    const note = entry.note === '' ? null : cutSnippet(entry.note, noteSpans, SNIPPET)
    const quote = cutSnippet(entry.quote, quoteSpans, QUOTE_SNIPPET)
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
      const { index, entries } = await current()
      if (!index) return EMPTY_RESULT
      const labels = await annotations.labels()
      const colors = colorFilter(q.parsed, labels)
      if (colors.keep?.size === 0) return EMPTY_RESULT
      const compiled = compileQuery(index, q.parsed, q.typing)
      const none = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }
      const evaluation = evaluate(index, compiled, queryFilter(q.parsed), none)
      // A note found only through its document's title says nothing of itself (every note of
      // « Framasoft » would match framasoft): keep it only when the query asked for titles alone.
      const titleOnly = compiled.positive.length > 0 && compiled.positive.every((r) => r.atoms.every((a) => a.fields.length === 1 && a.fields[0] === 'title'))
      const own = (r: number): boolean =>
        titleOnly || compiled.positive.length === 0 || (['headings', 'body', 'tags'] as const).some((f) => matchSpans(index, compiled, r, f).length > 0)
      const colored = evaluation.matched.filter((r) => {
        const c = entries[r]!.view.annotation.body.color
        return (colors.keep === null || colors.keep.has(c)) && !colors.drop.has(c) && own(r)
      })
      // Facets speak of documents: the annotated document's kind and tags.
      const facetDocs = colored.map((r) => entries[r]!.doc)
      const kept = colored.filter((r) => docPasses(entries[r]!.doc, q.facetFilter))
      const top = topRanked({ matched: kept, score: evaluation.score, facetDocs: [] }, q.limit)
      const hits = await Promise.all(top.map((t) => hitFor(index, entries[t.record]!, t.record, compiled, t.score, labels)))
      const perDoc = new Map<string, number>()
      for (const r of kept) perDoc.set(entries[r]!.doc.id, (perDoc.get(entries[r]!.doc.id) ?? 0) + 1)
      const matchedDocs: MatchedDoc[] = [...perDoc].map(([docId, sections]) => ({ docId, sections }))
      return {
        hits,
        totalSections: kept.length,
        matchedDocs,
        facetDocs: facetDocs.map((d) => ({ docId: d.id, kind: d.kind, tags: d.tags })),
        ignored: compiled.ignored,
      }
    },
  }
}
