/**
 * The splitter on a table of sections, through the real pipeline (Markdown → marked → DOMPurify in
 * jsdom → blocks → pure splitter → slide HTML): headings, grouped and long paragraphs, lists,
 * tables, images, quotations, footnotes.
 */
import { describe, expect, it } from 'vitest'
import { createContentLibrary } from '../content/content-library'
import { memoryLogger } from '../platform/log'
import { doc, writePack } from '../testing/temp-pack'
import { countWords } from '../../shared/content/document'
import type { Slide } from '../../shared/presentation/deck'
import { createDeckBuilder } from './deck-builder'

/** Words of prose: `w(n, 'x')` is n distinct words. */
function words(n: number, seed: string): string {
  return Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ')
}

/** A sentence of n words, ending with a period. */
function sentence(n: number, seed: string): string {
  const w = words(n, seed)
  return `${w[0]!.toUpperCase()}${w.slice(1)}.`
}

async function slidesOf(body: string, sectionId: string | null): Promise<Slide[]> {
  const dir = await writePack({
    'articles/t.md': doc({ id: 'article-t', title: 'Le document' }, body),
    'images/schema.png': 'not really a png',
  })
  const library = await createContentLibrary({ contentDir: dir, log: memoryLogger() })
  expect(library.problems()).toEqual([])
  const builder = createDeckBuilder({ library, annotationsFor: async () => [] })
  return [...(await builder.build([{ docId: 'article-t', sectionId }], null)).slides]
}

const bodyWords = (s: Slide): number => countWords(s.bodyHtml.replace(/<[^>]*>/g, ' '))

describe('the splitter, case by case', () => {
  it('a title slide, then one slide per sub-heading', async () => {
    const md = `## Partie\n\nIntro courte.\n\n### Premier\n\nTexte un.\n\n### Second\n\nTexte deux.\n\n## Autre partie\n\nHors champ.\n`
    const slides = await slidesOf(md, 'partie')
    expect(slides.map((s) => [s.kind, s.headingHtml.trim(), s.continues])).toEqual([
      ['title', 'Partie', ''],
      // The first slide after the title is where the section starts, not a « (suite) ».
      ['text', '', ''],
      ['text', 'Premier', ''],
      ['text', 'Second', ''],
    ])
    expect(slides[1]!.bodyHtml).toContain('Intro courte.')
    expect(slides.map((s) => s.text).join('')).not.toContain('Hors champ')
    expect(slides[0]!.source).toMatchObject({ docTitle: 'Le document', sectionTitle: 'Partie', kind: 'article' })
  })

  it('short paragraphs are grouped up to about 60 words', async () => {
    const md = `## S\n\n${words(15, 'a')}\n\n${words(15, 'b')}\n\n${words(15, 'c')}\n\n${words(20, 'd')}\n\n${words(20, 'e')}\n`
    const slides = await slidesOf(md, 's')
    expect(slides.map((s) => s.kind)).toEqual(['title', 'text', 'text'])
    expect(slides.slice(1).map(bodyWords)).toEqual([45, 40])
  })

  it('a long paragraph is split at sentence boundaries, each piece within the limit', async () => {
    // 9 sentences of 16 words: at most 3 fit under 60 words, so three slides of 48 words.
    const para = Array.from({ length: 9 }, (_, i) => sentence(16, `s${i}x`)).join(' ')
    const slides = await slidesOf(`## Long\n\n${para}\n`, 'long')
    const body = slides.slice(1)
    expect(body.length).toBe(3)
    for (const s of body) {
      expect(bodyWords(s)).toBeLessThanOrEqual(60)
      expect(s.text.trim()).toMatch(/\.$/)
    }
    expect(body.map((s) => s.continues)).toEqual(['', 'Long', 'Long'])
    expect(body.map((s) => s.text).join('')).toBe(`${para}\n`)
  })

  it('a single sentence longer than the limit stays whole', async () => {
    const long = sentence(75, 'z')
    const slides = await slidesOf(`## Phrase\n\n${long}\n`, 'phrase')
    expect(slides.length).toBe(2)
    expect(slides[1]!.text).toBe(`${long}\n`)
  })

  it('a long list goes six items per slide; an ordered list keeps its numbering', async () => {
    const items = Array.from({ length: 14 }, (_, i) => `${i + 1}. Point ${i + 1}`).join('\n')
    const slides = await slidesOf(`## Liste\n\n${items}\n`, 'liste')
    const body = slides.slice(1)
    expect(body.map((s) => (s.bodyHtml.match(/<li>/g) ?? []).length)).toEqual([6, 6, 2])
    expect(body[0]!.bodyHtml.startsWith('<ol>')).toBe(true)
    expect(body[1]!.bodyHtml).toContain('<ol start="7">')
    expect(body[2]!.bodyHtml).toContain('<ol start="13">')
  })

  it('a paragraph and a short list share a slide when they fit together', async () => {
    const slides = await slidesOf(`## Mixte\n\nTrois actions :\n\n- une\n- deux\n- trois\n`, 'mixte')
    expect(slides.length).toBe(2)
    expect(slides[1]!.bodyHtml).toMatch(/<p>Trois actions :<\/p>\s*<ul>/)
  })

  it('a table gets a slide of its own; the text around it does not', async () => {
    const md = `## Chiffres\n\nAvant le tableau.\n\n| Année | Part |\n| --- | --- |\n| 2008 | 10 % |\n| 2022 | 15 % |\n\nAprès le tableau.\n`
    const slides = await slidesOf(md, 'chiffres')
    expect(slides.map((s) => s.kind)).toEqual(['title', 'text', 'table', 'text'])
    expect(slides[2]!.bodyHtml).toMatch(/^<table>/)
    expect(slides[2]!.continues).toBe('Chiffres')
    expect(slides[3]!.text).toContain('Après le tableau.')
  })

  it('a heading directly followed by a table keeps it on its slide', async () => {
    const slides = await slidesOf(`## A\n\nTexte.\n\n### Tableau\n\n| x | y |\n| - | - |\n| 1 | 2 |\n`, 'a')
    expect(slides.map((s) => [s.kind, s.headingHtml.trim()])).toEqual([
      ['title', 'A'],
      ['text', ''],
      ['table', 'Tableau'],
    ])
  })

  it('an image gets a slide of its own', async () => {
    const slides = await slidesOf(`## Image\n\nAvant.\n\n![Un schéma](../images/schema.png)\n\nAprès.\n`, 'image')
    expect(slides.map((s) => s.kind)).toEqual(['title', 'text', 'image', 'text'])
    expect(slides[2]!.bodyHtml).toContain('<img src="/content/images/schema.png" alt="Un schéma">')
  })

  it('a quotation gets a slide of its own', async () => {
    const slides = await slidesOf(`## Citation\n\nAvant.\n\n> Le libre est un commun.\n\nAprès.\n`, 'citation')
    expect(slides.map((s) => s.kind)).toEqual(['title', 'text', 'quote', 'text'])
    expect(slides[2]!.bodyHtml).toMatch(/^<blockquote>/)
  })

  it('footnote markers are removed from the slides, the notes section keeps its text without back-references', async () => {
    const md = `## Note\n\nUn fait établi[^1]. Un autre[^2].\n\n[^1]: Première source.\n[^2]: Seconde source.\n`
    const note = await slidesOf(md, 'note')
    expect(note[1]!.text).toMatch(/^Un fait établi\. Un autre\.\s+$/)
    expect(note[1]!.bodyHtml).not.toMatch(/<sup|footnote/)
    const notes = await slidesOf(md, 'footnote-label')
    const text = notes.map((s) => s.text).join('')
    expect(text).toContain('Première source.')
    expect(text).toContain('Seconde source.')
    expect(text).not.toContain('↩')
  })

  it('a lead-in stays with its list: when the list does not fit after it, it moves to the list\'s slide', async () => {
    // 50 words of prose and the 3-word lead-in fill 53 of 60 words: the first item (8 words) does not
    // fit after them, so the list starts a slide — and the lead-in goes with it.
    const md = `## Propositions\n\n${sentence(50, 'p')}\n\nNous proposons que :\n\n${Array.from({ length: 4 }, (_, i) => `- ${sentence(8, `i${i}x`)}`).join('\n')}\n`
    const slides = await slidesOf(md, 'propositions')
    const body = slides.slice(1)
    expect(body.length).toBe(2)
    expect(body[0]!.text).not.toContain('Nous proposons que')
    expect(body[1]!.bodyHtml).toMatch(/^<p>Nous proposons que :<\/p>\s*<ul>\s*<li>I0x0/)
    expect(body.map((s) => s.text).join('')).toContain('Nous proposons que :')
  })

  it('a lead-in that fits with its first items stays where it is, and a long list then continues', async () => {
    const items = Array.from({ length: 9 }, (_, i) => `- ${sentence(6, `j${i}x`)}`).join('\n')
    const slides = await slidesOf(`## Actions\n\nVoici les actions :\n\n${items}\n`, 'actions')
    const body = slides.slice(1)
    expect(body[0]!.bodyHtml).toMatch(/^<p>Voici les actions :<\/p>\s*<ul>/)
    expect(body.map((s) => (s.bodyHtml.match(/<li>/g) ?? []).length)).toEqual([6, 3])
    // No slide ends on a lead-in.
    for (const s of body) expect(s.text.trim()).not.toMatch(/:$/)
  })

  it('the footnotes are not slides: a presented document ends before its « Notes »', async () => {
    const md = `Chapeau.\n\n## Un\n\nUn fait établi[^1].\n\n[^1]: Première source.\n`
    const slides = await slidesOf(md, null)
    const text = slides.map((s) => s.text).join('')
    expect(text).toContain('Un fait établi.')
    expect(text).not.toContain('Première source')
    expect(slides.map((s) => s.headingHtml + s.continues).join(' ')).not.toContain('Notes')
  })

  it('links become plain text on slides, and no id is repeated', async () => {
    const slides = await slidesOf(`## Liens\n\nVoir [le site](https://example.org/) et [plus bas](#liens).\n`, 'liens')
    expect(slides[1]!.bodyHtml).toBe('<p>Voir <span class="slide-link">le site</span> et <span class="slide-link">plus bas</span>.</p>\n')
    expect(slides.map((s) => s.headingHtml + s.bodyHtml).join('')).not.toMatch(/\sid=|href=/)
  })

  it('a whole document opens on a title slide without a heading, each section then opens its slides', async () => {
    const slides = await slidesOf(`Chapeau.\n\n## Un\n\nA.\n\n## Deux\n\nB.\n`, null)
    expect(slides.map((s) => [s.kind, s.headingHtml.trim()])).toEqual([
      ['title', ''],
      ['text', ''],
      ['text', 'Un'],
      ['text', 'Deux'],
    ])
  })
})
