/**
 * The annotation API's payloads (strict schemas, validated at the boundary) and result types, used
 * by the contract (`annotations` namespace), the service and the UI. Designed for the reader UI:
 * create from a selection, click-to-edit, undo/redo (delete returns the record, restore puts it
 * back), the side panel and global view (list), fuzzy confirmation and orphan repair.
 */
import { z } from 'zod'
import { DocIdSchema } from '../content/front-matter'
import { AnnotationSchema, ColorIdSchema, MAX_QUOTE, NoteSchema, TagsSchema } from './model'
import type { AnchorStatus } from './reanchor'
import type { Placement } from './w3c/place'

const Id = z.string().uuid()
const Offset = z.number().int().min(0).max(50_000_000)

export const CreateAnnotationSchema = z
  .object({
    docId: DocIdSchema,
    /** The selection, as offsets into the document's rendered text (RenderedDocument.text). */
    start: Offset,
    end: Offset,
    color: ColorIdSchema,
    note: NoteSchema.default(''),
    tags: TagsSchema.default([]),
  })
  .strict()
  .refine((s) => s.end > s.start && s.end - s.start <= MAX_QUOTE * 2, 'end must be after start (and the selection not absurdly long)')
export type CreateAnnotation = z.input<typeof CreateAnnotationSchema>

export const UpdateAnnotationSchema = z
  .object({ id: Id, note: NoteSchema.optional(), tags: TagsSchema.optional(), color: ColorIdSchema.optional() })
  .strict()
  .refine((u) => u.note !== undefined || u.tags !== undefined || u.color !== undefined, 'nothing to update: give note, tags or color')
export type UpdateAnnotation = z.input<typeof UpdateAnnotationSchema>

export const AnnotationIdSchema = z.object({ id: Id }).strict()

/** A passage of the annotation's document: to confirm a fuzzy match, or to re-attach an orphan. */
export const AnnotationRangeSchema = z
  .object({ id: Id, start: Offset, end: Offset })
  .strict()
  .refine((s) => s.end > s.start, 'end must be after start')

export const RestoreAnnotationSchema = z.object({ annotation: AnnotationSchema }).strict()
export const DocumentIdSchema = z.object({ docId: DocIdSchema }).strict()
export const ExportAnnotationsSchema = z.object({ docId: DocIdSchema.optional() }).strict()
export const ImportAnnotationsSchema = z.object({ json: z.string().min(1).max(200_000_000) }).strict()
export const TagPrefixSchema = z.object({ prefix: z.string().max(64).default('') }).strict()

/** Something the user must be told about the stored annotations (a repair, an upgrade, read-only). */
export interface StoreNotice {
  readonly kind: 'recovered' | 'migrated' | 'read-only'
  readonly at: string
  /** One sentence for a person (English; the UI may phrase it from the fields). */
  readonly message: string
  readonly movedAside: readonly string[]
  readonly restoredFrom: string | null
  readonly annotationCount: number
}

export interface AnnotationStatus {
  /** Why changes are refused, or null. */
  readonly readOnly: string | null
  readonly notices: readonly StoreNotice[]
  readonly annotationCount: number
  /** The store's files, for « À propos » and support. */
  readonly file: string
  readonly backupDir: string
}

/** One imported annotation: how its passage was found, and what the anchoring engine says of it now. */
export interface ImportedItem {
  readonly id: string
  readonly document: string
  /** `as-written`: the file's own position; `by-quote`: found by its quote in the document it names; `in-library`: a foreign source, found in this document. */
  readonly placement: Placement
  readonly status: AnchorStatus
}

export interface ImportReport {
  readonly total: number
  readonly added: number
  readonly updated: number
  /** Already present with the same or a later modification. */
  readonly unchanged: number
  /** Colour labels from the file: applied only while the store still has the defaults. */
  readonly labels: 'imported' | 'kept' | 'none'
  /** Every annotation of the file, in the file's order (a repeated id once). */
  readonly items: readonly ImportedItem[]
}

/** `annotations.exportJson`: the W3C collection (shared/annotations/w3c/write.ts) as text. */
export interface AnnotationsJson {
  /** W3C JSON-LD (an AnnotationCollection), pretty-printed. */
  readonly json: string
  readonly count: number
}
