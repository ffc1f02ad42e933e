/**
 * « Diaporama de discussion »: the other form of a presented span (issue 16). Not the text cut into
 * pages but few slides, one idea each, for a room to discuss:
 *
 *   title → the chapter's « À retenir » (one point a slide) → the facilitator's own highlights in
 *   the colours that mark material to put before the room (Argument, Citation), in reading order →
 *   the chapter's « Questions pour l’atelier » (one question a slide).
 *
 * « The chapter's » points and questions are the document's own sections with those titles, whatever
 * part of it is presented; `closing: false` leaves them out (a workshop deck shows them once per
 * document). A document without them (an article, a case study) gets, in their place, an outline
 * of the span's sub-headings when it has at least two.
 *
 * Budget: about 30 words a slide (`DISCUSSION_WORDS`). Points and questions are whole list items
 * (one idea is never cut); a highlight longer than the budget is shortened at a sentence end, else
 * at a word, and marked « […] » (the full passage is in the presenter's notes with the full text).
 *
 * Every plan says which document text it shows (`span`, so notes on that passage land on it);
 * `label` is a display line (the kicker: « À retenir · 2/4 », « Citation »), never document text.
 * Pure: blocks come from the Node adapter, highlights from the facilitator's annotations.
 */
import { countWords } from '../content/document'
import type { Section } from '../content/document'
import type { ColorId } from '../annotations/model'
import { clipTokens, textSpan, textWithOffsets, visibleText } from './tokens'
import type { Block, Token } from './tokens'
import { listItems, splitSpan } from './splitter'
import type { SlidePlan } from './splitter'
import { presentableSpan } from './spans'
import type { Span } from './spans'
import { sentenceStarts } from './sentences'

/** Words a discussion slide shows at most (a whole point or question may be a little longer). */
export const DISCUSSION_WORDS = 30

/** The highlight colours that put a passage before the room: Argument (yellow), Citation (purple). */
export const DISCUSSION_COLORS: readonly ColorId[] = ['yellow', 'purple']

/** Section titles the cahier's chapters close with (content/README, the « workshop » check). */
export const KEY_POINTS_TITLE = 'À retenir'
export const QUESTIONS_TITLE = 'Questions pour l’atelier'

export type DiscussionKind = 'title' | 'point' | 'question' | 'quote' | 'outline'

export interface DiscussionPlan {
  readonly kind: DiscussionKind
  /** The title slide's heading (document text); null otherwise. */
  readonly heading: readonly Token[] | null
  /** The body (document text, plus « […] » where a highlight was shortened). */
  readonly body: readonly Token[]
  /** The kicker line (display, not document text); '' for the title slide. */
  readonly label: string
  /** The document text shown (offsets into RenderedDocument.text); null for an outline. */
  readonly span: Span | null
}

export interface PlacedHighlight {
  readonly start: number
  readonly end: number
  readonly color: ColorId
  /** The colour's meaning, shown as the slide's kicker (« Citation », « Argument »). */
  readonly label: string
}

const ELLIPSIS = ' […]'

/** The text a discussion slide shows: heading and body, markers left out (the label is not in it). */
export function discussionText(plan: DiscussionPlan): string {
  return visibleText(plan.heading ?? []) + visibleText(plan.body)
}

/** Body tokens of one list item, as a paragraph: the <ul>/<ol> wrapper dropped, the <li> a <p>. */
function itemAsParagraph(tokens: readonly Token[]): Token[] {
  const out: Token[] = []
  let depth = 0
  for (const t of tokens) {
    if (t.k === 'open') {
      depth++
      if (depth === 1) continue
      out.push(depth === 2 && t.tag === 'li' ? { k: 'open', tag: 'p', attrs: [] } : t)
    } else if (t.k === 'close') {
      depth--
      if (depth === 0) continue
      out.push(depth === 1 && t.tag === 'li' ? { k: 'close', tag: 'p' } : t)
    } else if (depth >= 2 || t.k === 'void') {
      out.push(t)
    }
  }
  return out
}

/** The items of the lists in `span`, each as a paragraph with the span of its text. */
function listItemsIn(blocks: readonly Block[], span: Span): { body: Token[]; span: Span }[] {
  const out: { body: Token[]; span: Span }[] = []
  for (const b of blocks) {
    if (b.kind !== 'list' || b.start < span.start || b.end > span.end) continue
    const items = listItems(b.tokens)
    items.forEach((item, i) => {
      const body = itemAsParagraph(clipTokens(b.tokens, item.at, items[i + 1]?.at ?? b.end))
      const s = textSpan(body)
      if (s && visibleText(body).trim() !== '') out.push({ body, span: s })
    })
  }
  return out
}

/** The span of the document's section titled `title` (a chapter's closing section), or null. */
function sectionSpan(sections: readonly Section[], title: string): Span | null {
  const s = sections.find((x) => x.title.trim() === title)
  return s ? presentableSpan(sections, s.id) : null
}

/**
 * The spans of a chapter's closing sections (« À retenir », then « Questions pour l’atelier »), those
 * it has. The full-text form ends a part presented alone with them, as the discussion form does.
 */
export function closingSpans(sections: readonly Section[]): readonly Span[] {
  return [KEY_POINTS_TITLE, QUESTIONS_TITLE].flatMap((title) => sectionSpan(sections, title) ?? [])
}

/**
 * Where to cut `tokens` so they show at most `limit` words: at the last sentence end within the
 * limit, else after the limit-th word. Returns the document offset to cut at, or null (no cut).
 */
function shorteningCut(tokens: readonly Token[], limit: number): number | null {
  const { text, at } = textWithOffsets(tokens)
  if (countWords(text) <= limit) return null
  const sentence = sentenceStarts(text).filter((s) => countWords(text.slice(0, s)) <= limit).pop()
  if (sentence !== undefined && countWords(text.slice(0, sentence)) >= limit / 2) return at[sentence]!
  let words = 0
  const word = /\S+/g
  for (let m = word.exec(text); m; m = word.exec(text)) {
    words += countWords(m[0])
    if (words >= limit) return at[m.index + m[0].length] ?? null
  }
  return null
}

/** The passage a highlight covers, shortened to the budget, as a slide body. */
function highlightBody(blocks: readonly Block[], h: PlacedHighlight): { body: Token[]; span: Span } | null {
  const pieces: Token[] = []
  for (const b of blocks) {
    if (b.footnotes || b.end <= h.start || b.start >= h.end) continue
    pieces.push(...clipTokens(b.tokens, Math.max(b.start, h.start), Math.min(b.end, h.end)))
  }
  if (visibleText(pieces).trim() === '') return null
  const cut = shorteningCut(pieces, DISCUSSION_WORDS)
  const end = cut ?? h.end
  const inside: Token[] = []
  for (const b of blocks) {
    if (b.footnotes || b.end <= h.start || b.start >= end) continue
    inside.push(...clipTokens(b.tokens, Math.max(b.start, h.start), Math.min(b.end, end)))
  }
  const span = textSpan(inside)
  if (!span) return null
  // A passage picked inside a paragraph is shown as a paragraph of its own.
  const body: Token[] = inside[0]?.k === 'open' ? inside : [{ k: 'open', tag: 'p', attrs: [] }, ...inside, { k: 'close', tag: 'p' }]
  if (cut !== null) {
    // « […] » goes inside the last element, after the shown words (it is not document text: no offset).
    const last = body.length - 1
    body.splice(last, 0, { k: 'text', text: /\s$/.test(visibleText(inside)) ? ELLIPSIS.trimStart() : ELLIPSIS, at: -1 })
  }
  return { body, span }
}

/** An outline of the span's sub-headings, in slides of at most DISCUSSION_WORDS words. */
function outline(blocks: readonly Block[], span: Span, label: string): DiscussionPlan[] {
  const headings = blocks.filter((b) => b.kind === 'heading' && !b.footnotes && b.start > span.start && b.start < span.end)
  if (headings.length < 2) return []
  const level = Math.min(...headings.map((h) => h.level))
  const titles = headings.filter((h) => h.level === level).map((h) => visibleText(h.tokens).trim())
  if (titles.length < 2) return []
  const slides: DiscussionPlan[] = []
  let group: string[] = []
  let words = 0
  const flush = (): void => {
    if (group.length === 0) return
    const body: Token[] = [{ k: 'open', tag: 'ul', attrs: [] }]
    for (const title of group) body.push({ k: 'open', tag: 'li', attrs: [] }, { k: 'text', text: title, at: -1 }, { k: 'close', tag: 'li' })
    body.push({ k: 'close', tag: 'ul' })
    slides.push({ kind: 'outline', heading: null, body, label, span: null })
    group = []
    words = 0
  }
  for (const title of titles) {
    const w = countWords(title)
    if (group.length > 0 && words + w > DISCUSSION_WORDS) flush()
    group.push(title)
    words += w
  }
  flush()
  return slides
}

export interface DiscussionInput {
  readonly blocks: readonly Block[]
  readonly sections: readonly Section[]
  readonly span: Span
  /** The facilitator's highlights in the document (any colour: the ones that count are picked here). */
  readonly highlights: readonly PlacedHighlight[]
  /** Include the document's « À retenir » and « Questions pour l’atelier » (default true). */
  readonly closing?: boolean
  /** The kicker of an outline slide (« Plan »). */
  readonly outlineLabel?: string
  /** The whole document is presented: its title slide is the document's title, not its first heading. */
  readonly whole?: boolean
}

export function discussionPlans(input: DiscussionInput): DiscussionPlan[] {
  const { blocks, sections, span } = input
  const closing = input.closing ?? true
  const title: SlidePlan = splitSpan(blocks, span)[0]!
  const heading = input.whole ? null : title.heading
  const plans: DiscussionPlan[] = [{ kind: 'title', heading, body: [], label: '', span: textSpan(heading ?? []) }]

  const keySpan = sectionSpan(sections, KEY_POINTS_TITLE)
  const askSpan = sectionSpan(sections, QUESTIONS_TITLE)
  const numbered = (items: { body: Token[]; span: Span }[], kind: 'point' | 'question', name: string): DiscussionPlan[] =>
    items.map((item, i) => ({ kind, heading: null, body: item.body, label: `${name} · ${i + 1}/${items.length}`, span: item.span }))

  const points = closing && keySpan ? listItemsIn(blocks, keySpan) : []
  if (points.length > 0) plans.push(...numbered(points, 'point', KEY_POINTS_TITLE))
  else plans.push(...outline(blocks, span, input.outlineLabel ?? 'Plan'))

  // The closing sections are shown as points and questions already: highlights there are not repeated.
  const inClosing = (at: number): boolean => [keySpan, askSpan].some((s) => s !== null && at >= s.start && at < s.end)
  const picked = input.highlights
    .filter((h) => DISCUSSION_COLORS.includes(h.color) && h.start >= span.start && h.start < span.end && !(closing && inClosing(h.start)))
    .sort((a, b) => a.start - b.start)
  for (const h of picked) {
    const shown = highlightBody(blocks, h)
    if (!shown) continue
    const body = h.color === 'purple' ? [{ k: 'open', tag: 'blockquote', attrs: [] } as const, ...shown.body, { k: 'close', tag: 'blockquote' } as const] : shown.body
    plans.push({ kind: h.color === 'purple' ? 'quote' : 'point', heading: null, body, label: h.label, span: shown.span })
  }

  const questions = closing && askSpan ? listItemsIn(blocks, askSpan) : []
  plans.push(...numbered(questions, 'question', QUESTIONS_TITLE))
  return plans
}
