/**
 * The annotation model, W3C Web Annotation–compatible (https://www.w3.org/TR/annotation-model/):
 * a real UUID, ISO 8601 dates, a target made of the document id, the document version (content
 * hash) it was made on, and two redundant selectors — the quote with its context, and the position
 * in the document's rendered text (RenderedDocument.text). Either selector alone can re-find the
 * passage; together they let re-anchoring detect when a passage moved or changed.
 *
 * Stored and exported as plain JSON. `SCHEMA_VERSION` is written in the store; migrations upgrade
 * older files (see electron/services/annotations).
 */
import { z } from 'zod'
import { DocIdSchema } from '../content/front-matter'

export const SCHEMA_VERSION = 1

/** How much context a TextQuoteSelector keeps on each side of the quote. */
export const QUOTE_CONTEXT = 32

/** The five highlight colours. Their labels (meanings) are user settings; the ids never change. */
export const COLOR_IDS = ['yellow', 'blue', 'green', 'orange', 'purple'] as const
export const ColorIdSchema = z.enum(COLOR_IDS)
export type ColorId = z.infer<typeof ColorIdSchema>

/** Default meanings of the colours (French first; editable in settings). */
export const DEFAULT_COLOR_LABELS: Readonly<Record<ColorId, string>> = {
  yellow: 'Argument',
  blue: 'Question',
  green: 'Exemple',
  orange: 'À vérifier',
  purple: 'Citation',
}

export const TextQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(20_000),
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

const IsoDateTime = z.string().datetime({ offset: true })
const Uuid = z.string().uuid()
const Tag = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, 'a tag is one word: letters, digits, - or _')

export const AnnotationBodySchema = z
  .object({
    /** Markdown, rendered sanitised. Empty for a plain highlight. */
    note: z.string().max(100_000),
    tags: z.array(Tag).max(50),
    color: ColorIdSchema,
  })
  .strict()
export type AnnotationBody = z.infer<typeof AnnotationBodySchema>

/** Result of the last re-anchoring against the current text of the document. */
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
    created: IsoDateTime,
    modified: IsoDateTime,
    body: AnnotationBodySchema,
    /** Absent for a document-level note (e.g. an orphan the user chose to keep unattached). */
    target: AnnotationTargetSchema.nullable(),
    /** For a document-level note: the document it belongs to. */
    document: DocIdSchema,
  })
  .strict()
export type Annotation = z.infer<typeof AnnotationSchema>

export const AnnotationStoreFileSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    annotations: z.array(AnnotationSchema),
  })
  .strict()
export type AnnotationStoreFile = z.infer<typeof AnnotationStoreFileSchema>
