/**
 * The table of typographic equivalences, pinned: each profile on one hostile string (the probe of
 * the code review, §4.2.2), every row of the table, and « coeur » finding « cœur » through every
 * kind of text match. A change here is a decision, to be made on purpose.
 */
import { describe, expect, it } from 'vitest'
import { foldText as anchoringForm } from '../annotations/normalize'
import { compactName } from '../annotations/colors'
import { compileFilter } from '../annotations/filter'
import { DEFAULT_COLOR_LABELS } from '../annotations/model'
import type { Annotation } from '../annotations/model'
import { compileGlossary } from '../content/glossary'
import { surfaceForm } from '../search/french-text'
import { INVISIBLE_CODES, LIGATURES, PUNCTUATION, SPACE_CODES, findAll, foldChar, foldForCompare, foldText, typographicPattern } from './fold'

const PROBE = 'Cœur ‒ l’ESS — « ok » ′x\u00a0…'

describe('each profile on the probe', () => {
  it.each<[string, (s: string) => string, string]>([
    ['compare (find, filters, library, colour names)', foldForCompare, 'coeur - l\'ess - " ok " \'x ...'],
    ['anchoring (punctuation and spaces only; case, accents, ligatures kept)', anchoringForm, 'Cœur-l\'ESS-"ok"\'x...'],
    ['colour names (compact)', compactName, 'coeurlessokx'],
  ])('%s', (_name, profile, expected) => {
    expect(profile(PROBE)).toBe(expected)
  })

  it('search words: elision and accents after the table', () => {
    expect(['Cœur', 'l’ESS', 'L‘Économie', 'Œuvres'].map(surfaceForm)).toEqual(['coeur', 'ess', 'economie', 'oeuvres'])
  })
})

describe('every row of the table', () => {
  it.each(Object.entries(PUNCTUATION))('%j counts as %j', (variant, plain) => {
    expect(foldChar(variant)).toBe(plain)
    expect(anchoringForm(`a${variant}b`)).toBe(`a${plain}b`)
    // The glossary's patterns (single characters; an ellipsis is no part of a term).
    if (plain.length === 1) expect(new RegExp(`^${typographicPattern(`a${plain}b`)}$`, 'u').test(`a${variant}b`)).toBe(true)
  })
  it.each(Object.entries(LIGATURES))('%j is written %j', (ligature, letters) => {
    expect(foldChar(ligature)).toBe(letters.toLowerCase())
    expect(anchoringForm(ligature)).toBe(ligature) // anchoring sees a respelling as a change
  })
  it('every space is one space, every invisible character nothing', () => {
    for (const c of SPACE_CODES) expect([foldChar(String.fromCodePoint(c)), anchoringForm(`a${String.fromCodePoint(c)}b`)]).toEqual([' ', 'ab'])
    for (const c of INVISIBLE_CODES) expect([foldChar(String.fromCodePoint(c)), anchoringForm(`a${String.fromCodePoint(c)}b`)]).toEqual(['', 'ab'])
  })
})

describe('« coeur » finds « cœur » everywhere a text is matched', () => {
  const text = 'Au cœur de l’économie sociale, le Cœur des communs.'
  it('find in the document', () => {
    expect(findAll(foldText(text), 'coeur').map((m) => text.slice(m.start, m.end))).toEqual(['cœur', 'Cœur'])
  })
  it('the annotation filters (panel, notes view, export)', () => {
    const a = { id: '00000000-0000-4000-8000-000000000001', type: 'Annotation', created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', body: { note: text, tags: [], color: 'yellow' }, target: null, document: 'd' } satisfies Annotation
    expect(compileFilter({ text: 'COEUR l\'economie' }, DEFAULT_COLOR_LABELS)({ annotation: a })).toBe(true)
  })
  it('the search’s word form', () => {
    expect(surfaceForm('coeur')).toBe(surfaceForm('cœur'))
  })
  it('the glossary, both ways', () => {
    const terms = compileGlossary([{ id: 'c', term: 'Coeur des communs', definition: '' }, { id: 'e', term: 'Économie sociale', definition: '' }])
    expect(terms.occurrences(text, []).map((o) => text.slice(o.start, o.end))).toEqual(['économie sociale', 'Cœur des communs'])
  })
})
