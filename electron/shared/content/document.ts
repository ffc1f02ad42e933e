/** What the content library hands out: a summary per document, and the full rendered document. */
import type { DocumentKind, FrontMatter, LibraryKind } from './front-matter'

/** One heading-to-next-heading span of the document's text (offsets into `RenderedDocument.text`). */
export interface Section {
  /** The heading's id attribute (unique in the document); '' for the part before the first heading. */
  readonly id: string
  readonly level: number
  readonly title: string
  /** Offset of the heading's first character in the text. */
  readonly start: number
  /** Offset just past the section's last character (the next heading of any level, or the end). */
  readonly end: number
}

/**
 * Text that belongs to the footnote apparatus rather than to the prose (offsets into
 * `RenderedDocument.text`): a footnote call (« plateformes¹ »), a back-link (« ↩ ») or the whole
 * notes section. Shown and exported text leaves calls and back-links out (`shared/text/apparatus.ts`);
 * stored quotes keep them, since they are what annotations are anchored to.
 */
export interface ApparatusRange {
  readonly start: number
  readonly end: number
  readonly kind: 'call' | 'backref' | 'notes'
}

/** The section containing a text offset: the last one starting at or before it (sections are
 * contiguous and in order), null before the first one. */
export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let lo = 0
  let hi = sections.length - 1
  let found: Section | null = null
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sections[mid]!
    if (s.start <= offset) {
      found = s
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

export interface DocumentSummary {
  readonly id: string
  readonly title: string
  readonly kind: LibraryKind
  readonly order: number | null
  readonly summary: string
  readonly tags: readonly string[]
  readonly date: string
  readonly wordCount: number
  readonly readingMinutes: number
  /** Path relative to the content dir, with forward slashes (`cas/mobicoop.md`). */
  readonly path: string
  /** sha256 of the file's bytes: the document's version. */
  readonly hash: string
}

/** A document of the content pack: its kind is one a content file may declare. */
export type PackSummary = DocumentSummary & { readonly kind: DocumentKind }

/** The front matter as the reader shows it: the pack's, or the one made for an imported document (kind `mien`). */
export type DocumentMeta = Omit<FrontMatter, 'kind'> & { readonly kind: LibraryKind }

export interface RenderedDocument {
  readonly summary: DocumentSummary
  readonly meta: DocumentMeta
  /** Sanitised HTML of the body. */
  readonly html: string
  /** Exactly the `textContent` of `html`: what search offsets and annotation selectors refer to. */
  readonly text: string
  readonly sections: readonly Section[]
  /** The footnote calls, back-links and notes section, in text order (see ApparatusRange). */
  readonly apparatus: readonly ApparatusRange[]
}

/** A content file that could not be loaded, kept visible rather than silently dropped. */
export interface ContentProblem {
  readonly path: string
  readonly line: number | null
  readonly message: string
}

/** French reading speed used for reading-time estimates (words per minute). */
export const WORDS_PER_MINUTE = 230

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu)
  return m ? m.length : 0
}

/** Library order: the cahier by chapter, then articles, case studies, glossary, the reader's own documents; then by title. */
export function compareForLibrary(a: DocumentSummary, b: DocumentSummary): number {
  const rank: Record<LibraryKind, number> = { cahier: 0, article: 1, cas: 2, glossaire: 3, mien: 4 }
  return (
    rank[a.kind] - rank[b.kind] ||
    (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
    a.title.localeCompare(b.title, 'fr')
  )
}
