/**
 * The markup annotations a PDF carries (highlights, underlines, strike-outs, squiggles and sticky
 * notes saved by Acrobat, Okular, Preview or Zotero), from what pdf.js's `page.getAnnotations()`
 * gives, pure. The text under a markup is pdf.js's own `overlaidText`: pdf.js matches each glyph's
 * position against the markup's QuadPoints while extracting the page's text (exact glyph widths,
 * which item-level positions from getTextContent cannot give). Replies (`/IRT`) are folded into the
 * note of the markup they answer; hidden markups are left out.
 */
import { nearestColor } from '../../../shared/annotations/colors'
import type { ColorId } from '../../../shared/annotations/model'
import type { PdfMarkupKind } from '../../../shared/documents/model'
import { joinPdfLines } from './pdf-layout'

/** The fields of pdf.js annotation data read here (pdf.js types them loosely). */
export interface PdfAnnotationData {
  readonly subtype?: unknown
  readonly id?: unknown
  readonly rect?: unknown
  readonly color?: unknown
  readonly contentsObj?: unknown
  readonly overlaidText?: unknown
  readonly inReplyTo?: unknown
  readonly annotationFlags?: unknown
  readonly creationDate?: unknown
  readonly modificationDate?: unknown
}

/** One markup as found, before it is placed in the document's text. */
export interface FoundMarkup {
  readonly key: string
  readonly page: number
  readonly kind: PdfMarkupKind
  readonly quote: string
  readonly note: string
  readonly color: ColorId
  /** The PDF's dates (`D:…` strings), when it has them. */
  readonly created: string | null
  readonly modified: string | null
}

const KINDS: Readonly<Record<string, PdfMarkupKind>> = { Highlight: 'highlight', Underline: 'underline', StrikeOut: 'strikeout', Squiggly: 'squiggly', Text: 'note' }
/** PDF annotation flags: Hidden (bit 2). */
const HIDDEN = 1 << 1

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const numbers = (v: unknown): number[] | null => {
  if (v === null || typeof v !== 'object' || !('length' in v)) return null
  const out = Array.from(v as ArrayLike<unknown>)
  return out.every((n): n is number => typeof n === 'number' && Number.isFinite(n)) ? out : null
}
const contents = (a: PdfAnnotationData): string => {
  const c = a.contentsObj
  return c !== null && typeof c === 'object' && 'str' in c ? (str(c.str) ?? '').trim() : ''
}

/** A markup we import: one of the five kinds, visible. */
export function isImportableMarkup(a: PdfAnnotationData): boolean {
  const kind = KINDS[str(a.subtype) ?? '']
  const flags = typeof a.annotationFlags === 'number' ? a.annotationFlags : 0
  return kind !== undefined && (flags & HIDDEN) === 0
}

/** The markups of one page, in the page's order, replies folded into the markup they answer. */
export function markupsOfPage(page: number, annotations: readonly PdfAnnotationData[]): FoundMarkup[] {
  const replies = new Map<string, string[]>()
  for (const a of annotations) {
    const parent = str(a.inReplyTo)
    const text = contents(a)
    if (parent && text) replies.set(parent, [...(replies.get(parent) ?? []), text])
  }
  const out: FoundMarkup[] = []
  for (const a of annotations) {
    if (!isImportableMarkup(a) || str(a.inReplyTo)) continue
    const kind = KINDS[str(a.subtype)!]!
    const id = str(a.id) ?? ''
    const rect = (numbers(a.rect) ?? []).map((n) => Math.round(n)).join(',')
    const quote = kind === 'note' ? '' : joinPdfLines((str(a.overlaidText) ?? '').split(/\r?\n/)).trim()
    const note = [contents(a), ...(replies.get(id) ?? [])].filter(Boolean).join('\n\n')
    if (kind !== 'note' && quote === '' && note === '') continue
    if (kind === 'note' && note === '') continue
    const rgb = numbers(a.color)
    out.push({
      key: `p${page}:${id}:${rect}`,
      page,
      kind,
      quote,
      note,
      color: nearestColor(rgb && rgb.length === 3 ? [rgb[0]!, rgb[1]!, rgb[2]!] : null),
      created: str(a.creationDate),
      modified: str(a.modificationDate),
    })
  }
  return out
}
