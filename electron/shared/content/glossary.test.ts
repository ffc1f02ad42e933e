import { describe, expect, it } from 'vitest'
import { compileGlossary, isAcronym } from './glossary'
import type { GlossaryTerm } from './glossary'
import type { Section } from './document'

const terms: GlossaryTerm[] = [
  { id: 'commun', term: 'Commun', definition: 'Une ressource partagée.' },
  { id: 'communs-numeriques', term: 'Communs numériques', definition: '…' },
  { id: 'ess', term: 'ESS', definition: 'Économie sociale et solidaire.' },
  { id: 'emancip-asso', term: 'Emancip’Asso', definition: '…' },
  { id: 'scop', term: 'Scop', definition: '…' },
  { id: 'cc-by-sa', term: 'CC BY-SA', definition: '…' },
]

const whole = (text: string): Section[] => [{ id: '', level: 0, title: '', start: 0, end: text.length }]

describe('glossary term matching', () => {
  const matcher = compileGlossary(terms)
  const found = (text: string, sections = whole(text)): string[] =>
    matcher.occurrences(text, sections).map((o) => `${o.termId}:${text.slice(o.start, o.end)}`)

  it('matches whole words, case-insensitively, with a plural', () => {
    expect(found('Les communs et le Commun, mais pas communauté.')).toEqual(['commun:communs', 'commun:Commun'])
    expect(found('Deux Scops et une SCOP.')).toEqual(['scop:Scops', 'scop:SCOP'])
  })

  it('matches acronyms case-sensitively only', () => {
    expect(found('L’ESS, pas « ess » ni « Ess » ni ESSAI.')).toEqual(['ess:ESS'])
    expect(found('sous licence CC BY-SA 4.0')).toEqual(['cc-by-sa:CC BY-SA'])
  })

  it('prefers the longest term and tolerates apostrophes and no-break spaces', () => {
    expect(found('Les communs\u00a0numériques et Emancip\'Asso.')).toEqual(['communs-numeriques:communs\u00a0numériques', 'emancip-asso:Emancip\'Asso'])
  })

  it('reports the section of each occurrence', () => {
    const text = 'Intro ESS. Titre Suite ESS et Commun.'
    const sections: Section[] = [
      { id: '', level: 0, title: '', start: 0, end: 11 },
      { id: 'titre', level: 2, title: 'Titre', start: 11, end: text.length },
    ]
    expect(matcher.occurrences(text, sections).map((o) => [o.termId, o.section])).toEqual([['ess', 0], ['ess', 1], ['commun', 1]])
  })

  it('knows an acronym when it sees one', () => {
    expect(['ESS', 'CC BY-SA', 'SCIC'].every(isAcronym)).toBe(true)
    expect(['Scop', 'Commun', 'Emancip’Asso'].some(isAcronym)).toBe(false)
  })

  it('copes with an empty glossary', () => {
    expect(compileGlossary([]).occurrences('ESS', whole('ESS'))).toEqual([])
  })
})
