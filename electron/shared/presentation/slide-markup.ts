/**
 * The inside of a slide (`section.slide`), as HTML: one function for the app's windows (which
 * insert it through the sanitiser, the renderer's only HTML sink) and for the exported deck, so
 * both show the same structure that `SLIDE_CSS` styles and the layout test measures.
 * Document pieces (heading, body) arrive sanitised; every other string is escaped here.
 */
import { escapeHtml } from '../markdown/escape-html'
import type { LibraryKind } from '../content/front-matter'
import type { Slide } from './deck'

export interface SlideLabels {
  readonly kinds: Readonly<Record<LibraryKind, string>>
  readonly chapter: (n: number) => string
  /** Kicker of a workshop deck's opening slide. */
  readonly workshop: string
  /** « Diapositive 3 sur 12 »: the counter's accessible text. */
  readonly position: (n: number, count: number) => string
  /** « … et 5 autres parties »: the end of a shortened agenda. */
  readonly more: (n: number) => string
}

/** Parts listed on a deck's opening slide before the rest is summed up. */
export const AGENDA_MAX = 7

export const FRENCH_SLIDE_LABELS: SlideLabels = {
  kinds: { cahier: 'Cahier d’espérance', article: 'Article', cas: 'Étude de cas', glossaire: 'Glossaire', mien: 'Mes documents' },
  chapter: (n) => `Chapitre ${n}`,
  workshop: 'Atelier',
  position: (n, count) => `Diapositive ${n} sur ${count}`,
  more: (n) => (n === 1 ? '… et une autre partie' : `… et ${n} autres parties`),
}

const LICENCES: Readonly<Record<string, string>> = { 'CC-BY-SA-4.0': 'CC BY-SA 4.0' }

/** A text slide that is only a heading (a sub-section opening on its sub-sub-sections). */
export function isDivider(slide: Slide): boolean {
  return slide.kind === 'text' && slide.headingHtml !== '' && slide.bodyHtml.replace(/<[^>]*>/g, '').trim() === ''
}

function kicker(slide: Slide, labels: SlideLabels): string {
  const s = slide.source
  if (!s) return labels.workshop
  const kind = labels.kinds[s.kind]
  return s.kind === 'cahier' && s.order ? `${labels.chapter(s.order)} · ${kind}` : kind
}

export function slideInnerHtml(slide: Slide, index: number, count: number, labels: SlideLabels): string {
  const p = (cls: string, text: string): string => (text ? `<p class="${cls}">${escapeHtml(text)}</p>` : '')
  let inner: string
  if (slide.kind === 'deck') {
    // A long running order is shortened: the opening slide announces, it does not list everything.
    const shown = slide.agenda.length > AGENDA_MAX ? slide.agenda.slice(0, AGENDA_MAX - 1) : slide.agenda
    const more = slide.agenda.length - shown.length
    const agenda = shown.map((a) => `<li>${escapeHtml(a)}</li>`).join('') + (more > 0 ? `<li class="slide-agenda-more">${escapeHtml(labels.more(more))}</li>` : '')
    inner = `${p('slide-kicker', labels.workshop)}<h1 class="slide-title">${escapeHtml(slide.deckTitle)}</h1>${agenda ? `<ol class="slide-agenda">${agenda}</ol>` : ''}`
  } else if (slide.kind === 'title') {
    const s = slide.source
    const title = slide.headingHtml || escapeHtml(s?.docTitle ?? '')
    const credit = s ? [s.authors.join(', '), LICENCES[s.licence] ?? s.licence].filter(Boolean).join(' · ') : ''
    inner =
      p('slide-kicker', kicker(slide, labels)) +
      `<h1 class="slide-title">${title}</h1>` +
      (slide.headingHtml ? p('slide-subtitle', s?.docTitle ?? '') : '') +
      p('slide-source', credit) +
      (slide.bodyHtml.trim() ? `<div class="slide-body">${slide.bodyHtml}</div>` : '')
  } else if (slide.kind === 'point' || slide.kind === 'question' || slide.kind === 'outline' || (slide.kind === 'quote' && slide.label)) {
    // A discussion slide: its kicker (« À retenir · 2/4 », « Citation »), then one idea, large.
    inner = p('slide-kicker', slide.label ?? '') + `<div class="slide-body slide-idea">${slide.bodyHtml}</div>`
  } else {
    inner =
      (slide.headingHtml ? '' : p('slide-continues', slide.continues)) +
      (slide.headingHtml ? `<h2 class="slide-heading">${slide.headingHtml}</h2>` : '') +
      `<div class="slide-body">${slide.bodyHtml}</div>`
  }
  const where = slide.source ? [slide.source.docTitle, slide.source.sectionTitle].filter(Boolean).join(' — ') : slide.deckTitle
  return (
    `<div class="slide-inner">${inner}</div>` +
    `<footer class="slide-footer"><span>${escapeHtml(where)}</span><span aria-label="${escapeHtml(labels.position(index + 1, count))}">${index + 1} / ${count}</span></footer>`
  )
}
