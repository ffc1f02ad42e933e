/**
 * Where imported documents live, in the data dir:
 *
 *   documents/documents.json      the list (MyDocumentSchema per entry), and the titles of removed
 *                                 documents (their notes stay in the annotation store), written atomically
 *   documents/<id>/original.<ext> the file exactly as it was imported, never changed
 *   documents/<id>/document.md    its normalised Markdown, what the reader, search and notes use
 *
 * Files are written before the list names them, so a crash leaves at worst an unlisted folder,
 * never a listed document without its files. Every change is made under a cross-process lock and
 * re-reads the list first (the app and `cli add` may write the same data dir). An unreadable list
 * is moved aside (`documents.json.corrupt-<time>`) and the documents' folders stay on disk.
 *
 * Another process's changes (the CLI on the same data dir) are found by the list's identity
 * (platform/file-identity.ts: inode, size, mtime — the idea the annotation store uses for its
 * journal): `refresh()` re-reads the list only when it is not the file we last read or wrote, and a
 * list that cannot be read at that moment (a hand edit half saved) is left for the next refresh,
 * never moved aside outside the lock. `watch()` calls it when the folder changes. Whatever a re-read
 * finds that this process did not do is reported to `onExternalChange`, also when it is found by
 * the re-read that starts every change of ours.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { DocumentsFileSchema } from '../../shared/documents/model'
import type { MyDocument, RemovedDocument } from '../../shared/documents/model'
import { writeFileAtomic } from '../platform/atomic-file'
import { fileIdAt, sameFile } from '../platform/file-identity'
import type { FileId } from '../platform/file-identity'
import { loadJsonFile, readJson } from '../platform/json-file'
import { serialQueue } from '../platform/serial-queue'
import { watchFile } from '../platform/watch-file'
import { withProcessLock } from '../platform/process-lock'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'

export interface StoredDocument {
  readonly record: MyDocument
  readonly markdown: string
}

export interface DocumentStore {
  readonly dir: string
  list(): readonly StoredDocument[]
  get(id: string): StoredDocument | undefined
  /** A problem found when loading (the list moved aside), for the user; null when none. */
  recovered(): string | null
  /** Documents the reader removed, with their titles (for their notes). */
  removed(): readonly RemovedDocument[]
  /** The original file of a listed document, as imported. */
  readOriginal(id: string): Promise<Uint8Array>
  /**
   * Writes the original and the Markdown, then lists the record (replacing one with the same id: a
   * new version; the previous original is deleted once the list names the new one).
   */
  put(record: MyDocument, original: Uint8Array, extension: string, markdown: string): Promise<void>
  /** Replaces a listed record's metadata. */
  update(record: MyDocument): Promise<void>
  /** Unlists a document (its title kept among the removed) and deletes its folder. */
  remove(id: string, removedAt: string): Promise<void>
  /**
   * Re-reads the list if another process changed it since we last read or wrote it; resolves with
   * the ids that changed (added, changed or removed), also told to `onExternalChange`.
   */
  refresh(): Promise<readonly string[]>
  /** Told the ids another process added, changed or removed, whenever this store finds out. */
  onExternalChange(listener: (ids: readonly string[]) => void): void
  /** Refreshes whenever the folder changes on disk (debounced), until the returned function is called. */
  watch(options?: { readonly debounceMs?: number }): () => void
}

/** The ids whose record differs between two lists (added, removed, or another version or metadata). */
function changedIds(before: ReadonlyMap<string, StoredDocument>, after: ReadonlyMap<string, StoredDocument>): string[] {
  const ids = new Set<string>()
  for (const [id, d] of after) {
    const b = before.get(id)
    if (!b || JSON.stringify(b.record) !== JSON.stringify(d.record)) ids.add(id)
  }
  for (const id of before.keys()) if (!after.has(id)) ids.add(id)
  return [...ids]
}

export function originalFileName(extension: string): string {
  return `original.${extension.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'bin'}`
}

export async function openDocumentStore(options: { dataDir: string; clock: Clock; log: Logger }): Promise<DocumentStore> {
  const dir = join(options.dataDir, 'documents')
  const listPath = join(dir, 'documents.json')
  const lockPath = join(dir, 'documents.lock')
  await mkdir(dir, { recursive: true })
  let docs = new Map<string, StoredDocument>()
  let removed: RemovedDocument[] = []
  let recovered: string | null = null
  /** The list file as we last read or wrote it: another identity on disk is another process's change. */
  let listId: FileId | null = null
  const queue = serialQueue()
  const external: ((ids: readonly string[]) => void)[] = []
  const tell = (ids: readonly string[]): void => {
    if (ids.length > 0) for (const l of external) l(ids)
  }

  async function readList(): Promise<MyDocument[]> {
    // Identity taken before reading: a change made while we read shows as a difference next time.
    const id = fileIdAt(listPath)
    const outcome = await loadJsonFile(listPath, DocumentsFileSchema, () => ({ version: 1 as const, documents: [] }), () => options.clock.now())
    if (outcome.status === 'recovered') {
      recovered = `Your documents list could not be read (${outcome.reason}); it was kept as ${outcome.movedTo}.`
      options.log.warn(`documents: ${recovered}`)
    }
    listId = outcome.status === 'recovered' ? null : id
    removed = outcome.value.removed ?? []
    return outcome.value.documents
  }

  /** Makes `records` the list, reading the Markdown of those that are new or changed; returns the ids that changed. */
  async function adopt(records: readonly MyDocument[]): Promise<string[]> {
    const next = new Map<string, StoredDocument>()
    for (const record of records) {
      const previous = docs.get(record.id)
      if (previous && previous.record.originalHash === record.originalHash && previous.record.updatedAt === record.updatedAt) {
        next.set(record.id, { record, markdown: previous.markdown })
        continue
      }
      try {
        next.set(record.id, { record, markdown: await readFile(join(dir, record.id, 'document.md'), 'utf8') })
      } catch (e) {
        options.log.warn(`documents: ${record.id}: cannot read its Markdown, left out: ${(e as Error).message}`)
      }
    }
    const ids = changedIds(docs, next)
    docs = next
    return ids
  }

  const load = async (): Promise<string[]> => adopt(await readList())

  async function writeList(): Promise<void> {
    const documents = [...docs.values()].map((d) => d.record)
    await writeFileAtomic(listPath, `${JSON.stringify({ version: 1, documents, ...(removed.length ? { removed } : {}) }, null, 2)}\n`)
    listId = fileIdAt(listPath)
  }

  /** Re-reads the list (another process may have changed it: told as such), applies `change`, writes it. */
  const change = (fn: () => Promise<void>): Promise<void> =>
    queue.run(() =>
      withProcessLock(lockPath, async () => {
        if (!sameFile(fileIdAt(listPath), listId)) tell(await load())
        await fn()
        await writeList()
      }),
    )

  const refresh = (): Promise<readonly string[]> =>
    queue.run(async () => {
      const id = fileIdAt(listPath)
      if (sameFile(id, listId)) return []
      const read = await readJson(listPath)
      const parsed = read.status === 'read' ? DocumentsFileSchema.safeParse(read.value) : null
      if (!parsed?.success) {
        // Half written by hand, or gone: keep what we have; the next change or refresh reads it again.
        options.log.info(`documents: the list changed on disk but cannot be read now (${read.status === 'not-json' ? read.reason : read.status === 'missing' ? 'missing' : 'invalid content'}); kept as it was`)
        return []
      }
      removed = parsed.data.removed ?? []
      const ids = await adopt(parsed.data.documents)
      listId = id
      tell(ids)
      return ids
    })

  await load()
  return {
    dir,
    list: () => [...docs.values()],
    get: (id) => docs.get(id),
    recovered: () => recovered,
    removed: () => removed,
    readOriginal: async (id) => new Uint8Array(await readFile(join(dir, id, originalFileName(extname(docs.get(id)?.record.originalName ?? '').slice(1))))),
    async put(record, original, extension, markdown) {
      const folder = join(dir, record.id)
      const kept = originalFileName(extension)
      await change(async () => {
        await mkdir(folder, { recursive: true })
        await writeFileAtomic(join(folder, kept), original)
        await writeFileAtomic(join(folder, 'document.md'), markdown)
        docs.set(record.id, { record, markdown })
        removed = removed.filter((r) => r.id !== record.id)
      })
      // A new version with another extension: the previous original goes once the list names the new one.
      for (const f of await readdir(folder)) if (f.startsWith('original.') && f !== kept) await rm(join(folder, f), { force: true })
    },
    update: (record) =>
      change(async () => {
        const d = docs.get(record.id)
        if (d) docs.set(record.id, { record, markdown: d.markdown })
      }),
    async remove(id, removedAt) {
      await change(async () => {
        const d = docs.get(id)
        if (!d) return
        docs.delete(id)
        removed = [...removed.filter((r) => r.id !== id), { id, title: d.record.title, removedAt }]
      })
      // Unlisted first: a crash here leaves an unlisted folder, not a listed document without files.
      await rm(join(dir, id), { recursive: true, force: true })
    },
    refresh,
    onExternalChange: (l) => void external.push(l),
    watch: (o) =>
      watchFile(listPath, () => {
        refresh().catch((e: unknown) => options.log.warn('documents: re-reading the list failed', e))
      }, { ...o, log: options.log }),
  }
}
