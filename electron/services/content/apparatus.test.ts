/**
 * The footnote apparatus of the shipped documents: the ranges the text map collects are exactly
 * marked-footnote's calls, back-links and notes section (checked against the document's own DOM,
 * read again here), and the shown text leaves calls and back-links out without gluing words or
 * leaving a stray digit.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { JSDOM } from 'jsdom'
import { createContentLibrary } from './content-library'
import type { ContentLibrary } from './content-library'
import { memoryLogger } from '../platform/log'
import { cutsIn, shownText, stripCuts } from '../../shared/text/apparatus'
import { buildLibraryIndex } from '../search/library-source'
import { FrenchIndex } from '../search/french-index'
import { searchIndex } from '../search/index-search'
import { parseQuery } from '../../shared/search/query'
import { fixedClock } from '../platform/clock'

const SHIPPED = resolve(join(__dirname, '..', '..', '..', 'content'))
const window = new JSDOM('').window
let library: ContentLibrary

beforeAll(async () => {
  library = await createContentLibrary({ contentDir: SHIPPED, log: memoryLogger() })
})

/** The text of each element matching `selector`, in document order, read from the HTML again. */
function textsOf(html: string, selector: string): string[] {
  const root = window.document.createElement('div')
  root.innerHTML = html
  return Array.from(root.querySelectorAll(selector)).map((e) => e.textContent ?? '')
}

describe('apparatus ranges of the shipped documents', () => {
  it('are the calls, back-links and notes section of every document, in order', () => {
    let withNotes = 0
    for (const s of library.list()) {
      const doc = library.get(s.id)
      const of = (kind: string): string[] => doc.apparatus.filter((r) => r.kind === kind).map((r) => doc.text.slice(r.start, r.end))
      expect(of('call'), s.id).toEqual(textsOf(doc.html, 'a[data-footnote-ref]'))
      expect(of('backref'), s.id).toEqual(textsOf(doc.html, 'a[data-footnote-backref]'))
      expect(of('notes'), s.id).toEqual(textsOf(doc.html, 'section[data-footnotes]'))
      for (let i = 1; i < doc.apparatus.length; i++) expect(doc.apparatus[i]!.start).toBeGreaterThanOrEqual(doc.apparatus[i - 1]!.start)
      if (of('call').length > 0) withNotes++
    }
    expect(withNotes).toBeGreaterThan(5)
  })

  it('leave « plateformes¹. Le collectif » as « plateformes. Le collectif »', () => {
    const doc = library.get('article-chatons-hebergement')
    const start = doc.text.indexOf('grandes plateformes')
    const end = doc.text.indexOf('des CHATONS', start) + 'des CHATONS'.length
    expect(doc.text.slice(start, end)).toBe('grandes plateformes1. Le collectif des CHATONS')
    expect(shownText(doc.text, doc.apparatus, start, end)).toBe('grandes plateformes. Le collectif des CHATONS')
  })

  it('leave no digit glued to a word anywhere in the prose of a chapter with many notes', () => {
    const doc = library.get('cahier-06-des-initiatives-qui-montrent-la-voie')
    const notes = doc.apparatus.find((r) => r.kind === 'notes')!
    const raw = doc.text.slice(0, notes.start)
    const shown = shownText(doc.text, doc.apparatus, 0, notes.start)
    expect(raw).toMatch(/mal1\. /)
    expect(shown).toContain('qui se connaissaient mal. Aujourd’hui')
    // « lower-case letter, digits, punctuation » is how a call looks: the raw prose has dozens, the
    // shown prose only the one that is prose (« GPLv3, »).
    expect((raw.match(/\p{Ll}\d+[.,;:]/gu) ?? []).length).toBeGreaterThan(10)
    expect(shown.match(/\p{Ll}\d+[.,;:]/gu) ?? []).toEqual(['v3,'])
    expect(shown.length).toBe(raw.length - cutsIn(doc.apparatus, 0, notes.start).reduce((n, [s, e]) => n + e - s, 0))
  })

  it('drop the back-links from the notes themselves', () => {
    const doc = library.get('cahier-06-des-initiatives-qui-montrent-la-voie')
    const notes = doc.apparatus.find((r) => r.kind === 'notes')!
    expect(doc.text.slice(notes.start, notes.end)).toContain('↩')
    expect(shownText(doc.text, doc.apparatus, notes.start, notes.end)).not.toContain('↩')
  })
})

describe('stripCuts', () => {
  it('puts one space where a cut sat between two word characters, none elsewhere', () => {
    expect(stripCuts('mot1autre', [[3, 4]]).text).toBe('mot autre')
    expect(stripCuts('mot1. autre', [[3, 4]]).text).toBe('mot. autre')
    expect(stripCuts('1début', [[0, 1]]).text).toBe('début')
    expect(stripCuts('fin2', [[3, 4]]).text).toBe('fin')
  })

  it('maps offsets: kept characters move, offsets inside a cut land where it was', () => {
    const s = stripCuts('ab12cd ↩ef', [[2, 4], [7, 8]])
    expect(s.text).toBe('ab cd ef')
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(s.at)).toEqual([0, 1, 2, 2, 3, 4, 5, 6, 6, 7, 8])
  })
})

describe('search snippets of the shipped pack', () => {
  it('show « Solidaires. » and the notes without « ↩ », the match still marked', async () => {
    const index = FrenchIndex.load(await buildLibraryIndex(library, fixedClock('2026-11-28T10:00:00Z')))
    const run = (q: string) => searchIndex(index, 'library', { parsed: parseQuery(q).query, typing: false, facetFilter: { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }, limit: 500 })
    // Indexed with the call blanked out: « Solidaires² » is found as « Solidaires ».
    const solidaires = run('"Neutres et Solidaires" plutôt').hits.find((h) => h.docId === 'article-chatons-hebergement')!
    expect(solidaires.snippet.text).toContain('Neutres et Solidaires. Plutôt')
    const [s, e] = solidaires.snippet.marks[0]!
    expect(solidaires.snippet.text.slice(s, e)).toBe('Neutres et Solidaires')
    const snippets = run('Framasoft').hits.map((h) => h.snippet.text)
    expect(snippets.length).toBeGreaterThan(10)
    for (const t of snippets) {
      expect(t).not.toContain('↩')
      expect(t).not.toMatch(/\p{Ll}{3}\d{1,2}[.,;:] /u)
    }
  })
})
