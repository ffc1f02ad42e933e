/**
 * New versions waiting for the reader's « Mettre à jour », kept in the data dir so that a restart
 * does not lose them (issue #17, item 4). At most one per document, the newest; inside the
 * document's own folder, so removing the document removes it:
 *
 *   documents/<id>/new-version/original.<ext>  the new file, exactly as read
 *   documents/<id>/new-version/document.md     its Markdown (converted once, when it was found)
 *   documents/<id>/new-version/version.json    what it is (PendingEntry), written last, atomically
 *
 * `version.json` names the token the UI hands back to `documents.replace`. A new version is built
 * whole in a temporary folder beside it, then renamed into place, so the app and the CLI finding
 * new versions of one document at once leave one of them, whole; `take` also checks the file's
 * sha256 against `version.json`. A folder without a readable `version.json` (a hand edit) is no
 * new version and is replaced by the next.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ImportFormatSchema, SourceFileSchema } from '../../shared/documents/model'
import type { NewVersion } from '../../shared/documents/model'
import { writeFileAtomic } from '../platform/atomic-file'
import { readJson } from '../platform/json-file'
import type { Logger } from '../platform/log'
import { originalFileName } from './document-store'

const PendingEntrySchema = z
  .object({
    version: z.literal(1),
    versionToken: z.string().uuid(),
    name: z.string().min(1).max(255),
    /** sha256 of the new file's bytes. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    format: ImportFormatSchema,
    pdfMarkups: z.number().int().min(0).optional(),
    origin: z.enum(['import', 'source']),
    detectedAt: z.string().datetime(),
    /** The file's path, size and time when it came from a path (dialog, CLI, the recorded source). */
    source: SourceFileSchema.optional(),
  })
  .strict()
export type PendingEntry = z.infer<typeof PendingEntrySchema>

export interface PendingVersions {
  /** Keeps a new version of document `id`, replacing any earlier one; returns it with its new token. */
  put(id: string, entry: Omit<PendingEntry, 'version' | 'versionToken'>, original: Uint8Array, extension: string, markdown: string): Promise<PendingEntry>
  /** The new version waiting for document `id`, or null. */
  get(id: string): Promise<PendingEntry | null>
  /** The new version of `id` with this token, and its files; null when there is none (replaced, superseded, never). */
  take(id: string, token: string): Promise<{ entry: PendingEntry; original: Uint8Array; extension: string; markdown: string } | null>
  drop(id: string): Promise<void>
}

/** What the UI is told of a pending version. */
export const newVersionOf = (id: string, e: PendingEntry): NewVersion => ({ id, versionToken: e.versionToken, name: e.name, format: e.format, origin: e.origin, detectedAt: e.detectedAt })

const extensionOf = (name: string): string => /\.([^.]+)$/.exec(name)?.[1] ?? ''

export function pendingVersions(documentsDir: string, log: Logger): PendingVersions {
  const folder = (id: string): string => join(documentsDir, id, 'new-version')
  const metaPath = (id: string): string => join(folder(id), 'version.json')

  async function get(id: string): Promise<PendingEntry | null> {
    const read = await readJson(metaPath(id)).catch((e: unknown) => (log.warn(`documents: ${id}: cannot read its new version`, e), null))
    if (!read || read.status === 'missing') return null
    const parsed = read.status === 'read' ? PendingEntrySchema.safeParse(read.value) : null
    if (!parsed?.success) {
      log.warn(`documents: ${id}: its new version's description is unreadable; ignored (a new one replaces it)`)
      return null
    }
    return parsed.data
  }

  return {
    async put(id, fields, original, extension, markdown) {
      const tmp = `${folder(id)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      await mkdir(tmp, { recursive: true })
      const entry: PendingEntry = { version: 1, versionToken: randomUUID(), ...fields }
      try {
        await writeFileAtomic(join(tmp, originalFileName(extension)), original)
        await writeFileAtomic(join(tmp, 'document.md'), markdown)
        await writeFileAtomic(join(tmp, 'version.json'), `${JSON.stringify(entry, null, 2)}\n`)
        // The previous one goes, then this one takes its place whole (a folder is not renamed over a
        // full one: another process's arriving in between is removed in turn, the newest wins).
        for (let attempt = 0; ; attempt++) {
          try {
            await rm(folder(id), { recursive: true, force: true })
            await rename(tmp, folder(id))
            return entry
          } catch (e) {
            // Another one landed while we removed or renamed: remove it in turn.
            const code = (e as NodeJS.ErrnoException).code
            if (attempt >= 20 || (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM')) throw e
          }
        }
      } finally {
        await rm(tmp, { recursive: true, force: true })
      }
    },
    get,
    async take(id, token) {
      const entry = await get(id)
      if (!entry || entry.versionToken !== token) return null
      const extension = extensionOf(entry.name)
      try {
        const [original, markdown] = await Promise.all([readFile(join(folder(id), originalFileName(extension))), readFile(join(folder(id), 'document.md'), 'utf8')])
        // Replaced by another process between our two reads: not the version the reader was offered.
        if (createHash('sha256').update(original).digest('hex') !== entry.hash) return null
        return { entry, original: new Uint8Array(original), extension, markdown }
      } catch (e) {
        log.warn(`documents: ${id}: the files of its new version cannot be read`, e)
        return null
      }
    },
    drop: (id) => rm(folder(id), { recursive: true, force: true }),
  }
}
