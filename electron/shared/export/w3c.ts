/**
 * W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/, …/annotation-vocab/):
 * an `AnnotationCollection` whose first `AnnotationPage` holds every annotation.
 *
 * Mapping of one annotation (lossless both ways, see `fromW3C`):
 *   id                → "urn:uuid:<id>"
 *   body.note         → TextualBody, purpose "commenting", format "text/markdown" (omitted if empty)
 *   body.tags         → one TextualBody per tag, purpose "tagging" (in order)
 *   body.color        → target.styleClass, with a CssStylesheet giving the class its colour; the
 *                       user's label for it as a TextualBody with purpose "classifying"
 *   target.source     → target.source "passerelles://open/<docId>" (a SpecificResource)
 *   target.selector   → the same TextQuoteSelector and TextPositionSelector
 *   target.docVersion → target.docVersion, a term of our own declared in the @context
 *   target null       → a SpecificResource with a source and no selector (a note on the whole document)
 */
import { AnnotationSchema, COLOR_IDS } from '../annotations/model'
import type { Annotation, ColorId } from '../annotations/model'
import { err, ok } from '../result'
import type { Result } from '../result'
import { documentLink } from './deep-link'
import { colorLabel, stateOf } from './group'
import { exportStrings } from './strings'
import type { ExportInput, ExportOptions, ExportPlugin, ExportResult } from './types'

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
export const PASSERELLES_VOCAB = 'https://passerelles.invalid/ns#'
const CONTEXT = [W3C_CONTEXT, { passerelles: PASSERELLES_VOCAB, docVersion: 'passerelles:docVersion', anchorState: 'passerelles:anchorState' }] as const

/** Highlight colours as CSS, so a generic W3C client can draw them. */
export const COLOR_CSS: Readonly<Record<ColorId, string>> = {
  yellow: '#f6d86b',
  blue: '#8cc4f2',
  green: '#9ad49a',
  orange: '#f5b56b',
  purple: '#c9a7ec',
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

function stylesheet(color: ColorId): Json {
  return { type: 'CssStylesheet', value: `.${color} { background-color: ${COLOR_CSS[color]}; }` }
}

export function toW3C(a: Annotation, label: string, anchorState: string): { [key: string]: Json } {
  const body: Json[] = []
  if (a.body.note !== '') body.push({ type: 'TextualBody', value: a.body.note, format: 'text/markdown', purpose: 'commenting' })
  for (const tag of a.body.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  body.push({ type: 'TextualBody', value: label, purpose: 'classifying' })
  const target: { [key: string]: Json } = { type: 'SpecificResource', source: documentLink(a.document), styleClass: a.body.color }
  if (a.target !== null) {
    const [quote, position] = a.target.selector
    target.docVersion = a.target.docVersion
    target.selector = [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: position.start, end: position.end },
    ]
  }
  target.anchorState = anchorState
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.body.note !== '' ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    stylesheet: stylesheet(a.body.color),
    body,
    target,
  }
}

/** A deterministic UUID (version 8, RFC 9562 "custom") for the collection, from its content. */
export function contentUuid(text: string): string {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export function renderW3C(input: ExportInput, options: ExportOptions): { content: string; count: number } {
  const strings = exportStrings(options.language)
  const seen = new Set<string>()
  const items: Json[] = []
  for (const a of input.annotations) {
    if (seen.has(a.id)) continue
    seen.add(a.id)
    items.push(toW3C(a, colorLabel(input, a.body.color, strings), stateOf(a, input.states)))
  }
  const id = `urn:uuid:${contentUuid(`${input.meta.exported}\n${[...seen].join('\n')}`)}`
  const collection = {
    '@context': CONTEXT as unknown as Json,
    id,
    type: 'AnnotationCollection',
    label: input.meta.title,
    total: items.length,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  }
  return { content: `${JSON.stringify(collection, null, 2)}\n`, count: items.length }
}

export const w3cPlugin: ExportPlugin = {
  format: 'json',
  extension: '.json',
  mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  export(input, options): ExportResult {
    const { content, count } = renderW3C(input, options)
    return { format: 'json', extension: '.json', mediaType: this.mediaType, content, count }
  },
}

// ————— Reading back —————

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])

function fromOne(item: unknown, index: number): Result<Annotation> {
  const where = `annotation ${index + 1}`
  if (!isObject(item)) return err('corrupt', `${where} is not an object`)
  const id = typeof item.id === 'string' ? item.id.replace(/^urn:uuid:/i, '') : ''
  const bodies = asArray(item.body).filter(isObject)
  const notes = bodies.filter((b) => b.purpose === 'commenting')
  if (notes.length > 1) return err('corrupt', `${where} has more than one note`)
  const target = item.target
  if (!isObject(target) || typeof target.source !== 'string') return err('corrupt', `${where} has no target with a source`)
  const doc = /^passerelles:\/\/open\/([a-z0-9-]+)$/.exec(target.source)
  if (!doc) return err('corrupt', `${where} does not target a Passerelles document`)
  const selectors = asArray(target.selector).filter(isObject)
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector')
  const position = selectors.find((s) => s.type === 'TextPositionSelector')
  const candidate = {
    id,
    type: item.type,
    created: item.created,
    modified: item.modified,
    body: {
      note: notes[0]?.value ?? '',
      tags: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
      color: COLOR_IDS.find((c) => c === target.styleClass) ?? target.styleClass,
    },
    target:
      selectors.length === 0
        ? null
        : {
            source: doc[1],
            docVersion: target.docVersion,
            selector: [
              quote && { type: quote.type, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
              position && { type: position.type, start: position.start, end: position.end },
            ],
          },
    document: doc[1],
  }
  const parsed = AnnotationSchema.safeParse(candidate)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return err('corrupt', `${where} is not a valid Passerelles annotation (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`)
  }
  return ok(parsed.data)
}

/**
 * Reads W3C JSON written by `renderW3C` (a collection, a page, an array or one annotation) back into
 * annotations. All or nothing: the first bad item is reported and nothing is returned.
 */
export function fromW3C(json: unknown): Result<Annotation[]> {
  let items: unknown[]
  if (Array.isArray(json)) items = json
  else if (isObject(json) && json.type === 'AnnotationCollection') items = isObject(json.first) ? asArray(json.first.items) : []
  else if (isObject(json) && json.type === 'AnnotationPage') items = asArray(json.items)
  else if (isObject(json) && json.type === 'Annotation') items = [json]
  else return err('corrupt', 'this is not W3C annotation JSON (no AnnotationCollection, AnnotationPage or Annotation)')
  const out: Annotation[] = []
  for (let i = 0; i < items.length; i++) {
    const r = fromOne(items[i], i)
    if (!r.ok) return r
    out.push(r.value)
  }
  return ok(out)
}
