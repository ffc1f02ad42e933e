/**
 * Reading positions, one per document, persisted in the data dir (`reading.json`) by the reading
 * service. A position is a text offset (into `RenderedDocument.text`), so it survives a change of
 * font size or window width; `hash` says which version of the document it refers to, and
 * `sectionId` is the fallback when that version changed.
 */
import { z } from 'zod'
import { DocIdSchema } from './content/front-matter'

export const ReadingPositionInputSchema = z
  .object({
    id: DocIdSchema,
    /** The document version (`DocumentSummary.hash`) the offset refers to. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    /** Text offset of the first character at the top of the reading area. */
    offset: z.number().int().min(0).max(50_000_000),
    /** How much of the document has been read, 0 to 1. */
    progress: z.number().min(0).max(1),
    /** The heading id of the section at the top of the reading area ('' before the first heading). */
    sectionId: z.string().max(300),
  })
  .strict()
export type ReadingPositionInput = z.infer<typeof ReadingPositionInputSchema>

export const ReadingPositionSchema = ReadingPositionInputSchema.omit({ id: true })
  .extend({ docId: DocIdSchema, updatedAt: z.string().datetime() })
  .strict()
export type ReadingPosition = z.infer<typeof ReadingPositionSchema>

export const ReadingFileSchema = z
  .object({
    version: z.literal(1),
    positions: z.array(ReadingPositionSchema),
  })
  .strict()
export type ReadingFile = z.infer<typeof ReadingFileSchema>

/** How many documents' positions are kept (the oldest are forgotten first). */
export const MAX_READING_POSITIONS = 2000
