import { describe, expect, it } from 'vitest'
import { fromW3c, toW3cCollection, UNKNOWN_VERSION } from './w3c'
import { newAnnotation, detached } from './operations'
import { DEFAULT_COLOR_LABELS } from './model'
import type { Annotation } from './model'
import { BASE } from './anchor-fixture'

const doc = { version: 'c'.repeat(64), text: BASE }
function make(id: string, start: number, end: number, extra: { note?: string; tags?: string[] } = {}): Annotation {
  const m = newAnnotation({ id, now: '2026-11-28T10:00:00.000Z', docId: 'cahier-intro', doc, start, end, color: 'blue', ...extra })
  if (!m.ok) throw new Error(m.message)
  return m.annotation
}
const A = make('8a6e0804-2bd0-4672-b79d-d97027f9071a', 10, 40, { note: 'Une **note**.', tags: ['ess', 'à-vérifier'] })
const B = make('1b4e28ba-2fa1-41d2-883f-0016d3cca427', 100, 130)

describe('W3C export', () => {
  it('writes a W3C AnnotationCollection: urn:uuid ids, TextualBody purposes, styleClass, both selectors', () => {
    const c = toW3cCollection([A], DEFAULT_COLOR_LABELS, '2026-11-28T12:00:00.000Z') as { '@context': unknown; type: string; total: number; first: { items: Record<string, unknown>[] } }
    expect(c.type).toBe('AnnotationCollection')
    expect(c['@context']).toContain('http://www.w3.org/ns/anno.jsonld')
    expect(c.total).toBe(1)
    const item = c.first.items[0]!
    expect(item).toMatchObject({
      id: `urn:uuid:${A.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'Une **note**.', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'ess' },
        { type: 'TextualBody', purpose: 'tagging', value: 'à-vérifier' },
        { type: 'TextualBody', purpose: 'classifying', value: 'Question' },
      ],
      target: { type: 'SpecificResource', source: 'urn:passerelles:doc:cahier-intro', styleClass: 'blue', 'passerelles:docVersion': doc.version },
    })
    expect((item.target as { selector: { type: string }[] }).selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector'])
  })

  it('round-trips highlights, notes, tags, document-level notes and colour labels exactly', () => {
    const note = detached(B, '2026-11-29T08:00:00.000Z')
    if (!note.ok) throw new Error(note.message)
    const labels = { ...DEFAULT_COLOR_LABELS, blue: 'Piste' }
    const back = fromW3c(JSON.parse(JSON.stringify(toW3cCollection([A, note.annotation], labels, '2026-11-28T12:00:00.000Z'))))
    expect(back).toEqual({ ok: true, annotations: [A, note.annotation], colorLabels: labels })
  })
})

describe('W3C import', () => {
  const item = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: 'urn:uuid:5f0c5e2e-8a63-4f7e-9d2c-0a6d1c1e2b3f',
    type: 'Annotation',
    created: '2025-01-02T03:04:05Z',
    creator: { name: 'someone' },
    body: { type: 'TextualBody', purpose: 'commenting', value: 'vu ailleurs' },
    target: {
      source: 'urn:passerelles:doc:cas-framasoft',
      selector: [
        { type: 'RangeSelector', startSelector: {}, endSelector: {} },
        { type: 'TextQuoteSelector', exact: 'Framasoft' },
        { type: 'TextPositionSelector', start: 5, end: 14 },
      ],
    },
    ...over,
  })

  it('accepts other producers’ annotations (extra fields, single body, unknown selectors, no version)', () => {
    const r = fromW3c([item()])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.annotations[0]).toMatchObject({
      id: '5f0c5e2e-8a63-4f7e-9d2c-0a6d1c1e2b3f',
      modified: '2025-01-02T03:04:05Z',
      body: { note: 'vu ailleurs', tags: [], color: 'yellow' },
      document: 'cas-framasoft',
      target: { docVersion: UNKNOWN_VERSION, selector: [{ exact: 'Framasoft', prefix: '', suffix: '' }, { start: 5, end: 14 }] },
    })
  })

  it('keeps the latest version of an id that appears twice in the file', () => {
    const r = fromW3c({ type: 'AnnotationPage', items: [item({ modified: '2025-02-01T00:00:00Z' }), item({ modified: '2025-03-01T00:00:00Z', body: [] })] })
    expect(r.ok && r.annotations.map((a) => [a.modified, a.body.note])).toEqual([['2025-03-01T00:00:00Z', '']])
  })

  it.each([
    ['not an annotation document', { hello: 'world' }, /Not a W3C annotation document/],
    ['a bad id', [item({ id: 'urn:uuid:nope' })], /item 0: id: id must be a UUID/],
    ['a foreign source', [item({ target: 'https://example.org/page' })], /item 0: .*Passerelles document/],
    ['a quote without position', [item({ target: { source: 'urn:passerelles:doc:a', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] } })], /item 0: a target needs both/],
    ['two targets', [item({ target: ['urn:passerelles:doc:a', 'urn:passerelles:doc:b'] })], /only one target/],
    ['a bad tag', [item({ body: { type: 'TextualBody', purpose: 'tagging', value: 'deux mots' } })], /item 0: body.tags.0: a tag is one word/],
    ['a prefix longer than 32', [item({ target: { source: 'urn:passerelles:doc:a', selector: [{ type: 'TextQuoteSelector', exact: 'x', prefix: 'p'.repeat(40) }, { type: 'TextPositionSelector', start: 1, end: 2 }] } })], /item 0: target.selector.0.prefix/],
  ])('rejects the whole file for %s, naming the item and the reason', (_name, json, message) => {
    const r = fromW3c(Array.isArray(json) ? [item({ id: 'urn:uuid:9b2c1f1e-1111-4222-8333-444455556666' }), ...json] : json)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.message).toMatch(message instanceof RegExp && Array.isArray(json) ? new RegExp(message.source.replace('item 0', 'item 1')) : message)
    if (Array.isArray(json)) expect(r.message).toMatch(/^Nothing imported: 1 invalid/)
  })
})
