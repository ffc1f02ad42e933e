/**
 * « Exporter cette section avec mes notes »: a facilitator's handout. The section's text (with its
 * sub-sections) as Markdown, a footnote marker right after each annotated passage, and the
 * annotations as footnotes: label, quote, note (Markdown kept, inside a quote container), tags,
 * date and link back.
 *
 * Built from the rendered text (RenderedDocument.text), which is what annotation positions refer
 * to, so every marker lands exactly after its passage. The rendered text keeps the document's
 * blocks as lines; headings become Markdown headings again (depth relative to the section), every
 * other line a paragraph of escaped text. Orphans and document-level notes have no passage and
 * are left out (the full export lists them). The document's footnote calls, back-links and notes
 * section (`apparatus`) are left out of the text and the quotes (no stray « 1 » glued to a word),
 * unless the section asked for is the notes themselves.
 */
import type { AnchorState, Annotation, ColorId } from '../annotations/model'
import type { ApparatusRange, Section } from '../content/document'
import { INLINE_APPARATUS, cutsIn, stripCuts } from '../text/apparatus'
import { annotationLink, documentLink, sectionLink } from '../links/deep-link'
import { escapeInline, escapePiece, prefixLines } from './escape'
import { frontMatterLines } from './front-matter'
import { neutralizeNote } from './note'
import { exportStrings } from './strings'
import type { ExportDocument, ExportLanguage, ExportMeta, Include } from './types'
import { IncludeSchema } from './types'

export const HANDOUT_FORMAT_NAME = 'passerelles-handout/1'

export interface HandoutInput {
  readonly document: ExportDocument
  readonly sectionId: string
  /** The document's whole rendered text. */
  readonly text: string
  /** The document's footnote apparatus (RenderedDocument.apparatus); absent: none. */
  readonly apparatus?: readonly ApparatusRange[]
  /** Any annotations of the document; those with a passage in the section are used. */
  readonly annotations: readonly Annotation[]
  readonly states?: ReadonlyMap<string, AnchorState>
  readonly colorLabels: Readonly<Record<ColorId, string>>
  readonly meta: ExportMeta
}

export interface HandoutOptions {
  readonly language: ExportLanguage
  readonly include: Include
}

export const DEFAULT_HANDOUT_OPTIONS: HandoutOptions = { language: 'fr', include: IncludeSchema.parse({}) }

/** The section and its sub-sections: up to the next heading of the same or a higher level. */
export function sectionSpan(sections: readonly Section[], sectionId: string): { start: number; end: number; headings: Section[] } | null {
  const i = sections.findIndex((s) => s.id === sectionId)
  if (i < 0) return null
  const top = sections[i]!
  let j = i + 1
  while (j < sections.length && top.level > 0 && sections[j]!.level > top.level) j++
  const headings = sections.slice(i, j).filter((s) => s.id !== '')
  return { start: top.start, end: sections[j - 1]!.end, headings }
}

/** After `[^n]`, a `(` would turn the marker into a link (`[^1](…)`) in GFM: escape it. */
function afterMarker(piece: string, followsMarker: boolean): string {
  return followsMarker && piece.startsWith('(') ? `\\${piece}` : piece
}

const ENDS_IN_URL = /(?:https?:\/\/|www\.)\S*$/i

interface Marker {
  readonly offset: number
  readonly n: number
}

export function renderHandout(input: HandoutInput, options: HandoutOptions = DEFAULT_HANDOUT_OPTIONS): { content: string; count: number } | null {
  const span = sectionSpan(input.document.sections, input.sectionId)
  if (!span) return null
  const strings = exportStrings(options.language)
  const { text } = input
  const top = input.document.sections.find((s) => s.id === input.sectionId)!
  const ranges = input.apparatus ?? []
  const inNotes = ranges.some((r) => r.kind === 'notes' && r.start <= span.start && span.start < r.end)
  const kinds: ReadonlySet<ApparatusRange['kind']> = inNotes ? INLINE_APPARATUS : new Set([...INLINE_APPARATUS, 'notes'])
  /** The text from `from` to `to` as people read it. */
  const shown = (from: number, to: number): string => stripCuts(text.slice(from, to), cutsIn(ranges, from, to, kinds)).text
  const headingLevel = new Map(span.headings.map((h) => [h.start, Math.min(6, Math.max(1, h.level - top.level + 1))]))

  const noted = input.annotations
    .filter((a) => a.target !== null && a.document === input.document.id && input.states?.get(a.id) !== 'orphan')
    .map((a) => ({ a, start: a.target!.selector[1].start, end: Math.min(a.target!.selector[1].end, span.end) }))
    .filter(({ start, end }) => start < span.end && end > span.start)
    .map(({ a, start, end }) => {
      let offset = end
      while (offset > Math.max(start, span.start) + 1 && /\s/.test(text[offset - 1]!)) offset--
      const exact = a.target!.selector[0].exact
      const { start: from, end: to } = a.target!.selector[1]
      const quote = text.slice(from, to) === exact ? shown(from, to) : exact
      return { a, offset, quote }
    })
    .sort((x, y) => x.offset - y.offset || (x.a.created < y.a.created ? -1 : 1) || (x.a.id < y.a.id ? -1 : 1))
  const markers: Marker[] = noted.map(({ offset }, i) => ({ offset, n: i + 1 }))

  const title = top.title || input.document.title
  const out = [
    ...frontMatterLines({
      meta: { ...input.meta, title },
      count: noted.length,
      colorLabels: input.colorLabels,
      extra: [['section', title], ['document_title', input.document.title]],
      formatName: HANDOUT_FORMAT_NAME,
    }),
    '',
  ]
  const titleAt = out.push(`# ${escapeInline(title, false)}`, '') - 2
  const link = options.include.links ? (top.id ? sectionLink(input.document.id, top.id) : documentLink(input.document.id)) : null
  const source = escapeInline(input.document.title, false)
  out.push(`*${escapeInline(strings.handoutSource, false)} ${link ? `[${source}](${link})` : source}*`, '')

  let m = 0
  let lineStart = span.start
  while (lineStart < span.end) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0 || lineEnd > span.end) lineEnd = span.end
    const level = headingLevel.get(lineStart)
    const isTitle = top.id !== '' && lineStart === top.start
    let line = ''
    let cut = lineStart
    while (m < markers.length && markers[m]!.offset <= lineEnd) {
      const mk = markers[m]!
      const piece = afterMarker(escapePiece(shown(cut, mk.offset), cut === lineStart && level === undefined), cut !== lineStart)
      // A bare URL just before would swallow the marker (GFM extends it to the next space).
      const gap = ENDS_IN_URL.test(text.slice(lineStart, mk.offset)) ? ' ' : ''
      line += `${piece.replace(/!$/, '\\!')}${gap}[^${mk.n}]`
      cut = mk.offset
      m++
    }
    line += afterMarker(escapePiece(shown(cut, lineEnd), cut === lineStart && level === undefined), cut !== lineStart)
    line = line.trim()
    // The section's own heading is the handout's title; a note on it still gets its marker there.
    if (isTitle) {
      const refs = line.match(/\[\^\d+\]/g)
      if (refs) out[titleAt] += refs.join('')
    } else if (line !== '') out.push(level === undefined ? line : `${'#'.repeat(level)} ${line}`, '')
    lineStart = lineEnd + 1
  }

  noted.forEach(({ a, quote }, i) => {
    const label = input.colorLabels[a.body.color].trim() || strings.colorNames[a.body.color]
    const head = [options.include.labels ? `**${escapeInline(label, false)}**` : '', options.include.quotes ? `« ${escapeInline(quote, false)} »` : '']
    out.push(`[^${i + 1}]: ${head.filter(Boolean).join(' — ') || escapeInline(strings.passages, false)}`)
    const note = a.body.note
    if (options.include.notes && note.trim() !== '') out.push('', ...prefixLines(prefixLines(neutralizeNote(note).lines, '> '), '    '))
    const meta: string[] = []
    if (options.include.tags && a.body.tags.length) meta.push(a.body.tags.map((t) => `#${t}`).join(' '))
    if (options.include.dates) meta.push(a.created.slice(0, 10))
    const back = options.include.links ? annotationLink(a.document, a.id) : null
    if (back) meta.push(`[${escapeInline(strings.openInApp, false)}](${back})`)
    if (meta.length) out.push('', `    ${meta.join(' · ')}`)
    out.push('')
  })
  while (out[out.length - 1] === '') out.pop()
  return { content: `${out.join('\n')}\n`, count: noted.length }
}
