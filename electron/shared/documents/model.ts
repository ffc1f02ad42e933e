/**
 * The reader's own documents (« Mes documents », issue #17): what is kept for each one, and the
 * payloads of the `documents` API. Pure data and schemas: the import itself is a Node service
 * (electron/services/documents).
 */
import { z } from 'zod'
import { DocIdSchema } from '../content/front-matter'
import { TAG_PATTERN, MAX_TAG_LENGTH } from '../annotations/tags'
import type { ColorId } from '../annotations/model'
import type { AnchorStatus } from '../annotations/reanchor'

/** The formats we import, each read by its own converter. */
export const IMPORT_FORMATS = ['markdown', 'text', 'html', 'docx', 'odt', 'epub', 'pdf'] as const
export const ImportFormatSchema = z.enum(IMPORT_FORMATS)
export type ImportFormat = z.infer<typeof ImportFormatSchema>

/** The largest file we import (stated in the README): bigger files are refused before being read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
/** At most this many files in one import (a dialog selection, a drop, a `cli add`). */
export const MAX_IMPORT_FILES = 100

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
const Tag = z.string().min(1).max(MAX_TAG_LENGTH).regex(TAG_PATTERN)
const Title = z.string().trim().min(1).max(300)
const Author = z.string().trim().min(1).max(200)

/**
 * The file a document was imported from, when its path is known: files chosen in the open dialog
 * and `cli add`'s (a file dropped on the window reaches the sandboxed renderer as bytes only, so
 * it has none). Size and modification time as read at import: when either differs, the file is
 * read again and, if its bytes differ, offered as a new version.
 */
export const SourceFileSchema = z.object({ path: z.string().min(1).max(4096), size: z.number().int().min(0), mtimeMs: z.number().min(0) }).strict()
export type SourceFile = z.infer<typeof SourceFileSchema>

/** One imported document as the store keeps it (documents/documents.json). */
export const MyDocumentSchema = z
  .object({
    id: DocIdSchema,
    title: Title,
    authors: z.array(Author).max(50),
    /** The document's own date if the file gives one, else the import day. */
    date: Day,
    tags: z.array(Tag).max(50),
    format: ImportFormatSchema,
    /** The file's name when it was imported (shown, never used as a path). */
    originalName: z.string().min(1).max(255),
    /** sha256 of the original bytes: a second import of the same bytes is a duplicate. */
    originalHash: z.string().regex(/^[0-9a-f]{64}$/),
    importedAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
    /** PDF: the highlights and notes another reader saved in the file (absent for files imported before it was counted). */
    pdfMarkups: z.number().int().min(0).optional(),
    /** Where the file was imported from (dialog, CLI); absent for a dropped file. */
    source: SourceFileSchema.optional(),
  })
  .strict()
export type MyDocument = z.infer<typeof MyDocumentSchema>

/** A document the reader removed: its title is kept so that its notes (kept in the annotation store) still say where they came from. */
export const RemovedDocumentSchema = z.object({ id: DocIdSchema, title: Title, removedAt: z.string().datetime() }).strict()
export type RemovedDocument = z.infer<typeof RemovedDocumentSchema>

export const DocumentsFileSchema = z
  .object({ version: z.literal(1), documents: z.array(MyDocumentSchema), removed: z.array(RemovedDocumentSchema).max(100_000).optional() })
  .strict()
export type DocumentsFile = z.infer<typeof DocumentsFileSchema>

/** Why a file was not imported (the UI words each code; the message says it in English for logs and the CLI). */
export const IMPORT_PROBLEMS = ['unsupported', 'too-large', 'corrupt', 'encrypted', 'no-text', 'duplicate', 'new-version', 'cancelled', 'io'] as const
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number]

export type ImportItem =
  | {
      readonly name: string
      readonly ok: true
      readonly id: string
      readonly title: string
      readonly format: ImportFormat
      /** PDF: how many highlights and notes another reader saved in it (offered: `documents.importPdfMarkups`). */
      readonly pdfMarkups?: number
    }
  | {
      readonly name: string
      readonly ok: false
      readonly problem: ImportProblem
      readonly message: string
      /** `duplicate`: the same file; `new-version`: the document with this file name, which the file can replace. */
      readonly existingId?: string
      /** `new-version`: hands the file (kept by the service until the next import) to `documents.replace`. */
      readonly versionToken?: string
    }

/** A batch import: one line per file, in the order given; the good files are imported whatever the others do. */
export interface ImportReport {
  readonly items: readonly ImportItem[]
}

/**
 * Where an import batch is (`documents.progress`, sent before each file and each page of a PDF):
 * `done` files of `total`, the file being read, and its page when it is a PDF.
 */
export interface ImportProgress {
  readonly done: number
  readonly total: number
  readonly current: string | null
  readonly page: { readonly n: number; readonly of: number } | null
}

/** A file handed over as bytes (drag and drop, the CLI): base64 so it crosses every transport. */
export const FileBytesSchema = z
  .object({
    name: z.string().min(1).max(255),
    base64: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4),
  })
  .strict()
export const ImportBytesSchema = z.object({ files: z.array(FileBytesSchema).min(1).max(MAX_IMPORT_FILES) }).strict()

/** Editable metadata; a field left out is kept. */
export const UpdateDocumentSchema = z
  .object({
    id: DocIdSchema,
    title: Title.optional(),
    authors: z.array(Author).max(50).optional(),
    date: Day.optional(),
    tags: z.array(Tag).max(50).optional(),
  })
  .strict()
export type UpdateDocument = z.infer<typeof UpdateDocumentSchema>

/**
 * A new version of a document waiting for the reader's « Mettre à jour » (kept in the data dir until
 * replaced or until the document is removed): a file imported again (`import`) or the file at the
 * document's recorded path changed (`source`). `versionToken` goes to `documents.replace`.
 */
export interface NewVersion {
  readonly id: string
  readonly versionToken: string
  /** The file's name (the new version's). */
  readonly name: string
  readonly format: ImportFormat
  readonly origin: 'import' | 'source'
  readonly detectedAt: string
}

/** « Remplacer par cette version »: the file an import reported as a `new-version` of document `id`. */
export const ReplaceDocumentSchema = z.object({ id: DocIdSchema, versionToken: z.string().uuid() }).strict()

/** Markup annotations another PDF reader saved in the file (Acrobat, Okular, Preview, Zotero), as we read them. */
export const PDF_MARKUP_KINDS = ['highlight', 'underline', 'strikeout', 'squiggly', 'note'] as const
export type PdfMarkupKind = (typeof PDF_MARKUP_KINDS)[number]

/** One PDF markup and what importing it did. */
export interface PdfMarkupItem {
  /** Stable for the same markup of the same file (page, the markup's object and its rectangle): a second import finds it again. */
  readonly key: string
  readonly page: number
  readonly kind: PdfMarkupKind
  /** The text under the markup ('' for a sticky note). */
  readonly quote: string
  /** The markup's comment, with its replies. */
  readonly note: string
  readonly color: ColorId
  /** `added`; `already`: imported before (kept as it is now, with the reader's own changes); `not-placed`: its text was not found. */
  readonly outcome: 'added' | 'already' | 'not-placed'
  readonly reason?: string
  /** The Passerelles annotation (added or already there) and where the anchoring engine puts it. */
  readonly annotationId?: string
  readonly status?: AnchorStatus
}

export interface PdfMarkupsReport {
  readonly docId: string
  readonly items: readonly PdfMarkupItem[]
}
