import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { checkGolden } from '../../services/testing/golden'
import { exportAnnotations } from './index'
import { fixtureInput } from './testing/fixture'
import { contentUuid } from '../annotations/w3c/vocabulary'
import { readW3c } from '../annotations/w3c/read'

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
    detachedQuote: z.string().optional(),
  })
  .strict()
const Collection = z
  .object({
    '@context': z.tuple([z.literal('http://www.w3.org/ns/anno.jsonld'), z.object({ passerelles: Iri }).catchall(z.string())]),
    id: UrnUuid,
    type: z.literal('AnnotationCollection'),
    label: z.string(),
    generator: z.object({ type: z.literal('Software'), name: z.literal('Passerelles') }).strict(),
    generated: DateTime,
    total: z.number().int().min(0),
    colorLabels: z.object({ yellow: z.string(), blue: z.string(), green: z.string(), orange: z.string(), purple: z.string() }).strict(),
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

  it('reads back into exactly the exported annotations and colour labels, each ready as written', () => {
    const back = readW3c(json)
    expect(back.ok && back.problems).toEqual([])
    expect(back.ok && back.items.map((i) => (i.kind === 'ready' ? i.annotation : i.kind))).toEqual(input.annotations)
    expect(back.ok && back.colorLabels).toEqual(input.colorLabels)
  })

  it('gives the collection a stable id derived from its content (a version 8 UUID)', () => {
    expect(contentUuid('a')).toBe(contentUuid('a'))
    expect(contentUuid('a')).not.toBe(contentUuid('b'))
    expect(contentUuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
