import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Annotation, ColorLabels } from '../model'
import { readW3c } from './read'
import type { ReadItem, W3cRead } from './read'
import { UNKNOWN_VERSION, contentUuid } from './vocabulary'

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8'))
/** The annotations and labels the two legacy files were written from (by the codecs of before the merge). */
const legacy = fixture('legacy-fixture-annotations.json') as { annotations: Annotation[]; labels: ColorLabels }

function ok(r: W3cRead): { items: readonly ReadItem[]; colorLabels: ColorLabels | null } {
  if (!r.ok) throw new Error(r.message)
  expect(r.problems).toEqual([])
  return r
}
const readyOnly = (items: readonly ReadItem[]): Annotation[] => items.map((i) => (i.kind === 'ready' ? i.annotation : expect.fail(`item ${i.index} needs placing`)))

describe('reading what Passerelles wrote before the codecs were merged', () => {
  it('reads `annotations export` files (urn:passerelles:doc:, passerelles: terms, collection stylesheet) exactly', () => {
    const r = ok(readW3c(fixture('legacy-annotations-export.json')))
    expect(readyOnly(r.items)).toEqual(legacy.annotations)
    expect(r.colorLabels).toEqual(legacy.labels)
  })

  it('reads the old export screen’s JSON (passerelles://open/, no colour labels) exactly', () => {
    const r = ok(readW3c(fixture('legacy-export-screen.json')))
    // That writer dropped the detached quote of document notes: the only thing it did not keep.
    const expected = legacy.annotations.map(({ detachedQuote: _dropped, ...a }) => a)
    expect(readyOnly(r.items)).toEqual(expected)
    expect(r.colorLabels).toBeNull()
  })
})

describe('reading what other tools write', () => {
  const base = {
    id: 'https://hypothes.is/a/Xy12',
    type: 'Annotation',
    created: '2025-01-02T03:04:05+00:00',
    creator: { name: 'someone' },
    body: { type: 'TextualBody', value: 'vu ailleurs' },
    target: [{ source: 'passerelles://open/cas-framasoft', selector: [{ type: 'RangeSelector', startSelector: {}, endSelector: {} }, { type: 'TextQuoteSelector', exact: 'Framasoft', prefix: 'x'.repeat(50) + 'avant ', suffix: ' après' + 'y'.repeat(50) }] }],
  }

  it.each([
    ['a bare array', [base]],
    ['an AnnotationPage', { type: 'AnnotationPage', items: [base] }],
    ['a collection with inline items', { type: 'AnnotationCollection', items: [base] }],
    ['a collection with pages given inline', { type: ['AnnotationCollection'], first: { type: 'AnnotationPage', items: [], next: { type: 'AnnotationPage', items: [base] } } }],
    ['one annotation', base],
  ])('reads %s', (_shape, json) => {
    const [item] = ok(readW3c(json)).items
    expect(item).toMatchObject({
      kind: 'place',
      document: 'cas-framasoft',
      position: null,
      // Context cut to the 32 characters next to the quote, as the model keeps it.
      quote: { exact: 'Framasoft', prefix: `${'x'.repeat(26)}avant `, suffix: ` après${'y'.repeat(26)}` },
      draft: { id: contentUuid('w3c-id:https://hypothes.is/a/Xy12'), created: '2025-01-02T03:04:05+00:00', modified: '2025-01-02T03:04:05+00:00', body: { note: 'vu ailleurs', tags: [], color: 'yellow' } },
    })
  })

  it('takes notes from bodyValue and purpose-less bodies, tags with spaces as one word, and keeps a foreign source for placing', () => {
    const json = [{ ...base, bodyValue: 'première', body: [{ type: 'TextualBody', value: 'seconde' }, { type: 'TextualBody', purpose: 'tagging', value: ' #économie sociale ' }], target: { source: 'https://example.org/article', selector: { type: 'TextQuoteSelector', exact: 'Framasoft' } } }]
    const [item] = ok(readW3c(json)).items
    expect(item).toMatchObject({ kind: 'place', document: null, source: 'https://example.org/article', draft: { body: { note: 'première\n\nseconde', tags: ['économie-sociale'] } } })
  })

  it('takes an annotation with both selectors on a Passerelles document as written, of unknown version', () => {
    const json = [{ ...base, id: 'urn:uuid:5F0C5E2E-8A63-4F7E-9D2C-0A6D1C1E2B3F', target: { source: 'urn:passerelles:doc:cas-framasoft', styleClass: 'green', selector: [{ type: 'TextPositionSelector', start: 5, end: 14 }, { type: 'TextQuoteSelector', exact: 'Framasoft' }] } }]
    const [item] = ok(readW3c(json)).items
    expect(item).toEqual({
      kind: 'ready',
      index: 0,
      annotation: {
        id: '5f0c5e2e-8a63-4f7e-9d2c-0a6d1c1e2b3f', type: 'Annotation', created: '2025-01-02T03:04:05+00:00', modified: '2025-01-02T03:04:05+00:00',
        body: { note: 'vu ailleurs', tags: [], color: 'green' }, document: 'cas-framasoft',
        target: { source: 'cas-framasoft', docVersion: UNKNOWN_VERSION, selector: [{ type: 'TextQuoteSelector', exact: 'Framasoft', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 5, end: 14 }] },
      },
    })
  })

  it('names every item that cannot be read, with its reason, and reads the others', () => {
    const r = readW3c([
      base,
      'not an object',
      { ...base, id: 'a', type: 'Note' },
      { ...base, id: 'b', created: undefined },
      { ...base, id: 'c', target: ['passerelles://open/a', 'passerelles://open/b'] },
      { ...base, id: 'd', target: 'https://example.org/page' },
      { ...base, id: 'e', target: { source: 'passerelles://open/a', selector: { type: 'TextPositionSelector', start: 1, end: 3 } } },
      { ...base, id: 'f', created: 'hier' },
      { ...base, id: 'g', body: { type: 'TextualBody', purpose: 'tagging', value: '«a»' } },
    ])
    if (!r.ok) throw new Error(r.message)
    expect(r.items.map((i) => i.index)).toEqual([0])
    expect(r.problems.map((p) => [p.index, p.id, p.reason])).toEqual([
      [1, null, 'it is not an object'],
      [2, 'a', 'it is not of type Annotation'],
      [3, 'b', 'it has no creation date (created)'],
      [4, 'c', 'it has 2 targets; an annotation of Passerelles points at one passage'],
      [5, 'd', 'its source "https://example.org/page" is not a document of Passerelles and it has no quote to find the passage by'],
      [6, 'e', 'it has a position but no quote (TextQuoteSelector) to check it against'],
      [7, 'f', expect.stringMatching(/^created: /)],
      [8, 'g', expect.stringMatching(/^body\.tags\.0: a tag is one token/)],
    ])
  })

  it('refuses a file that is not W3C, or whose colour labels are invalid, as a whole', () => {
    expect(readW3c({ hello: 'world' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Not a W3C annotation document/) })
    expect(readW3c({ type: 'AnnotationCollection', first: 'https://example.org/page1' })).toMatchObject({ ok: false })
    expect(readW3c({ type: 'AnnotationCollection', items: [], colorLabels: { yellow: '' } })).toMatchObject({ ok: false, message: expect.stringMatching(/^colorLabels is not a valid set/) })
  })
})
