/**
 * The slide splitter: a span of a document (its blocks) → slide plans. Pure and deterministic.
 *
 * Rules (issue 8):
 * - a title slide first (the section's heading, when the span starts with one);
 * - then one slide per sub-heading, or per group of paragraphs within the density limit
 *   (about 60 words, or 6 list items); a slide that continues the previous one's topic carries
 *   that heading as `continues` (a display line, not document text);
 * - a paragraph longer than the limit is split at sentence boundaries (sentences.ts);
 * - a list longer than the limit is split between items (an ordered list continues its numbering);
 * - a table, an image, a quotation or a code block gets a slide of its own;
 * - footnote markers stay in the tokens (they carry offsets) but are never shown;
 * - (issue 16) a lead-in — a paragraph ending with « : » right before a list — stays on the slide
 *   of the list's first items: when they do not fit after it, it moves to the next slide with them;
 * - (issue 16) the first slide after the title slide does not say it continues the title: it is
 *   where the section starts, not a « (suite) »;
 * - (issue 16) the document's footnotes (blocks flagged `footnotes`) are references, not slides:
 *   left out, unless the span presented is the footnotes themselves.
 *
 * No text is lost: every character of the span outside the footnotes is in exactly one slide's
 * tokens, in order (the property `no-text-lost.test.ts` checks on every shipped section).
 */
import { countWords } from '../content/document'
import { clipTokens, textSpan, textWithOffsets, visibleText } from './tokens'
import type { Block, Token } from './tokens'
import { sentenceStarts } from './sentences'
import type { Span } from './spans'

export interface SplitLimits {
  /** Words of body text per slide (a single longer sentence or list item still gets one slide). */
  readonly words: number
  /** List items per slide. */
  readonly items: number
}

export const DEFAULT_LIMITS: SplitLimits = { words: 60, items: 6 }

export const SLIDE_KINDS = ['title', 'text', 'table', 'image', 'quote', 'code'] as const
export type SlideKind = (typeof SLIDE_KINDS)[number]

export interface SlidePlan {
  readonly kind: SlideKind
  /** The heading's content (outer <hN> removed), or null. Document text. */
  readonly heading: readonly Token[] | null
  /** The heading this slide continues, for display; '' when the slide has its own heading. */
  readonly continues: string
  /** Body tokens: whole elements (<p>, <ul>, <table>…). Document text. */
  readonly body: readonly Token[]
}

/** Document offsets a slide covers (its heading and body), or null for a slide without text. */
export function planSpan(plan: SlidePlan): Span | null {
  return textSpan([...(plan.heading ?? []), ...plan.body])
}

/** The text a slide shows: its heading and body, footnote markers left out. */
export function planText(plan: SlidePlan): string {
  return visibleText(plan.heading ?? []) + visibleText(plan.body)
}

function words(tokens: readonly Token[]): number {
  return countWords(visibleText(tokens))
}

/** The block restricted to the span (whole when inside it; null when outside). */
function clipBlock(b: Block, span: Span): Block | null {
  if (b.end <= span.start || b.start >= span.end) return b.start === b.end && b.start >= span.start && b.start < span.end ? b : null
  if (b.start >= span.start && b.end <= span.end) return b
  const start = Math.max(b.start, span.start)
  const end = Math.min(b.end, span.end)
  return { ...b, start, end, tokens: clipTokens(b.tokens, start, end) }
}

/** A heading block's content: the tokens inside its outer element, plus what follows it (whitespace). */
function headingContent(tokens: readonly Token[]): Token[] {
  const first = tokens[0]
  if (first?.k !== 'open') return [...tokens]
  let depth = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.k === 'open') depth++
    else if (t.k === 'close' && --depth === 0) return [...tokens.slice(1, i), ...tokens.slice(i + 1)]
  }
  return tokens.slice(1)
}

/**
 * How to group consecutive sentences (their word counts) into as few slides as the limit allows,
 * as evenly as possible: the fewest groups a greedy fill needs (a sentence longer than the limit
 * is a group of its own), then, for that many groups, the split whose largest group is smallest
 * (dynamic programming; paragraphs have a few dozen sentences at most). Returns the indices of the
 * sentences that open a new group.
 */
export function balancedGroups(counts: readonly number[], limit: number): number[] {
  let groups = counts.length > 0 ? 1 : 0
  let acc = 0
  for (const w of counts) {
    if (acc > 0 && acc + w > limit) {
      groups++
      acc = 0
    }
    acc += w
  }
  if (groups <= 1) return []
  const m = counts.length
  const prefix = [0]
  for (const w of counts) prefix.push(prefix[prefix.length - 1]! + w)
  const sum = (a: number, b: number): number => prefix[b]! - prefix[a]!
  // best[g][i]: smallest possible largest group when the first i sentences form g groups.
  const best: number[][] = Array.from({ length: groups + 1 }, () => new Array<number>(m + 1).fill(Infinity))
  const from: number[][] = Array.from({ length: groups + 1 }, () => new Array<number>(m + 1).fill(0))
  best[0]![0] = 0
  for (let g = 1; g <= groups; g++) {
    for (let i = g; i <= m; i++) {
      for (let p = g - 1; p < i; p++) {
        const cost = Math.max(best[g - 1]![p]!, sum(p, i))
        if (cost < best[g]![i]!) {
          best[g]![i] = cost
          from[g]![i] = p
        }
      }
    }
  }
  const starts: number[] = []
  for (let g = groups, i = m; g > 1; g--) {
    i = from[g]![i]!
    starts.unshift(i)
  }
  return starts
}

/** Offsets where a paragraph is cut so that each piece stays within `limit` words, at sentence ends. */
function paragraphCuts(tokens: readonly Token[], limit: number): number[] {
  const { text, at } = textWithOffsets(tokens)
  const bounds = [0, ...sentenceStarts(text), text.length]
  const counts = bounds.slice(0, -1).map((s, i) => countWords(text.slice(s, bounds[i + 1])))
  return balancedGroups(counts, limit).map((sentence) => at[bounds[sentence]!]!)
}

/** Offsets of the top-level <li> elements of a list block, and each item's word count. */
export function listItems(tokens: readonly Token[]): { at: number; words: number }[] {
  const items: { at: number; words: number; text: string }[] = []
  let depth = 0
  let pending = false
  for (const t of tokens) {
    if (t.k === 'open') {
      depth++
      if (depth === 2 && t.tag === 'li') pending = true
    } else if (t.k === 'close') {
      depth--
    } else if (t.k === 'text' || t.k === 'marker') {
      if (pending) {
        items.push({ at: t.at, words: 0, text: '' })
        pending = false
      }
      if (depth >= 2 && t.k === 'text' && items.length > 0) items[items.length - 1]!.text += t.text
    }
  }
  return items.map((i) => ({ at: i.at, words: countWords(i.text) }))
}

/** An ordered list cut after its first items goes on numbering where it stopped. */
function renumber(tokens: Token[], skipped: number): Token[] {
  const first = tokens[0]
  if (skipped === 0 || first?.k !== 'open' || first.tag !== 'ol') return tokens
  const start = Number(first.attrs.find(([n]) => n === 'start')?.[1] ?? '1')
  const attrs = [...first.attrs.filter(([n]) => n !== 'start'), ['start', String(start + skipped)] as const]
  return [{ ...first, attrs }, ...tokens.slice(1)]
}

interface Draft {
  kind: SlideKind
  heading: Token[] | null
  continues: string
  body: Token[]
  words: number
  items: number
  /** The body ends with a lead-in paragraph (« Nous proposons que : »): where it starts in `body`, its words. */
  leadIn: { readonly index: number; readonly words: number } | null
}

/** A paragraph that announces what follows (it ends with a colon). */
function isLeadIn(tokens: readonly Token[]): boolean {
  return /:\s*$/.test(visibleText(tokens))
}

export function splitSpan(blocks: readonly Block[], span: Span, limits: SplitLimits = DEFAULT_LIMITS, opts: { readonly titleSlide?: boolean } = {}): SlidePlan[] {
  // `titleSlide: false` splits a span that follows others in the same deck (a chapter's closing
  // sections after a part presented alone): its heading heads its first slide, as in the whole chapter.
  const titleSlide = opts.titleSlide ?? true
  const clipped = blocks.map((b) => clipBlock(b, span)).filter((b): b is Block => b !== null)
  // The footnotes are left out, unless they are what is presented (the « Notes » section itself).
  const inSpan = clipped[0]?.footnotes ? clipped : clipped.filter((b) => !b.footnotes)
  const slides: SlidePlan[] = []
  let current: Draft | null = null
  let topic = ''

  const flush = (): void => {
    if (current) slides.push({ kind: current.kind, heading: current.heading, continues: current.continues, body: current.body })
    current = null
  }
  const open = (kind: SlideKind, heading: Token[] | null = null): Draft => {
    flush()
    // Right after the title slide, the section starts: nothing to call a continuation.
    const afterTitle = slides.length === 1 && slides[0]!.kind === 'title'
    const d: Draft = { kind, heading, continues: heading || afterTitle ? '' : topic, body: [], words: 0, items: 0, leadIn: null }
    current = d
    return d
  }
  const currentText = (): Draft | null => {
    const c = current as Draft | null
    return c && c.kind === 'text' ? c : null
  }
  /** Tokens that belong with whatever comes before them (whitespace, a rule). */
  const appendToLast = (tokens: readonly Token[]): void => {
    const c = current as Draft | null
    if (c) c.body.push(...tokens)
    else {
      const last = slides.pop()!
      slides.push({ ...last, body: [...last.body, ...tokens] })
    }
  }
  /** Adds body tokens to the current text slide when they fit (or it is empty), else to a new slide. */
  const place = (tokens: readonly Token[], w: number): Draft => {
    const c = currentText()
    const target = c && (c.body.length === 0 || c.words + w <= limits.words) ? c : open('text')
    target.leadIn = isLeadIn(tokens) ? { index: target.body.length, words: w } : null
    target.body.push(...tokens)
    target.words += w
    return target
  }
  const placeList = (b: Block): void => {
    const items = listItems(b.tokens)
    let slide = currentText() ?? open('text')
    let from = b.start
    let skipped = 0
    let chunkWords = 0
    let chunkItems = 0
    const commit = (to: number): void => {
      slide.body.push(...renumber(clipTokens(b.tokens, from, to), skipped))
      slide.words += chunkWords
      slide.items += chunkItems
    }
    items.forEach((item, i) => {
      const fits = slide.words + chunkWords + item.words <= limits.words && slide.items + chunkItems + 1 <= limits.items
      // A slide holding nothing but the list's lead-in counts as empty: the first item joins it.
      const empty = (slide.body.length === 0 || slide.leadIn?.index === 0) && chunkItems === 0
      if (!fits && !empty && i === 0 && slide.leadIn) {
        // The lead-in leaves with the list's first items rather than stay alone at the bottom.
        const leadIn = slide.leadIn
        const moved = slide.body.splice(leadIn.index)
        slide.words -= leadIn.words
        slide.leadIn = null
        slide = open('text')
        slide.body.push(...moved)
        slide.words = leadIn.words
        slide.leadIn = { index: 0, words: leadIn.words }
        chunkWords = item.words
        chunkItems = 1
        return
      }
      if (!fits && !empty) {
        if (chunkItems > 0) {
          commit(item.at)
          from = item.at
          skipped = i
        }
        slide = open('text')
        chunkWords = 0
        chunkItems = 0
      }
      chunkWords += item.words
      chunkItems++
    })
    commit(b.end)
    slide.leadIn = null
  }

  inSpan.forEach((b, index) => {
    if (index === 0 && titleSlide) {
      if (b.kind === 'heading' && b.start === span.start) {
        const heading = headingContent(b.tokens)
        topic = visibleText(heading).trim()
        slides.push({ kind: 'title', heading, continues: '', body: [] })
        return
      }
      slides.push({ kind: 'title', heading: null, continues: '', body: [] })
    }
    if (b.kind === 'rule') {
      appendToLast(b.tokens)
      flush()
      return
    }
    const hasContent = visibleText(b.tokens).trim() !== '' || b.tokens.some((t) => t.k === 'void' && t.tag === 'img')
    if (!hasContent) return appendToLast(b.tokens)
    switch (b.kind) {
      case 'heading': {
        const heading = headingContent(b.tokens)
        topic = visibleText(heading).trim()
        open('text', heading)
        return
      }
      case 'paragraph': {
        const w = words(b.tokens)
        if (w <= limits.words) {
          place(b.tokens, w)
          return
        }
        let from = b.start
        for (const cut of [...paragraphCuts(b.tokens, limits.words), b.end]) {
          const piece = clipTokens(b.tokens, from, cut)
          place(piece, words(piece))
          from = cut
        }
        return
      }
      case 'list':
        return placeList(b)
      case 'table':
      case 'image':
      case 'quote':
      case 'code': {
        // A heading with nothing under it yet keeps the element company; otherwise a slide of its own.
        const c = currentText()
        const slide = c && c.heading && c.body.length === 0 ? c : open(b.kind)
        slide.kind = b.kind
        slide.body.push(...b.tokens)
        flush()
        return
      }
      case 'other':
        place(b.tokens, words(b.tokens)).leadIn = null
        return
    }
  })
  flush()
  if (slides.length === 0) slides.push({ kind: 'title', heading: null, continues: '', body: [] })
  return slides
}
