import { describe, expect, it } from 'vitest'
import { SlugRegistry, slugify } from './slug'

describe('slugify (French-aware, pinned: authors link to these anchors)', () => {
  it.each([
    ['Économie sociale', 'economie-sociale'],
    ['Économie sociale et solidaire (ESS)', 'economie-sociale-et-solidaire-ess'],
    ['L’œuvre des cœurs', 'l-oeuvre-des-coeurs'],
    ['Ex æquo', 'ex-aequo'],
    ['Qu’est-ce qu’un « commun » ?', 'qu-est-ce-qu-un-commun'],
    ['Loi Hamon', 'loi-hamon'],
    ['  --Déjà-vu--  ', 'deja-vu'],
    ['À propos', 'a-propos'],
  ])('%s → %s', (text, slug) => expect(slugify(text)).toBe(slug))

  it('hands out unique slugs within a document', () => {
    const r = new SlugRegistry()
    expect([r.next('Sources'), r.next('Sources'), r.next('Sources-2'), r.next('')]).toEqual(['sources', 'sources-2', 'sources-2-2', 'section'])
  })
})
