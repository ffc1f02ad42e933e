/**
 * Export and import in W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): an
 * AnnotationCollection whose first page holds every annotation. The note is a `commenting`
 * TextualBody in Markdown, each tag a `tagging` body, the colour's label a `classifying` body and
 * the colour itself the target's `styleClass` (§4.4, with a stylesheet). Passerelles-only facts (the
 * document version, a detached quote, the colour labels) use the `passerelles:` prefix declared in
 * the context. Import accepts this, a page, an array or a single annotation, and validates every item
 * before anything is kept: one bad item rejects the file, with the item and the reason.
 */
import { z } from 'zod'
import { DocIdSchema } from '../content/front-matter'
import { AnnotationSchema, COLOR_IDS, ColorIdSchema, ColorLabelsSchema, IsoDateTimeSchema } from './model'
import type { Annotation, ColorId, ColorLabels } from './model'

export const W3C_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { passerelles: 'urn:passerelles:ns:' }] as const
export const DOC_IRI_PREFIX = 'urn:passerelles:doc:'
/** docVersion of an imported annotation that did not say which version it was made on. */
export const UNKNOWN_VERSION = '0'.repeat(64)

/** Highlight colours as CSS, so other W3C clients can draw them. */
export const COLOR_CSS: Readonly<Record<ColorId, string>> = {
  yellow: '#fde68a',
  blue: '#bfdbfe',
  green: '#bbf7d0',
  orange: '#fed7aa',
  purple: '#e9d5ff',
}

interface TextualBody {
  readonly type: 'TextualBody'
  readonly purpose: 'commenting' | 'tagging' | 'classifying'
  readonly value: string
  readonly format?: string
}

export function toW3cAnnotation(a: Annotation, labels: ColorLabels): Record<string, unknown> {
  const body: TextualBody[] = []
  if (a.body.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.body.note, format: 'text/markdown' })
  for (const tag of a.body.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
  body.push({ type: 'TextualBody', purpose: 'classifying', value: labels[a.body.color] })
  const source = DOC_IRI_PREFIX + a.document
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.body.note ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    body,
    target: a.target
      ? { type: 'SpecificResource', source, styleClass: a.body.color, 'passerelles:docVersion': a.target.docVersion, selector: a.target.selector }
      : { type: 'SpecificResource', source, styleClass: a.body.color },
    ...(a.detachedQuote === undefined ? {} : { 'passerelles:detachedQuote': a.detachedQuote }),
  }
}

export function toW3cCollection(annotations: readonly Annotation[], labels: ColorLabels, generated: string): Record<string, unknown> {
  return {
    '@context': W3C_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Passerelles — annotations',
    generator: { type: 'Software', name: 'Passerelles' },
    generated,
    total: annotations.length,
    stylesheet: { type: 'CssStylesheet', value: COLOR_IDS.map((c) => `.${c} { background-color: ${COLOR_CSS[c]} }`).join(' ') },
    'passerelles:colorLabels': labels,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations.map((a) => toW3cAnnotation(a, labels)) },
  }
}

// ---- import ----

const UuidIri = z
  .string()
  .transform((s) => s.replace(/^urn:uuid:/i, '').toLowerCase())
  .pipe(z.string().uuid('id must be a UUID (urn:uuid:…)'))
const DocIri = z
  .string()
  .refine((s) => s.startsWith(DOC_IRI_PREFIX), `source must be a Passerelles document (${DOC_IRI_PREFIX}<id>)`)
  .transform((s) => s.slice(DOC_IRI_PREFIX.length))
  .pipe(DocIdSchema)
const Body = z.object({ type: z.literal('TextualBody'), purpose: z.string(), value: z.string() }).passthrough()
/** Our two selector kinds (checked again by the model); other kinds (RangeSelector…) are ignored. */
const QuoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string().default(''), suffix: z.string().default('') }).passthrough()
const PositionSelector = z.object({ type: z.literal('TextPositionSelector'), start: z.number(), end: z.number() }).passthrough()
const Selector = z.union([QuoteSelector, PositionSelector, z.object({ type: z.string() }).passthrough()])
const TargetObject = z
  .object({
    source: DocIri,
    styleClass: ColorIdSchema.optional(),
    'passerelles:docVersion': z.string().regex(/^[0-9a-f]{64}$/).optional(),
    selector: z.array(Selector).max(8).optional(),
  })
  .passthrough()
type Target = string | z.output<typeof TargetObject>

const issues = (e: z.ZodError, prefix: string): string =>
  e.issues.slice(0, 2).map((x) => `${[prefix, ...x.path].filter((k) => k !== '').join('.') || '(item)'}: ${x.message}`).join('; ')

/** The target: a document IRI or a SpecificResource; exactly one. */
function parseTarget(raw: unknown): { ok: true; target: Target } | { ok: false; message: string } {
  if (Array.isArray(raw) && raw.length !== 1) return { ok: false, message: 'target: only one target per annotation is supported' }
  const t: unknown = Array.isArray(raw) ? raw[0] : raw
  const parsed = typeof t === 'string' ? DocIri.safeParse(t) : TargetObject.safeParse(t)
  return parsed.success ? { ok: true, target: parsed.data } : { ok: false, message: issues(parsed.error, 'target') }
}

const W3cAnnotation = z
  .object({
    id: UuidIri,
    type: z.literal('Annotation'),
    created: IsoDateTimeSchema,
    modified: IsoDateTimeSchema.optional(),
    body: z.union([Body, z.array(Body)]).optional(),
    target: z.unknown(),
    'passerelles:detachedQuote': z.string().optional(),
  })
  .passthrough()

type ParsedW3c = z.output<typeof W3cAnnotation>

function fromParsed(w: ParsedW3c): unknown {
  const parsedTarget = parseTarget(w.target)
  if (!parsedTarget.ok) return { error: parsedTarget.message }
  const bodies = w.body === undefined ? [] : Array.isArray(w.body) ? w.body : [w.body]
  const note = bodies.filter((b) => b.purpose === 'commenting').map((b) => b.value).join('\n\n')
  const tags = bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value)
  const t = parsedTarget.target
  const document = typeof t === 'string' ? t : t.source
  const color = typeof t === 'string' ? 'yellow' : (t.styleClass ?? 'yellow')
  let target: unknown = null
  if (typeof t !== 'string' && t.selector?.length) {
    const quote = t.selector.map((s) => QuoteSelector.safeParse(s)).find((r) => r.success)?.data
    const pos = t.selector.map((s) => PositionSelector.safeParse(s)).find((r) => r.success)?.data
    if (!quote || !pos) return { error: 'a target needs both a TextQuoteSelector and a TextPositionSelector' }
    target = {
      source: document,
      docVersion: t['passerelles:docVersion'] ?? UNKNOWN_VERSION,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: pos.start, end: pos.end },
      ],
    }
  }
  return {
    id: w.id,
    type: 'Annotation',
    created: w.created,
    modified: w.modified ?? w.created,
    body: { note, tags, color },
    target,
    document,
    ...(w['passerelles:detachedQuote'] === undefined ? {} : { detachedQuote: w['passerelles:detachedQuote'] }),
  }
}

export type W3cImport =
  | { readonly ok: true; readonly annotations: readonly Annotation[]; readonly colorLabels: ColorLabels | null }
  | { readonly ok: false; readonly message: string }

function itemsOf(json: unknown): { items: unknown[]; labels: unknown } | null {
  if (Array.isArray(json)) return { items: json, labels: null }
  if (typeof json !== 'object' || json === null) return null
  const o = json as Record<string, unknown>
  if (o.type === 'Annotation') return { items: [o], labels: null }
  if (o.type === 'AnnotationPage' && Array.isArray(o.items)) return { items: o.items, labels: null }
  const first = o.first as Record<string, unknown> | undefined
  if (o.type === 'AnnotationCollection' && Array.isArray(first?.items)) return { items: first.items, labels: o['passerelles:colorLabels'] ?? null }
  return null
}

/** Parses a W3C document; all-or-nothing. Duplicate ids inside the file keep the latest `modified`. */
export function fromW3c(json: unknown): W3cImport {
  const found = itemsOf(json)
  if (!found) return { ok: false, message: 'Not a W3C annotation document: expected an AnnotationCollection, an AnnotationPage, an Annotation or an array of annotations.' }
  const problems: string[] = []
  const byId = new Map<string, Annotation>()
  found.items.forEach((item, i) => {
    const w = W3cAnnotation.safeParse(item)
    const converted = w.success ? fromParsed(w.data) : null
    const a = converted && !(typeof converted === 'object' && 'error' in converted) ? AnnotationSchema.safeParse(converted) : null
    if (!w.success) problems.push(`item ${i}: ${issues(w.error, '')}`)
    else if (!a) problems.push(`item ${i}: ${(converted as { error: string }).error}`)
    else if (!a.success) problems.push(`item ${i}: ${issues(a.error, '')}`)
    else {
      const prev = byId.get(a.data.id)
      if (!prev || Date.parse(a.data.modified) > Date.parse(prev.modified)) byId.set(a.data.id, a.data)
    }
  })
  if (problems.length) {
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''
    return { ok: false, message: `Nothing imported: ${problems.length} invalid annotation(s). ${problems.slice(0, 5).join(' | ')}${more}` }
  }
  const labels = found.labels === null ? null : ColorLabelsSchema.safeParse(found.labels)
  if (labels && !labels.success) return { ok: false, message: 'Nothing imported: passerelles:colorLabels is not a valid set of five colour labels.' }
  return { ok: true, annotations: [...byId.values()], colorLabels: labels?.data ?? null }
}
