/**
 * The annotation model, W3C Web Annotation–compatible (https://www.w3.org/TR/annotation-model/):
 * a real UUID, ISO 8601 dates, a target made of the document id, the document version (content
 * hash) it was made on, and two redundant selectors — the quote with its context, and the position
 * in the document's rendered text (RenderedDocument.text, in UTF-16 code units as Hypothesis does).
 * Either selector alone can re-find the passage; together they let re-anchoring detect when a
 * passage moved or changed. `w3c.ts` converts to and from strict W3C JSON-LD for export/import.
 *
 * Stored as plain JSON. `SCHEMA_VERSION` is written in the store; migrations upgrade older files
 * (electron/services/annotations/migrations.ts).
 */
import { z } from 'zod'
import { MAX_TAG_LENGTH, TAG_PATTERN } from './tags'
import { DocIdSchema } from '../content/front-matter'

/** 1: annotations only. 2: + colour labels, compaction generation, integrity checksum. */
export const SCHEMA_VERSION = 2

/** How much context a TextQuoteSelector keeps on each side of the quote. */
export const QUOTE_CONTEXT = 32

/** Longest quote a selection may make (characters). */
export const MAX_QUOTE = 20_000

/** The five highlight colours. Their labels (meanings) are user data; the ids never change. */
export const COLOR_IDS = ['yellow', 'blue', 'green', 'orange', 'purple'] as const
export const ColorIdSchema = z.enum(COLOR_IDS)
export type ColorId = z.infer<typeof ColorIdSchema>

/** Default meanings of the colours (French first; editable, stored with the annotations). */
export const DEFAULT_COLOR_LABELS: Readonly<Record<ColorId, string>> = {
  yellow: 'Argument',
  blue: 'Question',
  green: 'Exemple',
  orange: 'À vérifier',
  purple: 'Citation',
}

const Label = z
  .string()
  .trim()
  .min(1, 'a colour label cannot be empty')
  .max(40, 'a colour label has at most 40 characters')
export const ColorLabelsSchema = z.object({ yellow: Label, blue: Label, green: Label, orange: Label, purple: Label }).strict()
export type ColorLabels = z.infer<typeof ColorLabelsSchema>
export const ColorLabelsPatchSchema = ColorLabelsSchema.partial().strict()
export type ColorLabelsPatch = z.infer<typeof ColorLabelsPatchSchema>

export const TextQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(MAX_QUOTE),
    prefix: z.string().max(QUOTE_CONTEXT),
    suffix: z.string().max(QUOTE_CONTEXT),
  })
  .strict()
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>

export const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .strict()
  .refine((s) => s.end > s.start, 'end must be after start')
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>

export const IsoDateTimeSchema = z.string().datetime({ offset: true })
const Uuid = z.string().uuid()

/** The stored form (tags.ts turns what people type into it): letters of any script, digits, emoji, _ and -, with / for nested tags. */
export const TagSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TAG_LENGTH * 2) // UTF-16 units; tags.ts counts characters
  .regex(TAG_PATTERN, 'a tag is one token: letters, digits, emoji, - or _, with / for nested tags')
export const TagsSchema = z
  .array(TagSchema)
  .max(50)
  .transform((tags) => [...new Set(tags.map((t) => t.normalize('NFC')))])

export const NoteSchema = z.string().max(100_000)

export const AnnotationBodySchema = z
  .object({
    /** Markdown, rendered sanitised. Empty for a plain highlight. */
    note: NoteSchema,
    tags: TagsSchema,
    color: ColorIdSchema,
  })
  .strict()
export type AnnotationBody = z.infer<typeof AnnotationBodySchema>

/** Result of re-anchoring against the current text of the document (see anchor.ts). */
export const ANCHOR_STATES = ['anchored', 'moved', 'fuzzy', 'orphan'] as const
export type AnchorState = (typeof ANCHOR_STATES)[number]

export const AnnotationTargetSchema = z
  .object({
    source: DocIdSchema,
    /** sha256 of the document file when the selectors were (last) computed. */
    docVersion: z.string().regex(/^[0-9a-f]{64}$/),
    selector: z.tuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]),
  })
  .strict()
export type AnnotationTarget = z.infer<typeof AnnotationTargetSchema>

export const AnnotationSchema = z
  .object({
    id: Uuid,
    type: z.literal('Annotation'),
    created: IsoDateTimeSchema,
    /** Last change by the user (automatic re-anchoring does not touch it). */
    modified: IsoDateTimeSchema,
    body: AnnotationBodySchema,
    /** Absent for a document-level note (e.g. an orphan the user chose to keep unattached). */
    target: AnnotationTargetSchema.nullable(),
    /** The document the annotation belongs to (equals `target.source` when there is a target). */
    document: DocIdSchema,
    /** For a document-level note made from an orphan: the passage it used to point at (display only). */
    detachedQuote: z.string().max(MAX_QUOTE).optional(),
  })
  .strict()
  .refine((a) => a.target === null || a.target.source === a.document, 'target.source must equal document')
export type Annotation = z.infer<typeof AnnotationSchema>

export const AnnotationStoreFileSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    /** Bumped by each compaction; ties the snapshot to its journal. */
    generation: z.number().int().min(0),
    /** `sha256:<hex>` of everything after the first line, when written by Passerelles. */
    checksum: z.string().optional(),
    colorLabels: ColorLabelsSchema,
    annotations: z.array(AnnotationSchema),
  })
  .strict()
export type AnnotationStoreFile = z.infer<typeof AnnotationStoreFileSchema>
