/**
 * What search hands out, over the contract and to the CLI. Highlights are offsets into plain text
 * (never HTML): the UI renders them as <mark> elements itself.
 */
import { z } from 'zod'
import { DocIdSchema } from '../content/front-matter'
import { DOCUMENT_KINDS } from '../content/front-matter'
import type { ProblemCode } from './query'
import type { ColorId } from '../annotations/model'
import type { AnchorStatus } from '../annotations/reanchor'

/** Text with marked ranges [start, end) (UTF-16 offsets into `text`). */
export interface Highlighted {
  readonly text: string
  readonly marks: readonly (readonly [number, number])[]
}

export interface Snippet extends Highlighted {
  /** Text was cut before / after the snippet (show an ellipsis). */
  readonly truncatedStart: boolean
  readonly truncatedEnd: boolean
}

/** What a hit from the reader's own notes carries (source `annotations`). */
export interface NoteHit {
  readonly annotationId: string
  readonly color: ColorId
  /** The colour's label when the search ran (« Question »…). */
  readonly label: string
  readonly status: AnchorStatus
  /** The highlighted passage, as found in the current text ('' for a note on the whole document). */
  readonly quote: Snippet
  /** The note's words without Markdown (see note-text.ts), null when there is none. */
  readonly note: Snippet | null
  readonly tags: readonly string[]
}

/**
 * What a hit from the workshops' answers carries (source `answers`, see shared/room/answers.ts):
 * one visible answer of a participation session (a merged group counts as one), with its question.
 * It opens its document at the section the session presented.
 */
export interface AnswerHit {
  readonly sessionId: string
  readonly answerId: string
  readonly question: string
  /** The answer's words (then its merged answers', one per line), with the matches marked. */
  readonly text: Snippet
  readonly pseudonym: string
  /** The day of the session (YYYY-MM-DD) and its place ('' when none was given). */
  readonly day: string
  readonly place: string
  readonly group: string | null
  readonly support: number
  /** How many answers were merged into it. */
  readonly merged: number
}

/** One matching section, or one matching note (then `note` is set and the rest says where it is). */
export interface SectionHit {
  /** Which search source found it: `library` (the texts), `annotations` (the reader's notes) or `answers` (the workshops'). */
  readonly source: string
  readonly docId: string
  /** The section's heading id ('' for the text before the first heading). */
  readonly sectionId: string
  readonly heading: Highlighted
  /** Enclosing headings, outermost first, this section's last. */
  readonly path: readonly string[]
  readonly snippet: Snippet
  readonly score: number
  /** Set on hits of the notes source: open them at `#/doc/<docId>?annotation=<annotationId>`. */
  readonly note?: NoteHit
  /** Set on hits of the workshops' answers: open them at their section (`sectionId`). */
  readonly answer?: AnswerHit
}

/** Matching sections of one document, best first. */
export interface DocumentGroup {
  readonly docId: string
  readonly title: Highlighted
  readonly kind: string
  readonly tags: readonly string[]
  /** The best section's score. */
  readonly score: number
  readonly sections: readonly SectionHit[]
  /** Matching sections of this document left out by `perDocument`. */
  readonly moreSections: number
}

export interface FacetCount {
  readonly value: string
  readonly count: number
}

/** `unknown-color`: a `couleur:` value that is no colour's name, id or label (notes get none). */
export type NoticeCode = ProblemCode | 'nothing-to-search' | 'stop-words-only' | 'unknown-color'

export interface SearchNotice {
  readonly code: NoticeCode
  /** The piece of the query concerned, as typed. */
  readonly near: string
}

export interface Suggestion {
  /** A query to run instead, in the query language. */
  readonly query: string
  /** `spelling`: a word of the corpus close to a word typed (folded: without accents); `fuzzy`:
   * the same words with ~1; `relaxed`: fewer constraints (no quotes, fewer words). */
  readonly kind: 'spelling' | 'fuzzy' | 'relaxed'
  /** Sections it finds. */
  readonly count: number
}

export interface SearchResponse {
  readonly query: string
  /** The query as it was actually run, in the query language: the plain-words reading after a
   * notice, the word being typed as a prefix (`coopér*`). Use it to highlight matches elsewhere. */
  readonly effective: string
  readonly groups: readonly DocumentGroup[]
  /** `sections` counts every hit, notes included; `bySource` splits it (`library`, `annotations`). */
  readonly total: { readonly documents: number; readonly sections: number; readonly bySource: Readonly<Record<string, number>> }
  /** Documents per kind and per tag among all matches, before the facet filters of the request;
   * hits per source (`library`, `annotations`) before the request's `sources`. */
  readonly facets: { readonly kinds: readonly FacetCount[]; readonly tags: readonly FacetCount[]; readonly sources: readonly FacetCount[] }
  /** Why the query was read differently from what was typed, or why nothing was searched. */
  readonly notice: SearchNotice | null
  /** Stop words left out (« de », « la »…). */
  readonly ignored: readonly string[]
  /** Only when nothing was found. */
  readonly suggestions: readonly Suggestion[]
  readonly tookMs: number
}

/** A match in a document's rendered text, for the reader (offsets into `RenderedDocument.text`). */
export interface TextRange {
  readonly start: number
  readonly end: number
}

export interface LocateResponse {
  readonly docId: string
  readonly ranges: readonly TextRange[]
}

export interface SearchStatus {
  /** `idle`: not opened yet (opened on first need); `building`: loading or building. */
  readonly state: 'idle' | 'building' | 'ready' | 'failed'
  /** Where the library index came from this time. */
  readonly origin: 'prebuilt' | 'cache' | 'built' | null
  readonly documents: number
  readonly sections: number
  readonly loadMs: number | null
  readonly builtAt: string | null
  readonly message: string | null
}

const Kind = z.enum(DOCUMENT_KINDS)

/** The search sources the app has: the texts of the library, the reader's notes and the workshops' answers. */
export const SEARCH_SOURCES = ['library', 'annotations', 'answers'] as const
export type SearchSourceId = (typeof SEARCH_SOURCES)[number]
const Tag = z.string().min(1).max(80)

/** The longest query the search takes (a pasted page is refused with a message, never sent). */
export const MAX_QUERY_LENGTH = 500

export const SearchRequestSchema = z
  .object({
    q: z.string().max(MAX_QUERY_LENGTH),
    /** Facet filters (any of these kinds; all of these tags). */
    kinds: z.array(Kind).max(DOCUMENT_KINDS.length).optional(),
    tags: z.array(Tag).max(20).optional(),
    /** Facet: only hits of these sources (`library`: the texts, `annotations`: the reader's notes, `answers`: the workshops'). */
    sources: z.array(z.enum(SEARCH_SOURCES)).max(SEARCH_SOURCES.length).optional(),
    /** Maximum number of sections returned (grouped by document). */
    limit: z.number().int().min(1).max(500).optional(),
    /** Maximum sections shown per document (the rest are counted in `moreSections`). */
    perDocument: z.number().int().min(1).max(50).optional(),
    /** The query is being typed: the last word also matches the words it begins. */
    typing: z.boolean().optional(),
  })
  .strict()
export type SearchRequest = z.input<typeof SearchRequestSchema>

export const LocateRequestSchema = z.object({ q: z.string().max(MAX_QUERY_LENGTH), docId: DocIdSchema }).strict()
