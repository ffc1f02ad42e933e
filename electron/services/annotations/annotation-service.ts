/**
 * The annotations service behind the `annotations` API: highlights, notes and tags on the durable
 * store (annotation-store.ts), each listed with where it is in the current text of its document
 * (anchoring.ts). Selectors are always built here, from the rendered text the reader shows, never
 * trusted from the caller. Every mutation returns what the UI needs to undo it (delete returns the
 * record; restore puts any record back), and reports the documents it touched (onChange).
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { z } from 'zod'
import type { AnnotationRangeSchema, AnnotationStatus, AnnotationsJson, CreateAnnotationSchema, ImportReport, UpdateAnnotationSchema } from '../../shared/annotations/api'
import { ColorLabelsSchema } from '../../shared/annotations/model'
import type { Annotation, ColorLabels, ColorLabelsPatch } from '../../shared/annotations/model'
import { detached, edited, newAnnotation, refreshed, retargeted } from '../../shared/annotations/operations'
import type { Made } from '../../shared/annotations/operations'
import { filterAndSort, tagCounts } from '../../shared/annotations/query'
import type { AnnotationView, ListResult, ParsedListQuery, TagCount } from '../../shared/annotations/query'
import { buildReport } from '../../shared/annotations/reanchor'
import type { AnchorReport, AnchorStatus } from '../../shared/annotations/reanchor'
import { renderW3cCollection } from '../../shared/annotations/w3c/write'
import { AppFailure } from '../../shared/result'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'
import { openAnnotationStore } from './annotation-store'
import type { StoreOp, StoreState } from './annotation-store'
import { createAnchorCache } from './anchoring'
import type { DocumentSource } from './anchoring'
import { BACKUP_DIR } from './backups'
import { mergePlan, readImport, resolveImport } from './import-export'
import { placeAll } from '../../shared/annotations/w3c/place'
import type { ItemProblem, ReadItem } from '../../shared/annotations/w3c/read'

export interface AnnotationServiceOptions {
  readonly dataDir: string
  readonly clock: Clock
  readonly log: Logger
  readonly documents: DocumentSource
  readonly compactMinBytes?: number
}

export interface AnnotationService {
  status(): Promise<AnnotationStatus>
  list(query: ParsedListQuery): Promise<ListResult>
  get(id: string): Promise<AnnotationView>
  create(input: z.output<typeof CreateAnnotationSchema>): Promise<AnnotationView>
  update(input: z.output<typeof UpdateAnnotationSchema>): Promise<AnnotationView>
  /** Returns the deleted record, for undo (restore). */
  remove(id: string): Promise<Annotation>
  /** Puts a record back exactly (undo of delete, or of any edit). */
  restore(annotation: Annotation): Promise<AnnotationView>
  /** The migration report of one document; then `anchored`/`moved` annotations get fresh selectors (persisted). */
  reanchor(docId: string): Promise<AnchorReport>
  /** Reports for every document that has annotations; changes nothing. */
  check(): Promise<AnchorReport[]>
  /** Accepts the passage a fuzzy match found (start/end as shown to the reader). */
  confirm(input: z.output<typeof AnnotationRangeSchema>): Promise<AnnotationView>
  /** Points an annotation (typically an orphan) at a new selection of its document; note and tags kept. */
  reattach(input: z.output<typeof AnnotationRangeSchema>): Promise<AnnotationView>
  /** Keeps an annotation as a note on the whole document. */
  detach(id: string): Promise<AnnotationView>
  labels(): Promise<ColorLabels>
  setLabels(patch: ColorLabelsPatch): Promise<ColorLabels>
  tags(prefix: string): Promise<TagCount[]>
  /** The W3C collection of every annotation (or one document's), in library and reading order. */
  exportJson(docId?: string): Promise<AnnotationsJson>
  /** Any file Passerelles exports, or W3C JSON from another tool; all or nothing (import-export.ts). */
  importJson(text: string): Promise<ImportReport>
  /**
   * Places each passage with the W3C import's engine (w3c/place.ts) and keeps those placed, merged
   * by id like any import (a known id is kept as it is unless the item is later); unlike
   * `importJson`, an item that cannot be placed is reported and the others are kept (PDF markups).
   */
  importEach(items: readonly ReadItem[]): Promise<EachImported>
  /** Names the current annotations (annotation-store.ts `revision`): caches derived from them keep it. */
  revision(): Promise<string | null>
  /** Documents whose annotations changed (here or in another process); null when anything may have. */
  onChange(listener: (docIds: readonly string[] | null) => void): void
  close(): Promise<void>
}

/** What `importEach` did with each item, by the item's index. */
export interface EachImported {
  readonly kept: ReadonlyMap<number, { readonly id: string; readonly added: boolean; readonly status: AnchorStatus }>
  readonly problems: readonly ItemProblem[]
}

function made(m: Made): Annotation {
  if (!m.ok) throw new AppFailure('invalid-payload', m.message)
  return m.annotation
}

export async function createAnnotationService(options: AnnotationServiceOptions): Promise<AnnotationService> {
  const { clock, documents } = options
  const store = await openAnnotationStore(options)
  const cache = createAnchorCache(documents)
  const now = (): string => clock.now().toISOString()
  const docOf = new Map<string, string>()
  const listeners: ((docIds: readonly string[] | null) => void)[] = []

  /** Each annotation's document, kept after deletion, so a change event can say which document changed. */
  const remember = (st: StoreState, ids: Iterable<string> | 'all'): void => {
    for (const id of ids === 'all' ? st.annotations.keys() : ids) {
      const doc = st.annotations.documentOf(id)
      if (doc) docOf.set(id, doc)
    }
  }
  store.onChange((changed, st) => {
    let docIds: string[] | null = null
    if (changed !== 'all') docIds = [...new Set([...changed].map((id) => st.annotations.documentOf(id) ?? docOf.get(id)).filter((d): d is string => d !== undefined))]
    remember(st, changed)
    for (const l of listeners) l(docIds)
  })
  remember(await store.read(), 'all')
  const read = (): Promise<StoreState> => store.read()
  const put = (annotation: Annotation): StoreOp => ({ op: 'put', annotation })

  function byDocument(st: StoreState, docId?: string): Map<string, Annotation[]> {
    const groups = new Map<string, Annotation[]>()
    if (docId) {
      const list = st.annotations.ofDocument(docId)
      return list.length ? new Map([[docId, list]]) : groups
    }
    for (const a of st.annotations.values()) {
      const g = groups.get(a.document)
      if (g) g.push(a)
      else groups.set(a.document, [a])
    }
    return groups
  }
  function views(st: StoreState, docId?: string): AnnotationView[] {
    const out: AnnotationView[] = []
    for (const [doc, list] of byDocument(st, docId)) {
      const anchors = docId ? cache.anchors(doc, list) : cache.listAnchors(doc, list)
      for (const a of list) out.push({ annotation: a, anchor: anchors.get(a.id)! })
    }
    return out
  }
  const viewOf = (a: Annotation): AnnotationView => ({ annotation: a, anchor: cache.anchors(a.document, [a]).get(a.id)! })
  const existing = (st: StoreState, id: string): Annotation => {
    const a = st.annotations.get(id)
    if (!a) throw new AppFailure('not-found', `No annotation with id ${id}.`)
    return a
  }
  const textOf = (docId: string) => {
    const doc = documents.text(docId)
    if (!doc) throw new AppFailure('not-found', `The document "${docId}" is not in the library.`)
    return doc
  }
  const rank = (): ((docId: string) => number) => {
    const order = new Map(documents.ids().map((id, i) => [id, i]))
    return (id) => order.get(id) ?? order.size
  }
  const change = (id: string, f: (a: Annotation) => Annotation): Promise<AnnotationView> =>
    store.transact((st) => ({ ops: [put(f(existing(st, id)))], result: null })).then(async () => viewOf(existing(await read(), id)))

  function report(st: StoreState, docId: string): AnchorReport {
    const list = byDocument(st, docId).get(docId) ?? []
    const anchors = cache.anchors(docId, list)
    const entries = list.map((a) => ({ annotation: a, anchor: anchors.get(a.id)! }))
    entries.sort((x, y) => (x.annotation.target?.selector[1].start ?? -1) - (y.annotation.target?.selector[1].start ?? -1))
    return buildReport(docId, documents.text(docId)?.version ?? null, entries)
  }

  return {
    async status() {
      const st = await read()
      return { readOnly: store.readOnly(), notices: store.notices(), annotationCount: st.annotations.size, file: store.files.snapshot, backupDir: join(options.dataDir, BACKUP_DIR) }
    },
    async list(query) {
      const st = await read()
      return filterAndSort(views(st, query.docId), query, rank(), st.colorLabels)
    },
    async get(id) {
      return viewOf(existing(await read(), id))
    },
    async create(input) {
      const doc = textOf(input.docId)
      const a = made(newAnnotation({ ...input, id: randomUUID(), now: now(), doc }))
      await store.transact(() => ({ ops: [put(a)], result: null }))
      return viewOf(a)
    },
    update: ({ id, note, tags, color }) =>
      change(id, (a) => made(edited(a, { ...(note === undefined ? {} : { note }), ...(tags === undefined ? {} : { tags }), ...(color === undefined ? {} : { color }) }, now()))),
    remove: (id) =>
      store.transact((st) => {
        const a = existing(st, id)
        return { ops: [{ op: 'delete', id }], result: a }
      }),
    async restore(annotation) {
      await store.transact(() => ({ ops: [put(annotation)], result: null }))
      return viewOf(existing(await read(), annotation.id))
    },
    async reanchor(docId) {
      const doc = textOf(docId)
      const before = report(await read(), docId)
      const fresh = new Map(before.items.filter((i) => (i.status === 'anchored' || i.status === 'moved') && i.start !== null).map((i) => [i.id, i]))
      await store.transact((st) => {
        const ops: StoreOp[] = []
        for (const [id, item] of fresh) {
          const a = st.annotations.get(id)
          const [quote, pos] = a?.target?.selector ?? []
          if (!a?.target || !quote || !pos) continue
          const current = a.target.docVersion === doc.version && pos.start === item.start && pos.end === item.end && quote.exact === item.quote
          if (!current) ops.push(put(made(refreshed(a, doc, item.start!, item.end!))))
        }
        return { ops, result: null }
      })
      // What the new edition did (moved stays "moved" in this report; the next one says anchored).
      return before
    },
    async check() {
      const st = await read()
      const order = rank()
      return [...byDocument(st).keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b)).map((docId) => report(st, docId))
    },
    async confirm({ id, start, end }) {
      const doc = textOf(existing(await read(), id).document)
      const shown = viewOf(existing(await read(), id))
      const a = shown.anchor
      if (a.status === 'orphan' || a.status === 'note' || a.start !== start || a.end !== end) {
        throw new AppFailure('conflict', 'The passage to confirm is no longer where it was shown; list the annotation again.')
      }
      return change(id, (cur) => {
        if (cur !== shown.annotation) throw new AppFailure('conflict', 'The annotation changed meanwhile; list it again.')
        return made(retargeted(cur, doc, start, end, now()))
      })
    },
    async reattach({ id, start, end }) {
      const doc = textOf(existing(await read(), id).document)
      return change(id, (cur) => made(retargeted(cur, doc, start, end, now())))
    },
    detach: (id) => change(id, (a) => made(detached(a, now()))),
    labels: async () => (await read()).colorLabels,
    setLabels: (patch) =>
      store.transact((st) => {
        const colorLabels = ColorLabelsSchema.parse({ ...st.colorLabels, ...patch })
        return { ops: [{ op: 'labels', colorLabels }], result: colorLabels }
      }),
    tags: async (prefix) => tagCounts((await read()).annotations.values(), prefix),
    async exportJson(docId) {
      const st = await read()
      const order = rank()
      const list = [...st.annotations.values()].filter((a) => !docId || a.document === docId)
      list.sort((x, y) => order(x.document) - order(y.document) || (x.target?.selector[1].start ?? -1) - (y.target?.selector[1].start ?? -1) || x.created.localeCompare(y.created))
      const { content, count } = renderW3cCollection({ annotations: list, colorLabels: st.colorLabels, title: 'Passerelles — annotations', generated: now() })
      return { json: content, count }
    },
    async importJson(text) {
      // Read and placed against the current texts before the store is touched: a refusal changes nothing.
      const incoming = resolveImport(readImport(text), documents)
      const counts = await store.transact(mergePlan(incoming))
      const st = await read()
      const items: ImportReport['items'][number][] = []
      const byDoc = new Map<string, Annotation[]>()
      for (const a of incoming.annotations) {
        const stored = st.annotations.get(a.id) ?? a
        const list = byDoc.get(stored.document)
        if (list) list.push(stored)
        else byDoc.set(stored.document, [stored])
      }
      const status = new Map<string, AnchorStatus>()
      for (const [doc, list] of byDoc) for (const [id, anchor] of cache.anchors(doc, list)) status.set(id, anchor.status)
      for (const a of incoming.annotations) {
        const stored = st.annotations.get(a.id) ?? a
        items.push({ id: a.id, document: stored.document, placement: incoming.placement.get(a.id) ?? 'as-written', status: status.get(a.id)! })
      }
      return { ...counts, items }
    },
    async importEach(items) {
      const { placed, problems } = placeAll(items, documents)
      const incoming = { annotations: placed.map((p) => p.annotation), placement: new Map(placed.map((p) => [p.annotation.id, p.placement])), colorLabels: null }
      const known = await store.transact((st) => ({ ops: mergePlan(incoming)(st).ops, result: new Set(placed.filter((p) => st.annotations.get(p.annotation.id)).map((p) => p.annotation.id)) }))
      const st = await read()
      const kept = new Map<number, { id: string; added: boolean; status: AnchorStatus }>()
      for (const p of placed) {
        const stored = st.annotations.get(p.annotation.id) ?? p.annotation
        kept.set(p.index, { id: stored.id, added: !known.has(stored.id), status: viewOf(stored).anchor.status })
      }
      return { kept, problems }
    },
    revision: () => store.revision(),
    onChange: (l) => void listeners.push(l),
    close: () => store.close(),
  }
}
