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
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { DocumentsFileSchema } from '../../shared/documents/model'
import type { MyDocument, RemovedDocument } from '../../shared/documents/model'
import { writeFileAtomic } from '../platform/atomic-file'
import { loadJsonFile } from '../platform/json-file'
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

  async function readList(): Promise<MyDocument[]> {
    const outcome = await loadJsonFile(listPath, DocumentsFileSchema, () => ({ version: 1 as const, documents: [] }), () => options.clock.now())
    if (outcome.status === 'recovered') {
      recovered = `Your documents list could not be read (${outcome.reason}); it was kept as ${outcome.movedTo}.`
      options.log.warn(`documents: ${recovered}`)
    }
    removed = outcome.value.removed ?? []
    return outcome.value.documents
  }

  async function load(): Promise<void> {
    const next = new Map<string, StoredDocument>()
    for (const record of await readList()) {
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
    docs = next
  }

  async function writeList(): Promise<void> {
    const documents = [...docs.values()].map((d) => d.record)
    await writeFileAtomic(listPath, `${JSON.stringify({ version: 1, documents, ...(removed.length ? { removed } : {}) }, null, 2)}\n`)
  }

  /** Re-reads the list (another process may have changed it), applies `change`, writes it. */
  const change = (fn: () => Promise<void>): Promise<void> =>
    withProcessLock(lockPath, async () => {
      await load()
      await fn()
      await writeList()
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
  }
}
