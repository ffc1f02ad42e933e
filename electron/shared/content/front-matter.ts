/**
 * The content pack's front-matter schema (documented for authors in content/README.md). Both the
 * content library (which refuses a broken document with a clear error) and the `check` validator
 * use this one schema.
 */
import { z } from 'zod'

export const DOCUMENT_KINDS = ['cahier', 'article', 'cas', 'glossaire'] as const
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS)
export type DocumentKind = z.infer<typeof DocumentKindSchema>

/**
 * Every kind the library shows: the pack's kinds (the only ones a content file may declare) plus
 * `mien`, the reader's own imported documents (« Mes documents », electron/services/documents).
 */
export const LIBRARY_KINDS = [...DOCUMENT_KINDS, 'mien'] as const
export type LibraryKind = (typeof LIBRARY_KINDS)[number]

/** The controlled tag vocabulary (kept in sync with content/README.md by a test). */
export const TAG_VOCABULARY = [
  'ess', 'logiciel-libre', 'communs', 'gouvernance', 'cooperation', 'cooperatives', 'associations',
  'mutuelles', 'licences', 'modele-economique', 'hebergement', 'chatons', 'donnees',
  'politiques-publiques', 'commande-publique', 'formation', 'education-populaire', 'benevolat',
  'financement', 'histoire', 'territoires', 'mobilite', 'alimentation', 'plateformes',
  'outils-de-gestion', 'outils-collaboratifs', 'telecoms', 'energie', 'finance-solidaire',
  'souverainete-numerique', 'droit', 'migration', 'economie', 'valeurs',
] as const

/** Kebab-case: [a-z0-9] runs joined by single dashes — document ids, and the heading ids the content library makes (SlugRegistry). */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Document ids: stable kebab-case, also safe in URLs and file names. */
export const DocIdSchema = z.string().min(1).max(120).regex(KEBAB_CASE, 'must be kebab-case: lowercase letters, digits and single dashes')

const HttpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')

export const SourceSchema = z.object({ title: z.string().min(1), url: HttpUrl }).strict()
export type Source = z.infer<typeof SourceSchema>

export const OrganisationSchema = z
  .object({
    name: z.string().min(1),
    legalForm: z.string().min(1),
    founded: z.string().min(1),
    website: HttpUrl,
    /** Field of activity, a few words (`mobilité`, `hébergement et services en ligne`…). */
    sector: z.string().min(1).optional(),
    /** Licences of the code or content it publishes (`AGPL-3.0`…); empty when it publishes none. */
    licences: z.array(z.string().min(1)).optional(),
  })
  .strict()
export type Organisation = z.infer<typeof OrganisationSchema>

/** YAML may give a date as a Date object or a string; we keep `YYYY-MM-DD`. */
const IsoDay = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
)

export const FrontMatterSchema = z
  .object({
    id: DocIdSchema,
    title: z.string().min(1).max(300),
    kind: DocumentKindSchema,
    order: z.number().int().min(1).optional(),
    summary: z.string().min(1).max(600),
    tags: z.array(z.string().min(1)).min(1),
    date: IsoDay,
    authors: z.array(z.string().min(1)).min(1),
    licence: z.string().min(1),
    sources: z.array(SourceSchema).default([]),
    organisation: OrganisationSchema.optional(),
  })
  .strict()
  .superRefine((fm, ctx) => {
    if (fm.kind === 'cahier' && fm.order === undefined) {
      ctx.addIssue({ code: 'custom', path: ['order'], message: 'a cahier chapter needs an order' })
    }
    if (fm.kind === 'cas' && fm.organisation === undefined) {
      ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'a case study needs an organisation' })
    }
  })
export type FrontMatter = z.infer<typeof FrontMatterSchema>
