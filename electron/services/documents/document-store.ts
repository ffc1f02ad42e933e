/**
 * Where imported documents live, in the data dir:
 *
 *   documents/documents.json      the list (MyDocumentSchema per entry), written atomically
 *   documents/<id>/original.<ext> the file exactly as it was imported, never changed
 *   documents/<id>/document.md    its normalised Markdown, what the reader, search and notes use
 *
 * Files are written before the list names them, so a crash leaves at worst an unlisted folder,
 * never a listed document without its files. Every change is made under a cross-process lock and
 * re-reads the list first (the app and `cli add` may write the same data dir). An unreadable list
 * is moved aside (`documents.json.corrupt-<time>`) and the documents' folders stay on disk.
 */
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { DocumentsFileSchema } from '../../shared/documents/model'
import type { MyDocument } from '../../shared/documents/model'
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
  /** Writes the original and the Markdown, then lists the record (replacing one with the same id). */
  put(record: MyDocument, original: Uint8Array, extension: string, markdown: string): Promise<void>
  /** Replaces a listed record's metadata. */
  update(record: MyDocument): Promise<void>
  /** Unlists a document and deletes its folder. */
  remove(id: string): Promise<void>
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
  let recovered: string | null = null

  async function readList(): Promise<MyDocument[]> {
    const outcome = await loadJsonFile(listPath, DocumentsFileSchema, () => ({ version: 1 as const, documents: [] }), () => options.clock.now())
    if (outcome.status === 'recovered') {
      recovered = `Your documents list could not be read (${outcome.reason}); it was kept as ${outcome.movedTo}.`
      options.log.warn(`documents: ${recovered}`)
    }
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
    await writeFileAtomic(listPath, `${JSON.stringify({ version: 1, documents }, null, 2)}\n`)
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
    put: (record, original, extension, markdown) =>
      change(async () => {
        const folder = join(dir, record.id)
        await mkdir(folder, { recursive: true })
        await writeFileAtomic(join(folder, originalFileName(extension)), original)
        await writeFileAtomic(join(folder, 'document.md'), markdown)
        docs.set(record.id, { record, markdown })
      }),
    update: (record) =>
      change(async () => {
        const d = docs.get(record.id)
        if (d) docs.set(record.id, { record, markdown: d.markdown })
      }),
    async remove(id) {
      await change(async () => void docs.delete(id))
      // Unlisted first: a crash here leaves an unlisted folder, not a listed document without files.
      await rm(join(dir, id), { recursive: true, force: true })
    },
  }
}
