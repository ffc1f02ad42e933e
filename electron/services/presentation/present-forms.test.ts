/**
 * The two forms of a presented chapter (#16 C5), on every shipped cahier chapter and on small
 * fixtures, through the real pipeline (content library → jsdom blocks → planners → slide HTML):
 *
 * - « Diaporama de discussion »: title, the chapter's « À retenir » one point a slide, the
 *   facilitator's Argument and Citation highlights, the « Questions pour l’atelier » one question a
 *   slide; about 30 words a slide at most; the full text (no footnotes) in every slide's notes.
 * - « Texte intégral »: no footnotes, no « (suite) » on the first slide, no slide ending on a lead-in
 *   whose list starts the next slide.
 */
import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { JSDOM } from 'jsdom'
import { createContentLibrary } from '../content/content-library'
import { memoryLogger } from '../platform/log'
import { doc, writePack } from '../testing/temp-pack'
import { countWords } from '../../shared/content/document'
import type { RenderedDocument } from '../../shared/content/document'
import { AnnotationSchema, DEFAULT_COLOR_LABELS, QUOTE_CONTEXT } from '../../shared/annotations/model'
import type { Annotation, ColorId } from '../../shared/annotations/model'
import { DISCUSSION_WORDS, KEY_POINTS_TITLE, QUESTIONS_TITLE } from '../../shared/presentation/discussion'
import { createDeckBuilder } from './deck-builder'

const SHIPPED = resolve(join(__dirname, '..', '..', '..', 'content'))
const window = new JSDOM('').window

function plain(html: string): string {
  const box = window.document.createElement('div')
  box.innerHTML = html
  return box.textContent ?? ''
}

/** The items of the list under a section titled `title`, as the reader's DOM has them. */
function itemsUnder(d: RenderedDocument, title: string): string[] {
  const box = window.document.createElement('div')
  box.innerHTML = d.html
  const h = Array.from(box.querySelectorAll('h2')).find((x) => x.textContent?.trim() === title)
  let el = h?.nextElementSibling ?? null
  while (el && el.tagName !== 'UL' && el.tagName !== 'OL') el = el.nextElementSibling
  return el ? Array.from(el.children).map((li) => (li.textContent ?? '').trim()) : []
}

/** The footnotes' own text (what must never be projected). */
function footnoteTexts(d: RenderedDocument): string[] {
  const box = window.document.createElement('div')
  box.innerHTML = d.html
  // Whole notes (a note's title alone may be quoted in the text too).
  // (Chapter 9 lists its sources in its text as well: only notes found once, in the footnotes, count.)
  return Array.from(box.querySelectorAll('section[data-footnotes] li'))
    .map((li) => (li.textContent ?? '').replace('↩', '').trim())
    .filter((t) => d.text.indexOf(t) === d.text.lastIndexOf(t))
}

let uuid = 0
function annotation(d: RenderedDocument, quote: string, color: ColorId, note = ''): Annotation {
  const start = d.text.indexOf(quote)
  expect(start, `« ${quote} » is in ${d.summary.id}`).toBeGreaterThanOrEqual(0)
  const end = start + quote.length
  return AnnotationSchema.parse({
    id: `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`,
    type: 'Annotation',
    created: '2026-11-28T10:00:00Z',
    modified: '2026-11-28T10:00:00Z',
    body: { note, tags: [], color },
    target: {
      source: d.summary.id,
      docVersion: d.summary.hash,
      selector: [
        { type: 'TextQuoteSelector', exact: quote, prefix: d.text.slice(Math.max(0, start - QUOTE_CONTEXT), start), suffix: d.text.slice(end, end + QUOTE_CONTEXT) },
        { type: 'TextPositionSelector', start, end },
      ],
    },
    document: d.summary.id,
  })
}

describe('the two forms of every shipped cahier chapter', async () => {
  const library = await createContentLibrary({ contentDir: SHIPPED, log: memoryLogger() })
  const chapters = library.list().filter((d) => d.kind === 'cahier').map((d) => library.get(d.id))
  const builder = createDeckBuilder({ library, annotationsFor: async () => [] })

  it('the pack has its chapters', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(8)
    // The footnote checks below are not vacuous: most chapters have notes found only there.
    expect(chapters.filter((c) => footnoteTexts(c).length > 0).length).toBeGreaterThanOrEqual(6)
  })

  for (const d of chapters) {
    it(`${d.summary.id}: discussion = title, its points, its questions, ≤ ${DISCUSSION_WORDS} words a slide, the full text in the notes`, async () => {
      const deck = await builder.build([{ docId: d.summary.id, sectionId: null }], null, { form: 'discussion' })
      const points = itemsUnder(d, KEY_POINTS_TITLE)
      const questions = itemsUnder(d, QUESTIONS_TITLE)
      expect(points.length).toBeGreaterThanOrEqual(3)
      expect(questions.length).toBeGreaterThanOrEqual(3)
      expect(deck.slides.map((s) => s.kind)).toEqual(['title', ...points.map(() => 'point'), ...questions.map(() => 'question')])
      // Each point and question shown whole, as the chapter words it, one a slide, numbered.
      const shown = deck.slides.slice(1).map((s) => plain(s.bodyHtml).trim())
      expect(shown).toEqual([...points, ...questions])
      expect(deck.slides[1]!.label).toBe(`${KEY_POINTS_TITLE} · 1/${points.length}`)
      expect(deck.slides.at(-1)!.label).toBe(`${QUESTIONS_TITLE} · ${questions.length}/${questions.length}`)
      for (const s of deck.slides) expect(countWords(s.text), `${d.summary.id}: « ${s.text} »`).toBeLessThanOrEqual(DISCUSSION_WORDS)
      // The title slide is the chapter's (the document's title, not its first heading).
      expect(deck.slides[0]!.headingHtml).toBe('')
      // The full text in every slide's notes: the chapter's text, its footnotes left out.
      const full = await builder.build([{ docId: d.summary.id, sectionId: null }], null, { form: 'full' })
      for (const notes of deck.notes) {
        const text = notes.find((n) => n.color === null)
        expect(text?.label).toBe('Texte intégral')
        expect(plain(text!.html).replace(/\s+/g, ' ')).toBe(full.slides.map((s) => s.text).join('').replace(/\s+/g, ' '))
      }
      for (const note of footnoteTexts(d)) expect(deck.notes[0]!.map((n) => n.html).join(''), 'no footnote in the notes').not.toContain(note)
    })

    it(`${d.summary.id}: full text = no footnotes, no « (suite) » first, no lead-in left alone`, async () => {
      const deck = await builder.build([{ docId: d.summary.id, sectionId: null }], null, { form: 'full' })
      const all = deck.slides.map((s) => s.text).join('')
      for (const note of footnoteTexts(d)) expect(all).not.toContain(note)
      expect(deck.slides[1]!.continues).toBe('')
      deck.slides.forEach((s, i) => {
        const next = deck.slides[i + 1]
        if (next && /^<[uo]l/.test(next.bodyHtml)) expect(s.text.trim(), `${d.summary.id} slide ${i + 1} ends on a lead-in`).not.toMatch(/:$/)
      })
      // Every section presented alone starts without « (suite) » too, and ends on the chapter's
      // closing sections, shown once (a closing section presented alone is not repeated).
      const points = itemsUnder(d, KEY_POINTS_TITLE)
      const questions = itemsUnder(d, QUESTIONS_TITLE)
      for (const section of d.sections.filter((x) => x.level === 2 && x.id !== 'footnote-label')) {
        const part = await builder.build([{ docId: d.summary.id, sectionId: section.id }], null, { form: 'full' })
        if (part.slides[1]) expect(part.slides[1].continues, `${section.id}`).toBe('')
        const tail = part.slides.map((s) => s.text).join(' ').replace(/\s+/g, ' ')
        const last = questions.at(-1)!.replace(/\s+/g, ' ')
        expect(tail.trimEnd().endsWith(last), `${section.id} ends on the last question`).toBe(true)
        // The closing sections that come after the part, once each (« Questions » alone does not go back to « À retenir »).
        const expected = section.title === QUESTIONS_TITLE ? questions : [...points, ...questions]
        for (const item of expected) {
          expect(tail.split(item.replace(/\s+/g, ' ')).length - 1, `${section.id}: « ${item} » shown once`).toBe(1)
        }
        if (section.title !== KEY_POINTS_TITLE && section.title !== QUESTIONS_TITLE) {
          const headings = part.slides.map((s) => plain(s.headingHtml).trim())
          expect(headings, `${section.id} closes with « ${KEY_POINTS_TITLE} »`).toContain(KEY_POINTS_TITLE)
          expect(headings, `${section.id} closes with « ${QUESTIONS_TITLE} »`).toContain(QUESTIONS_TITLE)
        }
      }
    })
  }

  it('a chapter section in discussion: its title, then the chapter’s points, the facilitator’s highlights, the questions', async () => {
    const d = chapters.find((c) => c.summary.id === 'cahier-07-renforcer-les-passerelles') ?? chapters[0]!
    const section = d.sections.find((s) => s.level === 2 && s.title !== KEY_POINTS_TITLE)!
    const sectionText = d.text.slice(section.start, section.end)
    // An Argument and a Citation in the section (each a sentence of it), and a Question (not shown).
    const sentences = sectionText.split(/(?<=[.!?])\s+/).filter((x) => countWords(x) >= 5 && !x.includes('\n'))
    expect(sentences.length).toBeGreaterThanOrEqual(3)
    const annotations = [
      annotation(d, sentences[0]!, 'yellow', 'Mon argument'),
      annotation(d, sentences[1]!, 'purple'),
      annotation(d, sentences[2]!, 'blue', 'Une question à moi'),
    ]
    const withNotes = createDeckBuilder({ library, annotationsFor: async () => annotations })
    const deck = await withNotes.build([{ docId: d.summary.id, sectionId: section.id }], null, { form: 'discussion' })
    const kinds = deck.slides.map((s) => s.kind)
    const points = itemsUnder(d, KEY_POINTS_TITLE).length
    expect(kinds).toEqual(['title', ...Array<string>(points).fill('point'), 'point', 'quote', ...itemsUnder(d, QUESTIONS_TITLE).map(() => 'question')])
    expect(plain(deck.slides[0]!.headingHtml).trim()).toBe(section.title)
    const argument = deck.slides[1 + points]!
    const citation = deck.slides[2 + points]!
    expect(argument.label).toBe('Argument')
    expect(citation.label).toBe('Citation')
    expect(citation.bodyHtml).toMatch(/^<blockquote>/)
    for (const [slide, quote] of [[argument, sentences[0]!], [citation, sentences[1]!]] as const) {
      const words = countWords(quote)
      if (words <= DISCUSSION_WORDS) expect(plain(slide.bodyHtml).trim()).toBe(quote.trim())
      else expect(plain(slide.bodyHtml).trim()).toMatch(/\[…\]$/)
      expect(countWords(slide.text)).toBeLessThanOrEqual(DISCUSSION_WORDS + 1)
    }
    // The Argument's note goes with its slide, before the full text; a Question is not shown, nor its note.
    expect(deck.notes[1 + points]!.map((n) => n.label)).toEqual(['Argument', 'Texte intégral'])
    expect(deck.notes.flat().some((n) => n.html.includes('Une question à moi'))).toBe(false)

    // The user's own names for the colours go on the slides and in the notes (#16 polish).
    const renamed = createDeckBuilder({ library, annotationsFor: async () => annotations, labels: async () => ({ ...DEFAULT_COLOR_LABELS, yellow: 'Mon idée', purple: ' ' }) })
    const mine = await renamed.build([{ docId: d.summary.id, sectionId: section.id }], null, { form: 'discussion' })
    expect(mine.slides[1 + points]!.label).toBe('Mon idée')
    expect(mine.slides[2 + points]!.label).toBe('Citation') // a blank name falls back to the colour's default
    expect(mine.notes[1 + points]!.map((n) => n.label)).toEqual(['Mon idée', 'Texte intégral'])
    const full = await renamed.build([{ docId: d.summary.id, sectionId: section.id }], null, { form: 'full' })
    expect(full.notes.flat().find((n) => n.html.includes('Mon argument'))?.label).toBe('Mon idée')
  })
})

describe('the discussion form on small documents', () => {
  async function build(body: string, annotate: (d: RenderedDocument) => Annotation[], sectionId: string | null) {
    const dir = await writePack({ 'articles/t.md': doc({ id: 'article-t', title: 'Le document' }, body) })
    const library = await createContentLibrary({ contentDir: dir, log: memoryLogger() })
    expect(library.problems()).toEqual([])
    const d = library.get('article-t')
    const builder = createDeckBuilder({ library, annotationsFor: async () => annotate(d) })
    return builder.build([{ docId: 'article-t', sectionId }], null, { form: 'discussion' })
  }
  const longSentence = (n: number, seed: string): string => `${Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ')}.`

  it('a highlight longer than the budget is cut at a sentence end, marked « […] », whole in the notes', async () => {
    const first = `Premier ${longSentence(18, 'a')}`
    const second = `Second ${longSentence(25, 'b')}`
    const body = `## Partie\n\n${first} ${second}\n`
    const deck = await build(body, (d) => [annotation(d, `${first} ${second}`, 'yellow')], 'partie')
    expect(deck.slides.map((s) => s.kind)).toEqual(['title', 'point'])
    expect(plain(deck.slides[1]!.bodyHtml)).toBe(`${first} […]`)
    expect(countWords(deck.slides[1]!.text)).toBeLessThanOrEqual(DISCUSSION_WORDS + 1)
    expect(plain(deck.notes[1]!.at(-1)!.html)).toContain(second)
  })

  it('one sentence longer than the budget is cut after the 30th word', async () => {
    const one = `Seule ${longSentence(45, 'c')}`
    const deck = await build(`## P\n\n${one}\n`, (d) => [annotation(d, one, 'purple')], 'p')
    const shown = plain(deck.slides[1]!.bodyHtml).trim()
    expect(shown.endsWith('[…]')).toBe(true)
    expect(countWords(shown.replace('[…]', ''))).toBe(DISCUSSION_WORDS)
  })

  it('without « À retenir », the sub-headings make an outline; other colours are not slides', async () => {
    const body = `## Partie\n\nIntro.\n\n### Premier point\n\nTexte.\n\n### Second point\n\nAutre texte.\n`
    const deck = await build(body, (d) => [annotation(d, 'Autre texte.', 'green')], 'partie')
    expect(deck.slides.map((s) => s.kind)).toEqual(['title', 'outline'])
    expect(plain(deck.slides[1]!.bodyHtml)).toBe('Premier pointSecond point')
    expect(deck.slides[1]!.label).toBe('Plan')
  })
})
