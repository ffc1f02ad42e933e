/**
 * What a presentation is made of, as it crosses the API: slides (sanitised HTML plus the text they
 * show), speaker notes (asked for separately: the audience window never needs them), and the
 * workshop decks facilitators save in the data dir.
 */
import { z } from 'zod'
import { DocIdSchema } from '../content/front-matter'
import type { LibraryKind } from '../content/front-matter'
import type { ColorId } from '../annotations/model'
import type { SlideKind } from './splitter'
import type { DiscussionKind } from './discussion'
import type { Span } from './spans'

/**
 * The two forms of the same section (issue 16): « Diaporama de discussion » (few slides, one idea
 * each: key points, the facilitator's highlights, questions; the full text in the notes) and
 * « Texte intégral » (the text on slides, about 60 words each).
 */
export const PRESENT_FORMS = ['discussion', 'full'] as const
export type PresentForm = (typeof PRESENT_FORMS)[number]
export const PresentFormSchema = z.enum(PRESENT_FORMS)

/** Where a slide's text comes from, for its title lines and footer. */
export interface SlideSource {
  readonly docId: string
  readonly docTitle: string
  readonly kind: LibraryKind
  /** Chapter number of a cahier chapter. */
  readonly order: number | null
  readonly authors: readonly string[]
  readonly licence: string
  /** The presented section's title ('' for a whole document). */
  readonly sectionTitle: string
  /** The presented section's id (null for a whole document): what « Recueillir les avis » attaches its session to. */
  readonly sectionId: string | null
}

export interface Slide {
  /**
   * 'deck' is the opening slide of a named workshop deck (its name and agenda); the discussion
   * form adds 'point', 'question' and 'outline' (its 'title' and 'quote' are the same as the text's).
   */
  readonly kind: SlideKind | DiscussionKind | 'deck'
  readonly source: SlideSource | null
  /** The slide's own heading (document text, sanitised inline HTML); '' when none. */
  readonly headingHtml: string
  /** The body: whole elements of the document (sanitised HTML); highlights are <mark class="hl">. */
  readonly bodyHtml: string
  /** Exactly the text the heading and body show (document text, footnote markers removed). */
  readonly text: string
  /** The heading this slide continues (a display line, not document text); '' when none. */
  readonly continues: string
  /** A discussion slide's kicker (« À retenir · 2/4 », « Citation »): a display line, not in `text`. */
  readonly label?: string
  /** For a 'deck' slide: the deck's name and the titles of its parts. */
  readonly deckTitle: string
  readonly agenda: readonly string[]
  /** The document text this slide shows (offsets into RenderedDocument.text); null when none. */
  readonly span: Span | null
}

export interface PresentedDeck {
  readonly revision: number
  /** Which form the slides are in (absent from hosts that predate the choice: 'full'). */
  readonly form?: PresentForm
  readonly title: string
  readonly slides: readonly Slide[]
}

/**
 * One note shown to the presenter: the annotated passage, its colour, and the note rendered — or,
 * in the discussion form, the full text of the presented span (colour null, label « Texte intégral »).
 */
export interface SlideNote {
  readonly id: string
  readonly color: ColorId | null
  /** The meaning of the colour (its label: « Argument », « Question »…). */
  readonly label: string
  /** The annotated passage (shortened). */
  readonly quote: string
  /** The note's Markdown, rendered and sanitised. */
  readonly html: string
}

export interface DeckNotes {
  readonly revision: number
  /** notes[i] are the notes of slide i. */
  readonly notes: readonly (readonly SlideNote[])[]
}

/** What « Présenter » presents, and in which form (absent: « Texte intégral », as before the choice). */
export const PresentSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('section'), docId: DocIdSchema, sectionId: z.string().min(1).max(200), form: PresentFormSchema.optional() }).strict(),
  z.object({ kind: z.literal('document'), docId: DocIdSchema, form: PresentFormSchema.optional() }).strict(),
  z.object({ kind: z.literal('deck'), id: z.string().uuid(), form: PresentFormSchema.optional() }).strict(),
])
export type PresentSource = z.infer<typeof PresentSourceSchema>

// ---------------------------------------------------------------------------------------------
// Workshop decks (stored in decks.json)

export const DECKS_SCHEMA_VERSION = 1
export const MAX_DECK_ITEMS = 1000

/** A part of a deck: a section of a document, or (sectionId null) the whole document. */
export const DeckItemSchema = z
  .object({
    docId: DocIdSchema,
    sectionId: z.string().min(1).max(200).nullable(),
  })
  .strict()
export type DeckItem = z.infer<typeof DeckItemSchema>

export const DeckNameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'a deck needs a name').max(120, 'a deck name has at most 120 characters'))

export const StoredDeckSchema = z
  .object({
    id: z.string().uuid(),
    name: DeckNameSchema,
    items: z.array(DeckItemSchema).max(MAX_DECK_ITEMS),
    created: z.string().datetime({ offset: true }),
    modified: z.string().datetime({ offset: true }),
  })
  .strict()
export type StoredDeck = z.infer<typeof StoredDeckSchema>

export const DecksFileSchema = z
  .object({
    schemaVersion: z.literal(DECKS_SCHEMA_VERSION),
    decks: z.array(StoredDeckSchema).refine((d) => new Set(d.map((x) => x.id)).size === d.length, 'two decks share an id'),
  })
  .strict()
export type DecksFile = z.infer<typeof DecksFileSchema>

/** A deck item as the decks screen shows it: titles resolved, or flagged when gone from the library. */
export interface DeckItemView extends DeckItem {
  readonly docTitle: string
  readonly sectionTitle: string
  /** The document or section no longer exists in the content pack. */
  readonly missing: boolean
}

export interface DeckView {
  readonly id: string
  readonly name: string
  readonly items: readonly DeckItemView[]
  readonly modified: string
}

export interface DeckList {
  readonly decks: readonly DeckView[]
  /** Set when decks.json could not be read: what happened and where the file was moved (nothing lost). */
  readonly problem: string | null
}
