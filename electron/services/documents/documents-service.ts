/**
 * « Mes documents »: importing the reader's own files (from the open dialog, dropped bytes, or
 * `cli add`), editing their metadata and removing them. A batch reports per file and imports
 * every good file whatever the others do; a refused file changes nothing. Each import yields to the
 * event loop between files so the app stays responsive.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { MAX_IMPORT_BYTES } from '../../shared/documents/model'
import type { ImportItem, ImportProgress, ImportReport, MyDocument, NewVersion, SourceFile, UpdateDocument } from '../../shared/documents/model'
import { slugify } from '../../shared/markdown/slug'
import { AppFailure } from '../../shared/result'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'
import { convertFile } from './convert/convert-file'
import { ImportRefusal } from './convert/converted'
import type { ConvertControl } from './convert/convert-file'
import { openDocumentStore } from './document-store'
import type { DocumentStore } from './document-store'
import { createMineLibrary } from './mine-library'
import type { MineLibrary } from './mine-library'
import { newVersionOf, pendingVersions } from './pending-versions'

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
   * Follow changes made elsewhere: watch the data dir for another process's changes (`cli add`,
   * `cli remove` on the same data dir) and report them through `onChange` like our own, and check
   * at start-up whether the files imported from a path changed (`checkSources`). The app: true;
   * the CLI: false (it runs one command and exits).
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
   * « Remplacer par cette version » / « Mettre à jour »: the new version kept for `id` (an import's
   * `new-version`, or its source file changed) becomes that document's content — same id, metadata
   * kept (the reader may have edited it), new original and Markdown. Its annotations are then
   * re-anchored by the caller (handlers.ts).
   */
  replace(id: string, versionToken: string): Promise<MyDocument>
  /**
   * The new versions waiting for « Mettre à jour » (kept in the data dir: pending-versions.ts). With
   * an id (the document is opened), its recorded source file is checked first.
   */
  newVersions(id?: string): Promise<readonly NewVersion[]>
  /**
   * Whether the file a document was imported from changed at its path: size or modification time
   * differ, then the bytes (sha256). Other bytes are converted and kept as its new version (told
   * through `onChange`); the same bytes only refresh the recorded size and time. A missing or
   * unreadable file changes nothing. Returns the document's new version, if any.
   */
  checkSource(id: string): Promise<NewVersion | null>
  /** `checkSource` for every document imported from a path, one after another (start-up). */
  checkSources(): Promise<void>
  remove(id: string): Promise<null>
  /** Called with the ids of documents added, changed or removed, here or by another process. */
  onChange(listener: (ids: readonly string[]) => void): void
  /** Catches up with another process's changes now (a stat when there are none); the ids that changed. */
  refresh(): Promise<readonly string[]>
  /** Stops watching the data dir; resolves once the start-up check of the source files is over. */
  close(): Promise<void>
  /** Called before each file of a batch and each page of a PDF. */
  onProgress(listener: (progress: ImportProgress) => void): void
  /** Stops the running imports: between files, and between the pages of a PDF; what was imported stays. Whether one was running. */
  cancel(): boolean
}

/** A file's bytes, and where it was read from when it has a path. */
interface ReadFile {
  readonly data: Uint8Array
  readonly source?: SourceFile
}

/** Reads a file at an absolute path (refused over the size limit, before reading), with its size and time. */
async function readSource(path: string): Promise<ReadFile> {
  const info = await stat(path)
  if (info.size > MAX_IMPORT_BYTES) throw new ImportRefusal('too-large', `"${basename(path)}" is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.`)
  const data = new Uint8Array(await readFile(path))
  return { data, source: { path, size: info.size, mtimeMs: info.mtimeMs } }
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
  /** New versions waiting for the reader's confirmation, in the data dir. */
  const pending = pendingVersions(store.dir, options.log)
  const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

  async function importOne(name: string, data: Uint8Array, control: ConvertControl, source: SourceFile | undefined): Promise<ImportItem> {
    const originalHash = sha256(data)
    const existing = store.list().find((d) => d.record.originalHash === originalHash)
    if (existing) {
      return { name, ok: false, problem: 'duplicate', message: `"${name}" is already in your documents as « ${existing.record.title} ».`, existingId: existing.record.id }
    }
    const converted = await convertFile(name, data, control)
    // The same file name as a document already imported, other bytes: offered as its new version.
    const sameName = store.list().find((d) => d.record.originalName.toLowerCase() === basename(name).toLowerCase())
    if (sameName) {
      const { versionToken } = await pending.put(
        sameName.record.id,
        {
          name: basename(name).slice(0, 255), hash: originalHash, format: converted.format, origin: 'import', detectedAt: options.clock.now().toISOString(),
          ...(converted.pdfMarkups === undefined ? {} : { pdfMarkups: converted.pdfMarkups }),
          ...(source ? { source } : {}),
        },
        data, extname(name).slice(1), converted.markdown,
      )
      changed([sameName.record.id])
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
      ...(source ? { source } : {}),
    }
    await store.put(record, data, extname(name).slice(1), converted.markdown)
    options.log.info(`documents: imported ${name} as ${record.id} (${record.format})`)
    return { name, ok: true, id: record.id, title, format: record.format, ...(converted.pdfMarkups ? { pdfMarkups: converted.pdfMarkups } : {}) }
  }

  /** One file's line of the report: refusals and failures become values, never a thrown batch. */
  async function guarded(name: string, read: () => Promise<ReadFile>, control: ConvertControl): Promise<ImportItem> {
    try {
      const { data, source } = await read()
      return await importOne(name, data, control, source)
    } catch (e) {
      if (e instanceof ImportRefusal) return { name, ok: false, problem: e.problem, message: e.message }
      if (e instanceof AppFailure) return { name, ok: false, problem: e.code === 'io' ? 'io' : 'corrupt', message: e.message }
      const code = (e as NodeJS.ErrnoException).code
      if (typeof code === 'string') return { name, ok: false, problem: 'io', message: `"${name}" cannot be read (${code}).` }
      options.log.error(`documents: importing ${name} failed`, e)
      return { name, ok: false, problem: 'corrupt', message: `"${name}" could not be imported (${(e as Error).message}).` }
    }
  }

  async function batch(items: readonly { name: string; read: () => Promise<ReadFile> }[]): Promise<ImportReport> {
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
        read: () => readSource(resolve(p)),
      })),
    )

  /** Where a new version is looked for at a path: one check per document at a time. */
  const checking = new Map<string, Promise<NewVersion | null>>()

  async function pendingOf(id: string): Promise<NewVersion | null> {
    const d = store.get(id)
    const entry = d ? await pending.get(id) : null
    if (!d || !entry) return null
    // Left by a replace interrupted after the document took it: nothing new any more.
    if (entry.hash === d.record.originalHash) {
      await pending.drop(id)
      return null
    }
    return newVersionOf(id, entry)
  }

  async function sourceChanged(id: string): Promise<NewVersion | null> {
    const d = store.get(id)
    const src = d?.record.source
    if (!d || !src) return pendingOf(id)
    const now = await stat(src.path).catch(() => null)
    if (!now?.isFile() || (now.size === src.size && now.mtimeMs === src.mtimeMs)) return pendingOf(id)
    let read: ReadFile
    try {
      read = await readSource(src.path)
    } catch (e) {
      options.log.info(`documents: ${id}: its file ${src.path} changed but cannot be read (${(e as Error).message})`)
      return pendingOf(id)
    }
    const hash = sha256(read.data)
    const current = store.get(id)
    if (!current) return null
    if (hash === current.record.originalHash) {
      // Touched, not changed: remember the new size and time so the bytes are not read again.
      await store.update({ ...current.record, source: read.source })
      return pendingOf(id)
    }
    const already = await pending.get(id)
    if (already?.hash === hash) return newVersionOf(id, already)
    const name = basename(src.path)
    try {
      const converted = await convertFile(name, read.data)
      const entry = await pending.put(
        id,
        {
          name, hash, format: converted.format, origin: 'source', detectedAt: options.clock.now().toISOString(), source: read.source,
          ...(converted.pdfMarkups === undefined ? {} : { pdfMarkups: converted.pdfMarkups }),
        },
        read.data, extname(name).slice(1), converted.markdown,
      )
      options.log.info(`documents: ${id}: a new version of ${src.path} is ready to replace it`)
      changed([id])
      return newVersionOf(id, entry)
    } catch (e) {
      // The changed file is not one we can read (now corrupt, encrypted…): nothing is offered.
      options.log.info(`documents: ${id}: its file ${src.path} changed but cannot be imported (${(e as Error).message})`)
      return pendingOf(id)
    }
  }

  function checkSource(id: string): Promise<NewVersion | null> {
    const running = checking.get(id)
    if (running) return running
    const check = sourceChanged(id).finally(() => checking.delete(id))
    checking.set(id, check)
    return check
  }

  async function checkSources(): Promise<void> {
    for (const d of store.list()) if (d.record.source) await checkSource(d.record.id)
  }

  // Start-up: the files imported from a path, checked in the background (a stat each; read only if changed).
  const startup = options.watch ? checkSources().catch((e: unknown) => options.log.warn('documents: checking the imported files for new versions failed', e)) : Promise.resolve()

  return {
    store,
    library,
    async add() {
      const paths = await (options.chooseFiles ?? (async () => null))()
      return paths === null || paths.length === 0 ? null : importPaths(paths)
    },
    importPaths,
    importFiles: (files) => batch(files.map((f) => ({ name: f.name, read: async () => ({ data: f.data }) }))),
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
      const p = await pending.take(id, versionToken)
      if (!p) throw new AppFailure('not-found', 'That new version is no longer at hand (a newer one replaced it, or it was already applied): import the file again.')
      const { pdfMarkups: _old, source: oldSource, ...kept } = d.record
      const { entry } = p
      // A dropped file says nothing of the path: the one recorded stays (and is checked against the new bytes).
      const source = entry.source ?? oldSource
      const record: MyDocument = {
        ...kept,
        format: entry.format,
        originalName: entry.name,
        originalHash: entry.hash,
        updatedAt: options.clock.now().toISOString(),
        ...(entry.pdfMarkups === undefined ? {} : { pdfMarkups: entry.pdfMarkups }),
        ...(source ? { source } : {}),
      }
      await store.put(record, p.original, p.extension, p.markdown)
      await pending.drop(id)
      options.log.info(`documents: ${id} replaced by a new version of ${entry.name}`)
      changed([id])
      return record
    },
    async remove(id) {
      if (!store.get(id)) throw new AppFailure('not-found', `No imported document with id "${id}".`)
      await store.remove(id, options.clock.now().toISOString())
      changed([id])
      return null
    },
    async newVersions(id) {
      if (id !== undefined) {
        const one = await checkSource(id)
        return one ? [one] : []
      }
      const all = await Promise.all(store.list().map((d) => pendingOf(d.record.id)))
      return all.filter((v): v is NewVersion => v !== null)
    },
    checkSource,
    checkSources,
    onChange: (l) => void listeners.push(l),
    refresh: () => store.refresh(),
    async close() {
      unwatch()
      await startup
    },
    onProgress: (l) => void progressListeners.push(l),
    cancel() {
      for (const a of running) a.abort()
      return running.size > 0
    },
  }
}
