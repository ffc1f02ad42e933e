import { describe, expect, it } from 'vitest'
import { BASE } from '../anchor-fixture'
import type { ReadItem } from './read'
import { placeAll } from './place'
import type { PlacementLibrary } from './place'
import { UNKNOWN_VERSION } from './vocabulary'

const V = 'c'.repeat(64)
const OTHER = 'Un autre texte pose la question de la gouvernance partagée des communs numériques.\nEt le logiciel libre, encore.\n'
const library: PlacementLibrary = {
  ids: () => ['cahier', 'autre'],
  text: (id) => (id === 'cahier' ? { version: V, text: BASE } : id === 'autre' ? { version: V, text: OTHER } : null),
}
const draft = { id: '5f0c5e2e-8a63-4f7e-9d2c-0a6d1c1e2b3f', created: '2025-01-02T03:04:05Z', modified: '2025-01-02T03:04:05Z', body: { note: 'n', tags: [], color: 'blue' as const } }
const place = (document: string | null, exact: string, prefix = '', suffix = '', source = document ? `passerelles://open/${document}` : 'https://example.org/a'): ReadItem => ({ kind: 'place', index: 0, writtenId: null, draft, document, source, quote: { exact, prefix, suffix }, position: null })
const around = (exact: string, text = BASE): { prefix: string; suffix: string } => {
  const i = text.indexOf(exact)
  return { prefix: text.slice(Math.max(0, i - 32), i), suffix: text.slice(i + exact.length, i + exact.length + 32) }
}

describe('placing imported passages', () => {
  it('places a quote-only selector in the document it names, with fresh selectors on the current version', () => {
    const exact = 'sociétés coopératives d’intérêt collectif'
    const { placed, problems } = placeAll([place('cahier', exact)], library)
    expect(problems).toEqual([])
    const start = BASE.indexOf(exact)
    expect(placed[0]).toMatchObject({ placement: 'by-quote', annotation: { document: 'cahier', target: { docVersion: V, selector: [{ exact, ...around(exact) }, { start, end: start + exact.length }] } } })
  })

  it('keeps an approximate quote as written where the engine found it, so the reader confirms it (fuzzy)', () => {
    const written = 'la gouvernance partagée des communs numériques'
    const { placed, problems } = placeAll([place('cahier', written, 'Reste la question de ', ' : qui décide')], library)
    expect(problems).toEqual([])
    const a = placed[0]!.annotation
    expect(a.target?.docVersion).toBe(UNKNOWN_VERSION)
    expect(a.target?.selector[0].exact).toBe(written)
    expect(BASE.slice(a.target!.selector[1].start, a.target!.selector[1].end)).toBe('la gouvernance partagée des comuns numériques')
  })

  it('refuses a short quote that appears several times without context, and one that is not there', () => {
    const { placed, problems } = placeAll([place('cahier', 'logiciel libre'), { ...place('cahier', 'blockchain souveraine'), index: 1 }, { ...place('absent', 'x'), index: 2 }], library)
    expect(placed).toEqual([])
    expect(problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/^its quote appears [0-9]+ times in "cahier" and it has no context/),
      expect.stringMatching(/^its quote was not found in "cahier"/),
      'its document "absent" is not in this library, so its quote cannot be placed',
    ])
  })

  it('finds a foreign source’s passage in the one document that holds it with its context', () => {
    const exact = 'mutualisent la gestion administrative'
    const { placed, problems } = placeAll([place(null, exact, around(exact).prefix, around(exact).suffix, 'https://example.org/cae')], library)
    expect(problems).toEqual([])
    expect(placed[0]).toMatchObject({ placement: 'in-library', source: 'https://example.org/cae', annotation: { document: 'cahier', target: { docVersion: V } } })
  })

  it('never attaches a foreign passage at random: in two documents, or without trusted context, it is reported', () => {
    const both = 'gouvernance partagée des co'
    const { placed, problems } = placeAll([place(null, 'le logiciel libre', 'x', 'y'), { ...place(null, both, 'la question de la ', ''), index: 1 }], library)
    expect(placed).toEqual([])
    expect(problems.map((p) => p.reason)).toEqual([
      'its source "https://example.org/a" is not a document of Passerelles, and no document of the library holds its quote with its context',
      expect.stringMatching(/^its source "https:\/\/example.org\/a" is not a document of Passerelles, and its quote is in 2 documents \(cahier, autre\): it is not attached at random$/),
    ])
  })
})
