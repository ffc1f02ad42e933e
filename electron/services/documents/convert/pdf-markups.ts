/**
 * The markup annotations a PDF carries (highlights, underlines, strike-outs, squiggles and sticky
 * notes saved by Acrobat, Okular, Preview or Zotero), from what pdf.js's `page.getAnnotations()`
 * gives, pure. The text under a markup is pdf.js's own `overlaidText`: pdf.js matches each glyph's
 * position against the markup's QuadPoints while extracting the page's text (exact glyph widths,
 * which item-level positions from getTextContent cannot give). Its context (the words around it,
 * which the anchoring engine needs to choose between repeated phrases) comes from the page's text
 * runs: the occurrence of the quote nearest to the markup's first quad. Replies (`/IRT`) are folded
 * into the note of the markup they answer; hidden markups are left out.
 */
import { nearestColor } from '../../../shared/annotations/colors'
import { QUOTE_CONTEXT } from '../../../shared/annotations/model'
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
  readonly quadPoints?: unknown
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
  /** The page's text just before and after the quote ('' when the quote cannot be found in the page's runs). */
  readonly prefix: string
  readonly suffix: string
  readonly note: string
  readonly color: ColorId
  /** The PDF's dates, when it has them (`D:…` strings here; ISO once read by readPdfMarkups). */
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

/** A run of the page's text (a pdf.js TextItem reduced to what finding a quote's context needs). */
export interface PageRun {
  readonly text: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly eol: boolean
}

/**
 * The context of `quote` in the page: the page's runs joined as prose (whitespace collapsed), the
 * occurrence nearest to `at` (the markup's lower-left corner; the only one when it is alone), and
 * QUOTE_CONTEXT characters either side. Empty context when the quote is not in the runs as written
 * (a word hyphenated across lines, for one): the engine then places it by the quote alone.
 */
export function contextOf(quote: string, runs: readonly PageRun[], at: { readonly x: number; readonly y: number } | null): { prefix: string; suffix: string } {
  if (quote === '') return { prefix: '', suffix: '' }
  let page = ''
  const starts: number[] = []
  for (const r of runs) {
    let t = r.text.replace(/\s+/g, ' ')
    if (page.endsWith(' ') || page === '') t = t.replace(/^ /, '')
    starts.push(page.length)
    page += t + (r.eol && !t.endsWith(' ') ? ' ' : '')
  }
  const place = (offset: number): { x: number; y: number } => {
    let k = 0
    while (k + 1 < starts.length && starts[k + 1]! <= offset) k++
    const r = runs[k]!
    const len = Math.max(1, r.text.length)
    return { x: r.x + ((offset - starts[k]!) / len) * r.width, y: r.y }
  }
  let best: { offset: number; distance: number } | null = null
  for (let i = page.indexOf(quote); i !== -1; i = page.indexOf(quote, i + 1)) {
    const p = place(i)
    const distance = at ? Math.hypot((p.y - at.y) * 10, p.x - at.x) : 0
    if (!best || distance < best.distance) best = { offset: i, distance }
  }
  if (!best) return { prefix: '', suffix: '' }
  return { prefix: page.slice(Math.max(0, best.offset - QUOTE_CONTEXT), best.offset), suffix: page.slice(best.offset + quote.length, best.offset + quote.length + QUOTE_CONTEXT) }
}

/** The lower-left corner of a markup's first quad (QuadPoints: 8 numbers a quad). */
function firstQuadCorner(a: PdfAnnotationData): { x: number; y: number } | null {
  const q = numbers(a.quadPoints)?.slice(0, 8)
  if (!q || q.length < 8) return null
  const xs = [q[0]!, q[2]!, q[4]!, q[6]!]
  const ys = [q[1]!, q[3]!, q[5]!, q[7]!]
  return { x: Math.min(...xs), y: Math.min(...ys) }
}

/** The markups of one page, in the page's order, replies folded into the markup they answer. */
export function markupsOfPage(page: number, annotations: readonly PdfAnnotationData[], runs: readonly PageRun[]): FoundMarkup[] {
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
      ...contextOf(quote, runs, firstQuadCorner(a)),
      note,
      color: nearestColor(rgb && rgb.length === 3 ? [rgb[0]!, rgb[1]!, rgb[2]!] : null),
      created: str(a.creationDate),
      modified: str(a.modificationDate),
    })
  }
  return out
}
