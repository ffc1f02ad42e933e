/**
 * Builds what is presented: deck items (sections or whole documents) → slides and speaker notes.
 * Blocks come from the jsdom adapter (cached per document version), slides from the pure splitter
 * (« Texte intégral ») or the pure discussion planner (« Diaporama de discussion »), highlights and
 * notes from the annotations the injected `annotationsFor` returns.
 *
 * In the discussion form every slide's notes end with the full text of its part (footnotes and
 * their markers left out, the facilitator's highlights marked): the room sees the idea, the
 * facilitator has the text. A document's « À retenir » and « Questions pour l’atelier » are shown
 * once per deck, with the last part taken from that document — in both forms.
 */
import type { RenderedDocument } from '../../shared/content/document'
import { DEFAULT_COLOR_LABELS } from '../../shared/annotations/model'
import type { Annotation, ColorLabels } from '../../shared/annotations/model'
import { AppFailure } from '../../shared/result'
import { DEFAULT_LIMITS, planSpan, planText, splitSpan } from '../../shared/presentation/splitter'
import type { SlidePlan, SplitLimits } from '../../shared/presentation/splitter'
import { presentableSpan } from '../../shared/presentation/spans'
import type { Span } from '../../shared/presentation/spans'
import { renderTokens } from '../../shared/presentation/tokens'
import type { Block, Highlight } from '../../shared/presentation/tokens'
import { annotationSpan, shortQuote, slideForOffset } from '../../shared/presentation/annotations'
import { closingSpans, discussionPlans, discussionText } from '../../shared/presentation/discussion'
import type { DiscussionPlan } from '../../shared/presentation/discussion'
import type { DeckItem, PresentForm, Slide, SlideNote, SlideSource } from '../../shared/presentation/deck'
import type { LibraryReader } from '../content/library-reader'
import { documentBlocks } from './dom-blocks'
import { noteHtml } from './note-html'

/** The annotation store's port: every annotation of a document. */
/** The label of the notes entry that holds the full text (discussion form). */
const FULL_TEXT_LABEL = 'Texte intégral'

export type AnnotationsFor = (docId: string) => Promise<readonly Annotation[]>

export interface BuiltDeck {
  readonly title: string
  readonly slides: readonly Slide[]
  readonly notes: readonly (readonly SlideNote[])[]
}

export interface DeckBuilder {
  /** Slides and notes for the items, in order; a named deck opens with a slide of its name and parts. */
  build(items: readonly DeckItem[], deckName: string | null, opts?: { readonly annotations?: boolean; readonly form?: PresentForm }): Promise<BuiltDeck>
  /** Blocks of a document (cached by content hash). */
  blocks(doc: RenderedDocument): readonly Block[]
  /** The title a deck item is known by (section title, or the document's title). */
  itemTitle(item: DeckItem): string
}

export function createDeckBuilder(deps: {
  library: LibraryReader
  annotationsFor: AnnotationsFor
  /** The user's names for the colours (« Argument », or what they renamed it); the defaults without it. */
  labels?: () => Promise<ColorLabels>
  limits?: SplitLimits
}): DeckBuilder {
  const cache = new Map<string, readonly Block[]>()
  const limits = deps.limits ?? DEFAULT_LIMITS

  const blocks = (doc: RenderedDocument): readonly Block[] => {
    let b = cache.get(doc.summary.hash)
    if (!b) {
      b = documentBlocks(doc)
      cache.set(doc.summary.hash, b)
    }
    return b
  }

  const resolve = (item: DeckItem): { doc: RenderedDocument; span: Span; sectionTitle: string } => {
    const doc = deps.library.get(item.docId)
    if (item.sectionId === null) return { doc, span: { start: 0, end: doc.text.length }, sectionTitle: '' }
    const span = presentableSpan(doc.sections, item.sectionId)
    if (!span) throw new AppFailure('not-found', `The document "${item.docId}" has no section "${item.sectionId}".`)
    return { doc, span, sectionTitle: doc.sections.find((s) => s.id === item.sectionId)!.title }
  }

  const toSlide = (plan: SlidePlan, source: SlideSource, highlights: readonly Highlight[]): Slide => ({
    kind: plan.kind,
    source,
    headingHtml: renderTokens(plan.heading ?? [], highlights),
    bodyHtml: renderTokens(plan.body, highlights),
    text: planText(plan),
    continues: plan.continues,
    deckTitle: '',
    agenda: [],
    span: planSpan(plan),
  })

  const toDiscussionSlide = (plan: DiscussionPlan, source: SlideSource, highlights: readonly Highlight[]): Slide => ({
    kind: plan.kind,
    source,
    headingHtml: renderTokens(plan.heading ?? [], highlights),
    bodyHtml: renderTokens(plan.body, highlights),
    text: discussionText(plan),
    continues: '',
    label: plan.label,
    deckTitle: '',
    agenda: [],
    span: plan.span,
  })

  /** The full text of a span as the presenter reads it: the text form's slides, one after the other. */
  const fullTextNote = (doc: RenderedDocument, span: Span, highlights: readonly Highlight[]): SlideNote => ({
    id: `text:${doc.summary.id}:${span.start}`,
    color: null,
    label: FULL_TEXT_LABEL,
    quote: '',
    html: splitSpan(blocks(doc), span, limits).map((p) => renderTokens([...(p.heading ? [{ k: 'open', tag: 'h3', attrs: [] } as const, ...p.heading, { k: 'close', tag: 'h3' } as const] : []), ...p.body], highlights)).join(''),
  })

  return {
    blocks,
    itemTitle(item) {
      const { doc, sectionTitle } = resolve(item)
      return sectionTitle || doc.summary.title
    },
    async build(items, deckName, opts = {}) {
      const withAnnotations = opts.annotations ?? true
      const stored = deps.labels ? await deps.labels() : DEFAULT_COLOR_LABELS
      const label = (c: Annotation['body']['color']): string => stored[c].trim() || DEFAULT_COLOR_LABELS[c]
      const form = opts.form ?? 'full'
      const slides: Slide[] = []
      const notes: SlideNote[][] = []
      const parts = items.map((item) => ({ item, ...resolve(item) }))
      if (deckName !== null) {
        slides.push({
          kind: 'deck', source: null, headingHtml: '', bodyHtml: '', text: '', continues: '',
          deckTitle: deckName, agenda: parts.map((p) => p.sectionTitle || p.doc.summary.title), span: null,
        })
        notes.push([])
      }
      for (const [partIndex, { doc, span, sectionTitle }] of parts.entries()) {
        const annotations = withAnnotations ? await deps.annotationsFor(doc.summary.id) : []
        const placed = annotations
          .filter((a) => a.document === doc.summary.id)
          .map((a) => ({ a, at: annotationSpan(a, { text: doc.text, hash: doc.summary.hash }) }))
          .sort((x, y) => (x.at?.start ?? -1) - (y.at?.start ?? -1))
        const highlights: Highlight[] = placed.flatMap(({ a, at }) => (at ? [{ start: at.start, end: at.end, color: a.body.color }] : []))
        const source: SlideSource = {
          docId: doc.summary.id,
          docTitle: doc.summary.title,
          kind: doc.meta.kind,
          order: doc.meta.order ?? null,
          authors: doc.meta.authors,
          licence: doc.meta.licence,
          sectionTitle,
          sectionId: parts[partIndex]!.item.sectionId,
        }
        let own: Slide[]
        const lastOfDoc = !parts.slice(partIndex + 1).some((p) => p.doc.summary.id === doc.summary.id)
        if (form === 'discussion') {
          const plans = discussionPlans({
            blocks: blocks(doc), sections: doc.sections, span, closing: lastOfDoc, whole: parts[partIndex]!.item.sectionId === null,
            highlights: placed.flatMap(({ a, at }) => (at ? [{ start: at.start, end: at.end, color: a.body.color, label: label(a.body.color) }] : [])),
          })
          own = plans.map((p) => toDiscussionSlide(p, source, highlights))
        } else {
          // A part presented alone still ends on its chapter's « À retenir » and « Questions pour
          // l’atelier » that come after it (once per deck, after the document's last part).
          const closing = lastOfDoc ? closingSpans(doc.sections).filter((c) => c.start >= span.end) : []
          own = [span, ...closing].flatMap((s, i) => splitSpan(blocks(doc), s, limits, { titleSlide: i === 0 }).map((p) => toSlide(p, source, highlights)))
        }
        slides.push(...own)
        const slideNotes: SlideNote[][] = own.map(() => [])
        for (const { a, at } of placed) {
          if (a.body.note.trim() === '') continue
          // A note on a passage goes to the slide showing it; a note on the whole document, to the title slide.
          // Labels are the user's names for the colours (the defaults where none is set).
          const i = at ? slideForOffset(own.map((s) => s.span), at.start) : span.start === 0 ? 0 : -1
          if (i < 0) continue
          slideNotes[i]!.push({ id: a.id, color: a.body.color, label: label(a.body.color), quote: at ? shortQuote(doc.text.slice(at.start, at.end)) : '', html: noteHtml(a.body.note) })
        }
        if (form === 'discussion') {
          const text = fullTextNote(doc, span, highlights)
          for (const n of slideNotes) n.push(text)
        }
        notes.push(...slideNotes)
      }
      const title = deckName ?? (parts.length === 1 ? parts[0]!.sectionTitle || parts[0]!.doc.summary.title : '')
      return { title, slides, notes }
    },
  }
}
