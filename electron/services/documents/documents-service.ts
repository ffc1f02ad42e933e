/**
 * « Mes documents »: importing the reader's own files (from the open dialog, dropped bytes, or
 * `cli add`), editing their metadata and removing them. A batch reports per file and imports
 * every good file whatever the others do; a refused file changes nothing. Each import yields to the
 * event loop between files so the app stays responsive.
 */
import { createHash, randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from '../../shared/documents/model'
import type { ImportItem, ImportProgress, ImportReport, MyDocument, UpdateDocument } from '../../shared/documents/model'
import { slugify } from '../../shared/markdown/slug'
import { AppFailure } from '../../shared/result'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'
import { convertFile } from './convert/convert-file'
import { ImportRefusal } from './convert/converted'
import type { ConvertControl, ConvertedFile } from './convert/convert-file'
import { openDocumentStore } from './document-store'
import type { DocumentStore } from './document-store'
import { createMineLibrary } from './mine-library'
import type { MineLibrary } from './mine-library'

export interface DocumentsOptions {
  readonly dataDir: string
  readonly clock: Clock
  readonly log: Logger
  /** Asks the user for files to import (main: a multi-selection open dialog); null when cancelled. */
  readonly chooseFiles?: () => Promise<readonly string[] | null>
  /**
   * What a batch awaits between two files: by default one turn of the event loop, so the app
   * stays responsive and « Annuler » is heard. Tests pace a batch with it (cancel mid-batch
   * whatever the machine's speed).
   */
  readonly betweenFiles?: () => Promise<void>
  /**
   * Watch the data dir for another process's changes (`cli add`, `cli remove` on the same data
   * dir) and report them through `onChange` like our own. The app: true; the CLI: false (it runs
   * one command and exits).
   */
  readonly watch?: boolean
}

export interface NamedBytes {
  readonly name: string
  readonly data: Uint8Array
}

export interface DocumentsService {
  readonly store: DocumentStore
  readonly library: MineLibrary
  /** Opens the file chooser and imports what the user picked; null when cancelled. */
  add(): Promise<ImportReport | null>
  importPaths(paths: readonly string[]): Promise<ImportReport>
  importFiles(files: readonly NamedBytes[]): Promise<ImportReport>
  update(patch: UpdateDocument): Promise<MyDocument>
  /**
   * « Remplacer par cette version »: the file an import reported as a `new-version` of `id` becomes
   * that document's content — same id, metadata kept (the reader may have edited it), new original
   * and Markdown. Its annotations are then re-anchored by the caller (handlers.ts).
   */
  replace(id: string, versionToken: string): Promise<MyDocument>
  remove(id: string): Promise<null>
  /** Called with the ids of documents added, changed or removed, here or by another process. */
  onChange(listener: (ids: readonly string[]) => void): void
  /** Catches up with another process's changes now (a stat when there are none); the ids that changed. */
  refresh(): Promise<readonly string[]>
  /** Stops watching the data dir. */
  close(): void
  /** Called before each file of a batch and each page of a PDF. */
  onProgress(listener: (progress: ImportProgress) => void): void
  /** Stops the running imports: between files, and between the pages of a PDF; what was imported stays. Whether one was running. */
  cancel(): boolean
}

/** A file offered as the new version of an imported document (the import report's `versionToken`). */
interface PendingVersion {
  readonly existingId: string
  readonly name: string
  readonly data: Uint8Array
  readonly converted: ConvertedFile
  readonly hash: string
}

/** A stable id for a new document: `mien-` + its title's slug + the start of the file's hash. */
export function documentIdFor(title: string, hash: string): string {
  const slug = slugify(title).slice(0, 60).replace(/-+$/, '')
  return `mien-${slug ? `${slug}-` : ''}${hash.slice(0, 10)}`
}

function titleFromName(name: string): string {
  const base = basename(name, extname(name)).replace(/[_]+/g, ' ').trim()
  return base === '' ? name : base
}

export async function createDocumentsService(options: DocumentsOptions): Promise<DocumentsService> {
  const store = await openDocumentStore(options)
  const library = createMineLibrary(store)
  const listeners: ((ids: readonly string[]) => void)[] = []
  const changed = (ids: readonly string[]): void => {
    for (const l of listeners) l(ids)
  }
  // The CLI's changes, found by the watch or by the re-read that starts each of our changes.
  store.onExternalChange((ids) => {
    options.log.info(`documents: changed by another process: ${ids.join(', ')}`)
    changed(ids)
  })
  const unwatch = options.watch ? store.watch() : () => undefined
  const progressListeners: ((p: ImportProgress) => void)[] = []
  const progress = (p: ImportProgress): void => {
    for (const l of progressListeners) l(p)
  }
  /** The running batches' cancellation. */
  const running = new Set<AbortController>()
  /** Files reported as a new version of a document, until replaced or pushed out by later ones. */
  const pending = new Map<string, PendingVersion>()
  const keepPending = (token: string, entry: PendingVersion): void => {
    pending.set(token, entry)
    for (const old of pending.keys()) if (pending.size > MAX_IMPORT_FILES) pending.delete(old)
  }

  async function importOne(name: string, data: Uint8Array, control: ConvertControl): Promise<ImportItem> {
    const originalHash = createHash('sha256').update(data).digest('hex')
    const existing = store.list().find((d) => d.record.originalHash === originalHash)
    if (existing) {
      return { name, ok: false, problem: 'duplicate', message: `"${name}" is already in your documents as « ${existing.record.title} ».`, existingId: existing.record.id }
    }
    const converted = await convertFile(name, data, control)
    // The same file name as a document already imported, other bytes: offered as its new version.
    const sameName = store.list().find((d) => d.record.originalName.toLowerCase() === basename(name).toLowerCase())
    if (sameName) {
      const versionToken = randomUUID()
      keepPending(versionToken, { existingId: sameName.record.id, name, data, converted, hash: originalHash })
      return {
        name,
        ok: false,
        problem: 'new-version',
        message: `"${name}" differs from the file of « ${sameName.record.title} », imported under the same name: it can replace it as a new version.`,
        existingId: sameName.record.id,
        versionToken,
      }
    }
    const title = converted.title ?? titleFromName(name)
    const now = options.clock.now().toISOString()
    const record: MyDocument = {
      id: documentIdFor(title, originalHash),
      title,
      authors: [...converted.authors],
      date: converted.date ?? now.slice(0, 10),
      tags: [],
      format: converted.format,
      originalName: basename(name).slice(0, 255),
      originalHash,
      importedAt: now,
      updatedAt: now,
      ...(converted.pdfMarkups === undefined ? {} : { pdfMarkups: converted.pdfMarkups }),
    }
    await store.put(record, data, extname(name).slice(1), converted.markdown)
    options.log.info(`documents: imported ${name} as ${record.id} (${record.format})`)
    return { name, ok: true, id: record.id, title, format: record.format, ...(converted.pdfMarkups ? { pdfMarkups: converted.pdfMarkups } : {}) }
  }

  /** One file's line of the report: refusals and failures become values, never a thrown batch. */
  async function guarded(name: string, read: () => Promise<Uint8Array>, control: ConvertControl): Promise<ImportItem> {
    try {
      return await importOne(name, await read(), control)
    } catch (e) {
      if (e instanceof ImportRefusal) return { name, ok: false, problem: e.problem, message: e.message }
      if (e instanceof AppFailure) return { name, ok: false, problem: e.code === 'io' ? 'io' : 'corrupt', message: e.message }
      const code = (e as NodeJS.ErrnoException).code
      if (typeof code === 'string') return { name, ok: false, problem: 'io', message: `"${name}" cannot be read (${code}).` }
      options.log.error(`documents: importing ${name} failed`, e)
      return { name, ok: false, problem: 'corrupt', message: `"${name}" could not be imported (${(e as Error).message}).` }
    }
  }

  async function batch(items: readonly { name: string; read: () => Promise<Uint8Array> }[]): Promise<ImportReport> {
    const out: ImportItem[] = []
    const abort = new AbortController()
    running.add(abort)
    try {
      for (const [done, item] of items.entries()) {
        if (abort.signal.aborted) {
          out.push({ name: item.name, ok: false, problem: 'cancelled', message: `"${item.name}" was not imported: the import was cancelled.` })
          continue
        }
        const at = { done, total: items.length, current: item.name }
        progress({ ...at, page: null })
        out.push(await guarded(item.name, item.read, { signal: abort.signal, onPage: (n, of) => progress({ ...at, page: { n, of } }) }))
        await (options.betweenFiles ?? nextTurn)()
      }
      progress({ done: items.length, total: items.length, current: null, page: null })
    } finally {
      running.delete(abort)
    }
    const ids = out.flatMap((i) => (i.ok ? [i.id] : []))
    if (ids.length > 0) changed(ids)
    return { items: out }
  }

  const importPaths = (paths: readonly string[]): Promise<ImportReport> =>
    batch(
      paths.map((p) => ({
        name: basename(p),
        read: async () => {
          const size = (await stat(p)).size
          if (size > MAX_IMPORT_BYTES) throw new ImportRefusal('too-large', `"${basename(p)}" is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.`)
          return new Uint8Array(await readFile(p))
        },
      })),
    )

  return {
    store,
    library,
    async add() {
      const paths = await (options.chooseFiles ?? (async () => null))()
      return paths === null || paths.length === 0 ? null : importPaths(paths)
    },
    importPaths,
    importFiles: (files) => batch(files.map((f) => ({ name: f.name, read: async () => f.data }))),
    async update(patch) {
      const d = store.get(patch.id)
      if (!d) throw new AppFailure('not-found', `No imported document with id "${patch.id}".`)
      const { id: _id, ...fields } = patch
      const record: MyDocument = { ...d.record, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), updatedAt: options.clock.now().toISOString() }
      await store.update(record)
      changed([record.id])
      return record
    },
    async replace(id, versionToken) {
      const d = store.get(id)
      if (!d) throw new AppFailure('not-found', `No imported document with id "${id}".`)
      const p = pending.get(versionToken)
      if (!p || p.existingId !== id) throw new AppFailure('not-found', 'That new version is no longer at hand (it is kept until the next import, in this session): import the file again.')
      const { pdfMarkups: _old, ...kept } = d.record
      const record: MyDocument = {
        ...kept,
        format: p.converted.format,
        originalName: basename(p.name).slice(0, 255),
        originalHash: p.hash,
        updatedAt: options.clock.now().toISOString(),
        ...(p.converted.pdfMarkups === undefined ? {} : { pdfMarkups: p.converted.pdfMarkups }),
      }
      await store.put(record, p.data, extname(p.name).slice(1), p.converted.markdown)
      pending.delete(versionToken)
      options.log.info(`documents: ${id} replaced by a new version of ${p.name}`)
      changed([id])
      return record
    },
    async remove(id) {
      if (!store.get(id)) throw new AppFailure('not-found', `No imported document with id "${id}".`)
      await store.remove(id, options.clock.now().toISOString())
      changed([id])
      return null
    },
    onChange: (l) => void listeners.push(l),
    refresh: () => store.refresh(),
    close: unwatch,
    onProgress: (l) => void progressListeners.push(l),
    cancel() {
      for (const a of running) a.abort()
      return running.size > 0
    },
  }
}
