/**
 * The Markdown exporter. Layout of one annotation (default options):
 *
 *   > The exact quote, escaped so it renders as written and creates no structure.
 *
 *   ^anno-1b2c3d4e
 *
 *   > *Note*
 *   >
 *   > The note, its Markdown kept but held inside the quote container (see note.ts).
 *
 *   **Argument** · #communs #licences · 2026-11-28 · [Ouvrir dans Passerelles](passerelles://open/<doc>#annotation=<id>)
 *
 * The Obsidian block id stands on its own line after the passage (after the note when there is no
 * passage), so `![[notes#^anno-1b2c3d4e]]` embeds the passage itself. With `callouts`, the quote is
 * an Obsidian callout of the colour's own type with the user's label as its title
 * (`> [!question] À vérifier`, see OBSIDIAN_CALLOUT) and the note `> [!info] Note`.
 *
 * The re-import data is one block at the end of the file (data-comment.ts, v3): one short line per
 * annotation, always complete whatever the display options, so an import restores everything.
 */
import { COLOR_IDS } from '../annotations/model'
import type { Annotation, ColorId } from '../annotations/model'
import type { Section } from '../content/document'
import { OBSIDIAN_CALLOUT } from '../annotations/colors'
import { annotationLink, sectionLink } from '../links/deep-link'
import { answersMarkdown } from './answers'
import { ChunkWriter } from './chunks'
import { encodeDataBlock } from './data-comment'
import { escapeInline, plainParagraphs } from './escape'
import { frontMatterLines } from './front-matter'
import { colorLabel, groupEntries, shownQuote } from './group'
import type { Entry } from './group'
import { neutralizeNote } from './note'
import { exportStrings } from './strings'
import type { ExportStrings } from './strings'
import type { ExportInput, ExportOptions, ExportPlugin, ExportResult } from './types'

/**
 * Obsidian block ids (`^anno-1b2c3d4e`): the first 8 hex digits of the UUID, lengthened for the
 * few annotations whose prefixes collide in this export, so every id is unique in the file.
 */
export function shortIds(ids: readonly string[]): Map<string, string> {
  const byPrefix = new Map<string, string[]>()
  for (const id of ids) {
    const prefix = id.slice(0, 8).toLowerCase() // a UUID starts with 8 hex digits
    const group = byPrefix.get(prefix)
    if (!group) byPrefix.set(prefix, [id])
    else if (!group.includes(id)) group.push(id)
  }
  const out = new Map<string, string>()
  const hexOf = (id: string): string => id.replace(/-/g, '').toLowerCase()
  for (const [prefix, group] of byPrefix) {
    if (group.length === 1) {
      out.set(group[0]!, prefix)
      continue
    }
    for (const id of group) {
      const h = hexOf(id)
      let need = 8
      for (const other of group) {
        if (other === id) continue
        const o = hexOf(other)
        let i = 0
        while (i < h.length && h[i] === o[i]) i++
        need = Math.max(need, i + 1)
      }
      out.set(id, h.slice(0, need))
    }
  }
  return out
}

interface RenderContext {
  readonly input: ExportInput
  readonly options: ExportOptions
  readonly strings: ExportStrings
  readonly blockIds: ReadonlyMap<string, string>
  /** Show each entry's section in its meta line (when sections are not headings). */
  readonly showSection: boolean
  /** Escaped once per export: the colour labels and the link text. */
  readonly labels: ReadonlyMap<ColorId, { readonly text: string; readonly md: string }>
  readonly openInAppMd: string
  readonly hints: { readonly orphan: string; readonly fuzzy: string }
  /** Meta-line references to sections, by section (non-document groupings). */
  readonly sectionRefs: Map<Section, string>
  /** Quote and note blocks by annotation id: the tag grouping shows an annotation once per tag. */
  readonly blocks: Map<string, { readonly quote: string | null; readonly note: string | null }>
  /** The annotations written, each once (their first appearance), for the data block. */
  readonly data: Annotation[]
}

function dateText(a: Annotation, strings: ExportStrings): string {
  const created = a.created.slice(0, 10)
  const modified = a.modified.slice(0, 10)
  return modified === created ? created : `${created} (${strings.modified(modified)})`
}

/** Lines inside a `> ` container, as one string (blank lines become a bare `>`). */
function quoted(lines: readonly string[]): string {
  return lines.length === 1 && lines[0] !== '' ? `> ${lines[0]!}` : lines.map((l) => (l === '' ? '>' : `> ${l}`)).join('\n')
}

/** The quote as a `> ` block, or null when quotes are off or there is no passage. */
function quoteBlock(entry: Entry, ctx: RenderContext, label: string): string | null {
  const a = entry.annotation
  if (!ctx.options.include.quotes || a.target === null) return null
  const paragraphs = plainParagraphs(shownQuote(ctx.input, a))
  const body = paragraphs.length ? quoted(paragraphs) : `> ${escapeInline(ctx.strings.emptyQuote)}`
  if (!ctx.options.callouts) return body
  const head = ctx.options.include.labels ? `[!${OBSIDIAN_CALLOUT[a.body.color]}] ${escapeInline(label, false)}` : '[!quote]'
  return `> ${head}\n>\n${body}`
}

function noteBlock(entry: Entry, ctx: RenderContext): string | null {
  const note = entry.annotation.body.note
  if (!ctx.options.include.notes || note.trim() === '') return null
  const head = ctx.options.callouts ? `[!info] ${ctx.strings.note}` : `*${ctx.strings.note}*`
  return `> ${head}\n>\n${quoted(neutralizeNote(note).lines)}`
}

function metaLine(entry: Entry, ctx: RenderContext, labelInCallout: boolean): string {
  const { include } = ctx.options
  const { strings } = ctx
  const a = entry.annotation
  const parts: string[] = []
  if (include.labels && !labelInCallout) parts.push(`**${ctx.labels.get(a.body.color)!.md}**`)
  if (entry.state === 'orphan') parts.push(ctx.hints.orphan)
  if (entry.state === 'fuzzy') parts.push(ctx.hints.fuzzy)
  if (ctx.showSection && entry.section) {
    let ref = ctx.sectionRefs.get(entry.section)
    if (ref === undefined) {
      const title = escapeInline(entry.section.title || strings.beforeFirstHeading, false)
      const link = include.links ? sectionLink(entry.document.id, entry.section.id) : null
      ref = link ? `[${title}](${link})` : title
      ctx.sectionRefs.set(entry.section, ref)
    }
    parts.push(ref)
  }
  if (include.tags && a.body.tags.length) parts.push(`#${a.body.tags.join(' #')}`)
  if (include.dates) parts.push(dateText(a, strings))
  if (include.links) {
    const link = annotationLink(a.document, a.id)
    if (link) parts.push(`[${ctx.openInAppMd}](${link})`)
  }
  return parts.join(' · ')
}

/** The blocks of one annotation, each followed by a blank line. */
function entryMarkdown(entry: Entry, ctx: RenderContext, out: ChunkWriter): void {
  let blocks = ctx.blocks.get(entry.annotation.id)
  if (!blocks) {
    blocks = { quote: quoteBlock(entry, ctx, ctx.labels.get(entry.annotation.body.color)!.text), note: noteBlock(entry, ctx) }
    if (ctx.options.grouping === 'tag') ctx.blocks.set(entry.annotation.id, blocks)
  }
  const { quote, note } = blocks
  const meta = metaLine(entry, ctx, ctx.options.callouts && quote !== null)
  // Only the first appearance carries the block id: Obsidian needs each ^id once in a file.
  const blockId = entry.primary ? `^anno-${ctx.blockIds.get(entry.annotation.id)!}` : null
  const first = quote ?? note
  if (first !== null) {
    out.add(first, '\n\n')
    if (blockId !== null) out.add(blockId, '\n\n')
    if (quote !== null && note !== null) out.add(note, '\n\n')
    if (meta) out.add(meta, '\n\n')
  } else {
    // Nothing shown but the meta line: the id ends it (a line of its own would name the block before).
    const line = [meta, blockId].filter(Boolean).join(' ')
    if (line) out.add(line, '\n\n')
  }
  if (entry.primary) ctx.data.push(entry.annotation)
}

function linkLine(link: string | null, textMd: string, ctx: RenderContext): string {
  return ctx.options.include.links && link ? `[${textMd}](${link})\n\n` : ''
}

export function renderMarkdown(input: ExportInput, options: ExportOptions): { content: string; count: number } {
  const strings = exportStrings(options.language)
  const ids = input.annotations.map((a) => a.id)
  const labels = new Map(
    COLOR_IDS.map((c) => {
      const text = colorLabel(input, c, strings)
      return [c, { text, md: escapeInline(text, false) }] as const
    }),
  )
  const ctx: RenderContext = {
    input,
    options,
    strings,
    blockIds: shortIds(ids),
    showSection: options.grouping !== 'document',
    labels,
    openInAppMd: escapeInline(strings.openInApp, false),
    blocks: new Map(),
    data: [],
    hints: { orphan: `*${escapeInline(strings.orphanHint, false)}*`, fuzzy: `*${escapeInline(strings.fuzzyHint, false)}*` },
    sectionRefs: new Map(),
  }
  const count = new Set(ids).size
  const openSub = escapeInline(options.grouping === 'document' ? strings.openSection : strings.openInApp, false)
  const out = new ChunkWriter()
  out.add(frontMatterLines({ meta: input.meta, count, grouping: options.grouping, colorLabels: input.colorLabels }).join('\n'), '\n\n')
  for (const group of groupEntries(input, options.grouping, strings)) {
    out.add(`# ${escapeInline(group.heading, false)}\n\n`, linkLine(group.link, ctx.openInAppMd, ctx))
    for (const sub of group.subgroups) {
      out.add(`## ${escapeInline(sub.heading, false)}\n\n`, linkLine(sub.link, openSub, ctx))
      for (const entry of sub.entries) entryMarkdown(entry, ctx, out)
    }
  }
  // The workshops' answers after the notes; never in the data block (they are not annotations).
  const answers = answersMarkdown(input.answers ?? [], options.language, options.include.links)
  if (answers) out.add(answers)
  if (options.data && ctx.data.length) out.add(encodeDataBlock(ctx.data), '\n')
  out.endWithOneNewline()
  return { content: out.text(), count }
}

export const markdownPlugin: ExportPlugin = {
  format: 'md',
  extension: '.md',
  mediaType: 'text/markdown; charset=utf-8',
  export(input, options): ExportResult {
    const { content, count } = renderMarkdown(input, options)
    return { format: 'md', extension: '.md', mediaType: this.mediaType, content, count, answers: input.answers?.length ?? 0 }
  },
}
