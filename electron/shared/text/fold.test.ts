import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findAll, foldForCompare, foldText } from './fold'

const find = (text: string, q: string): string[] => findAll(foldText(text), q).map((m) => text.slice(m.start, m.end))

describe('accent- and case-insensitive find', () => {
  it('finds accented words without their accents, and the reverse', () => {
    const text = 'L’Économie sociale et l’économie solidaire. ECONOMIE !'
    expect(find(text, 'economie')).toEqual(['Économie', 'économie', 'ECONOMIE'])
    expect(find(text, 'ÉCONOMIE')).toEqual(['Économie', 'économie', 'ECONOMIE'])
  })

  it('treats typographic apostrophes, ligatures and no-break spaces like their plain forms', () => {
    const text = 'Le cœur de l’ESS\u202f: «\u00a0un mot\u00a0»'
    expect(find(text, "l'ess")).toEqual(['l’ESS'])
    expect(find(text, 'coeur')).toEqual(['cœur'])
    expect(find(text, 'co')).toEqual(['cœ']) // a match ending inside a ligature covers the whole ligature
    expect(find(text, 'ess :')).toEqual(['ESS\u202f:'])
    expect(find(text, '« un')).toEqual(['«\u00a0un'])
  })

  it('returns non-overlapping matches in order, and nothing for an empty query', () => {
    expect(find('aaaa', 'aa')).toEqual(['aa', 'aa'])
    expect(findAll(foldText('abc'), '   ')).toEqual([])
    expect(findAll(foldText('a'.repeat(50)), 'a', 7)).toHaveLength(7)
  })

  it('keeps astral characters whole', () => {
    const text = 'x 🙂 économie'
    expect(find(text, 'economie')).toEqual(['économie'])
  })

  it('collapses spaces in the query', () => {
    expect(foldForCompare('  Économie   sociale ')).toBe('economie sociale')
  })

  it('finds across runs of white space in the text, the match spanning all of it', () => {
    expect(find('aaa  a', 'a  a')).toEqual(['a  a'])
    expect(find('fin.\n\nDébut', 'fin. debut')).toEqual(['fin.\n\nDébut'])
  })

  it('maps every match back onto text that folds to the query (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', 'E', 'œ', 'Œ', ' ', '\u00a0', '’', "'", 'ß', 's', 'x') }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 4 }), (text, at, len) => {
        const q = text.slice(at, at + len)
        if (foldForCompare(q) === '') return
        for (const m of findAll(foldText(text), q)) {
          expect(foldForCompare(text.slice(m.start, m.end))).toContain(foldForCompare(q))
        }
        // The query itself occurs in the text, so at least one match is found.
        expect(findAll(foldText(text), q).length).toBeGreaterThan(0)
      }),
    )
  })
})
