import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { checkGolden } from '../../services/testing/golden'
import { exportAnnotations } from './index'
import { fixtureInput } from './testing/fixture'
import { contentUuid, fromW3C } from './w3c'

const GOLDEN = fileURLToPath(new URL('./__golden__/', import.meta.url))

/**
 * The MUSTs of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) for what
 * we write: contexts, IRIs, types, motivations and purposes from the vocabulary, xsd:dateTime with
 * a time zone, SpecificResource with a source, the two selector shapes, the CSS stylesheet.
 */
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'] as const
const Iri = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i)
const UrnUuid = z.string().regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
const DateTime = z.string().datetime({ offset: true })
const TextualBody = z.object({ type: z.literal('TextualBody'), value: z.string(), purpose: z.enum(MOTIVATIONS), format: z.literal('text/markdown').optional() }).strict()
const Selector = z.union([
  z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }).strict(),
  z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0), end: z.number().int().min(0) }).strict(),
])
const W3CAnnotation = z
  .object({
    id: UrnUuid,
    type: z.literal('Annotation'),
    motivation: z.enum(MOTIVATIONS),
    created: DateTime,
    modified: DateTime,
    stylesheet: z.object({ type: z.literal('CssStylesheet'), value: z.string().regex(/^\.[a-z]+ \{ background-color: #[0-9a-f]{6}; \}$/) }).strict(),
    body: z.array(TextualBody).min(1),
    target: z
      .object({
        type: z.literal('SpecificResource'),
        source: Iri,
        styleClass: z.string().regex(/^[a-z]+$/),
        docVersion: z.string().regex(/^[0-9a-f]{64}$/).optional(),
        selector: z.array(Selector).length(2).optional(),
        anchorState: z.string(),
      })
      .strict(),
  })
  .strict()
const Collection = z
  .object({
    '@context': z.tuple([z.literal('http://www.w3.org/ns/anno.jsonld'), z.object({ passerelles: Iri }).catchall(z.string())]),
    id: UrnUuid,
    type: z.literal('AnnotationCollection'),
    label: z.string(),
    total: z.number().int().min(0),
    first: z.object({ id: Iri, type: z.literal('AnnotationPage'), startIndex: z.literal(0), items: z.array(W3CAnnotation) }).strict(),
  })
  .strict()

describe('W3C JSON export', () => {
  const input = fixtureInput()
  const content = exportAnnotations('json', input).content
  const json = JSON.parse(content) as unknown

  it('matches its golden file exactly', () => {
    const golden = checkGolden(GOLDEN, 'document.json', content)
    expect(golden.ok ? content : golden.expected).toBe(content)
  })

  it('is a valid W3C AnnotationCollection', () => {
    const parsed = Collection.safeParse(json)
    expect(parsed.success ? [] : parsed.error.issues).toEqual([])
    const c = Collection.parse(json)
    expect(c.total).toBe(input.annotations.length)
    expect(c.first.items).toHaveLength(c.total)
  })

  it('uses the W3C terms: tags as tagging bodies, colour as styleClass, note as a Markdown comment', () => {
    const c = Collection.parse(json)
    const first = c.first.items.find((a) => a.id === 'urn:uuid:00000001-0000-4000-8000-000000000001')!
    expect(first.motivation).toBe('commenting')
    expect(first.body.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(['communs', 'gouvernance'])
    expect(first.body.find((b) => b.purpose === 'classifying')!.value).toBe('Argument')
    expect(first.target.styleClass).toBe('yellow')
    expect(first.target.source).toBe('passerelles://open/cahier-01-pourquoi-ce-cahier')
    const highlight = c.first.items.find((a) => a.id === 'urn:uuid:00000067-0000-4000-8000-000000000067')!
    expect(highlight.motivation).toBe('highlighting')
    const docNote = c.first.items.find((a) => a.id === 'urn:uuid:00000065-0000-4000-8000-000000000065')!
    expect(docNote.target.selector).toBeUndefined()
  })

  it('reads back into exactly the exported annotations', () => {
    const back = fromW3C(json)
    expect(back.ok && back.value).toEqual(input.annotations)
  })

  it('gives the collection a stable id derived from its content (a version 8 UUID)', () => {
    expect(contentUuid('a')).toBe(contentUuid('a'))
    expect(contentUuid('a')).not.toBe(contentUuid('b'))
    expect(contentUuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('refuses what is not Passerelles W3C JSON, importing nothing', () => {
    const c = Collection.parse(json)
    const bad = (change: (a: Record<string, unknown>) => void): string => {
      const items = structuredClone(c.first.items) as Array<Record<string, unknown>>
      change(items[3]!)
      const r = fromW3C({ ...c, first: { ...c.first, items } })
      return r.ok ? 'accepted' : r.error.message
    }
    expect(fromW3C({ hello: 'world' })).toMatchObject({ ok: false })
    expect(bad((a) => (a.target = { source: 'https://example.org/' }))).toBe('annotation 4 does not target a Passerelles document')
    expect(bad((a) => (a.id = 'urn:uuid:nope'))).toMatch(/^annotation 4 is not a valid Passerelles annotation \(id:/)
    expect(bad((a) => ((a.target as Record<string, unknown>).styleClass = 'red'))).toMatch(/body\.color/)
    expect(bad((a) => a.body = [{ type: 'TextualBody', value: 'a', purpose: 'commenting' }, { type: 'TextualBody', value: 'b', purpose: 'commenting' }])).toBe('annotation 4 has more than one note')
  })
})
