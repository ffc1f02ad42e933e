/**
 * The export core's vocabulary: what an exporter receives (annotations plus the documents' titles
 * and section maps, handed in as plain data so every exporter stays pure), the options the export
 * dialog and the CLI expose (zod schemas, so the API contract can reuse them as payloads), and the
 * plugin interface every format implements.
 */
import { z } from 'zod'
import { ColorIdSchema } from '../annotations/model'
import type { AnchorState, Annotation, ColorId } from '../annotations/model'
import { DocIdSchema } from '../content/front-matter'
import type { Section } from '../content/document'
import type { WorkshopAnswer } from '../room/answers'

export const EXPORT_FORMATS = ['md', 'csv', 'json'] as const
export const ExportFormatSchema = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormatSchema>

export const GROUPINGS = ['document', 'color', 'tag'] as const
export const GroupingSchema = z.enum(GROUPINGS)
export type Grouping = z.infer<typeof GroupingSchema>

export const EXPORT_LANGUAGES = ['fr', 'en'] as const
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number]

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day written YYYY-MM-DD')

/**
 * The « current filter » of the annotations views, with their meaning (annotations/filter.ts): any
 * document and any colour listed, every tag listed, every word of the text (in the note, the quote
 * and the tags, typography, case and accents ignored; `couleur:<name>` names colours); days are
 * inclusive and compared with the day of the `created` date. Facets combine with AND.
 */
export const AnnotationFilterSchema = z
  .object({
    documents: z.array(DocIdSchema).max(1000).optional(),
    colors: z.array(ColorIdSchema).max(5).optional(),
    tags: z.array(z.string().min(1).max(64)).max(50).optional(),
    text: z.string().max(500).optional(),
    from: IsoDay.optional(),
    to: IsoDay.optional(),
  })
  .strict()
export type AnnotationFilter = z.infer<typeof AnnotationFilterSchema>

export const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), documentId: DocIdSchema }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('filter'), filter: AnnotationFilterSchema }).strict(),
])
export type ExportScope = z.infer<typeof ExportScopeSchema>

export const IncludeSchema = z
  .object({
    quotes: z.boolean().default(true),
    notes: z.boolean().default(true),
    tags: z.boolean().default(true),
    labels: z.boolean().default(true),
    dates: z.boolean().default(true),
    links: z.boolean().default(true),
  })
  .strict()
export type Include = z.infer<typeof IncludeSchema>

export const ExportOptionsSchema = z
  .object({
    grouping: GroupingSchema.default('document'),
    include: IncludeSchema.default(IncludeSchema.parse({})),
    /** Write each passage as an Obsidian callout of its colour's type, the label as title (`> [!question] Question`). */
    callouts: z.boolean().default(false),
    /**
     * Carry every annotation's full data (one HTML comment block at the end, a line each), so the
     * file can be imported back. On by default: a Markdown export is also a human-readable backup.
     */
    data: z.boolean().default(true),
    language: z.enum(EXPORT_LANGUAGES).default('fr'),
    /** RFC 4180 says comma; French spreadsheet apps open `;` files without an import dialog. */
    csvDelimiter: z.enum([',', ';']).default(','),
    /** Include the workshops' answers (« Recueillir les avis », the scope's documents): see answers.ts. */
    answers: z.boolean().default(false),
  })
  .strict()
export type ExportOptions = z.infer<typeof ExportOptionsSchema>
export type ExportOptionsInput = z.input<typeof ExportOptionsSchema>

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = ExportOptionsSchema.parse({})

/** What an exporter needs to know about a document: its title and section map (no text). */
export interface ExportDocument {
  readonly id: string
  readonly title: string
  readonly sections: readonly Section[]
}

export interface ExportMeta {
  /** The export's title (front matter). */
  readonly title: string
  /** ISO 8601 date-time of the export (from the injected clock, so golden files are stable). */
  readonly exported: string
  readonly app: { readonly name: string; readonly version: string }
  /** How the annotations were chosen; written to the front matter, not applied again. */
  readonly scope: ExportScope
}

export interface ExportInput {
  /** Already chosen (see `applyScope`); any order. */
  readonly annotations: readonly Annotation[]
  /** Re-anchoring status per annotation id; absent means anchored. Orphans get their own section. */
  readonly states?: ReadonlyMap<string, AnchorState>
  /** The documents concerned, in library order. Annotations of an unknown document still export. */
  readonly documents: readonly ExportDocument[]
  /**
   * Each passage as shown, by annotation id: its quote without the footnote calls and back-links
   * it spans (« plateformes¹. » → « plateformes. », shared/text/apparatus.ts). Absent: the stored
   * quote, which keeps them (it is the anchor text; the data comments and JSON keep it too).
   */
  readonly shownQuotes?: ReadonlyMap<string, string>
  /** The user's meanings of the five colours. */
  readonly colorLabels: Readonly<Record<ColorId, string>>
  readonly meta: ExportMeta
  /**
   * The workshops' answers to write after the notes, already chosen (`answersInScope`); absent
   * when the export does not include them (the CSV then has only the notes' columns).
   */
  readonly answers?: readonly WorkshopAnswer[]
}

export interface ExportResult {
  readonly format: ExportFormat
  /** File name extension including the dot. */
  readonly extension: '.md' | '.csv' | '.json'
  readonly mediaType: string
  readonly content: string
  /** Number of annotations written. */
  readonly count: number
  /** Number of workshop answers written (0 when they were not asked for). */
  readonly answers: number
}

/** One export format. Pure: same input, same output, no I/O. */
export interface ExportPlugin {
  readonly format: ExportFormat
  readonly extension: ExportResult['extension']
  readonly mediaType: string
  export(input: ExportInput, options: ExportOptions): ExportResult
}

/**
 * One export as the dialog, the CLI and (phase 2) the API contract ask for it. The service turns
 * it into an ExportInput (store + library + settings + clock) and calls the plugin.
 */
export const ExportRequestSchema = z
  .object({
    format: ExportFormatSchema.default('md'),
    scope: ExportScopeSchema.default({ kind: 'all' }),
    options: ExportOptionsSchema.default(DEFAULT_EXPORT_OPTIONS),
    /** Front-matter title; the service supplies a default (« Notes — Passerelles », dated). */
    title: z.string().min(1).max(300).optional(),
  })
  .strict()
export type ExportRequest = z.infer<typeof ExportRequestSchema>
