/**
 * Writing annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): an
 * `AnnotationCollection` whose first `AnnotationPage` holds every annotation. The only writer: the
 * export screen, `cli export --format json` and `cli annotations export` all produce this form, and
 * `read.ts` reads it back to the identical store (annotations and colour labels).
 *
 * Mapping of one annotation:
 *   id                → "urn:uuid:<id>"
 *   body.note         → TextualBody, purpose "commenting", format "text/markdown" (omitted if empty)
 *   body.tags         → one TextualBody per tag, purpose "tagging" (in order)
 *   body.color        → target.styleClass, with a CssStylesheet giving the class its colour; the
 *                       user's label for it as a TextualBody with purpose "classifying"
 *   document          → target.source "passerelles://open/<docId>" (a SpecificResource)
 *   target.selector   → the same TextQuoteSelector and TextPositionSelector
 *   target.docVersion → target.docVersion (our term)
 *   target null       → a SpecificResource with a source and no selector (a note on the whole document)
 *   detachedQuote     → detachedQuote (our term), on the annotation
 * The collection carries the colour labels (`colorLabels`) and, when known, each target's
 * re-anchoring state (`anchorState`, information only: it is computed again on import).
 */
import type { Annotation, ColorId, ColorLabels } from '../model'
import { COLOR_CSS } from '../colors'
import { W3C_CONTEXT, contentUuid, documentIri } from './vocabulary'

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

function stylesheet(color: ColorId): Json {
  return { type: 'CssStylesheet', value: `.${color} { background-color: ${COLOR_CSS[color]}; }` }
}

/**
 * One annotation. `label` (the colour's meaning, a « classifying » body) and `anchorState` are
 * written when given: both are for readers of the file, and neither is read back.
 */
export function toW3cAnnotation(a: Annotation, label?: string, anchorState?: string): { [key: string]: Json } {
  const body: Json[] = []
  if (a.body.note !== '') body.push({ type: 'TextualBody', value: a.body.note, format: 'text/markdown', purpose: 'commenting' })
  for (const tag of a.body.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  if (label !== undefined) body.push({ type: 'TextualBody', value: label, purpose: 'classifying' })
  const target: { [key: string]: Json } = { type: 'SpecificResource', source: documentIri(a.document), styleClass: a.body.color }
  if (a.target !== null) {
    const [quote, position] = a.target.selector
    target.docVersion = a.target.docVersion
    target.selector = [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: position.start, end: position.end },
    ]
  }
  if (anchorState !== undefined) target.anchorState = anchorState
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.body.note !== '' ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    stylesheet: stylesheet(a.body.color),
    ...(body.length ? { body } : {}),
    target,
    ...(a.detachedQuote === undefined ? {} : { detachedQuote: a.detachedQuote }),
  }
}

export interface W3cCollectionInput {
  /** In the order to write; a repeated id is written once (its first occurrence). */
  readonly annotations: readonly Annotation[]
  readonly colorLabels: ColorLabels
  /** The collection's label (an export's title). */
  readonly title: string
  /** ISO date-time of the export; with the ids, it makes the collection's id. */
  readonly generated: string
  /** The text of the « classifying » body (default: the colour's label). */
  readonly labelOf?: (color: ColorId) => string
  /** The re-anchoring state of each annotation, when the writer knows it. */
  readonly stateOf?: (a: Annotation) => string
  /** Properties written after the collection's own (the export's `workshopAnswers`); readers ignore them. */
  readonly extra?: Readonly<Record<string, Json>>
}

/** The collection as JSON text (pretty-printed, final newline), and how many annotations it holds. */
export function renderW3cCollection(input: W3cCollectionInput): { content: string; count: number } {
  const labelOf = input.labelOf ?? ((c: ColorId) => input.colorLabels[c])
  const seen = new Set<string>()
  const items: Json[] = []
  for (const a of input.annotations) {
    if (seen.has(a.id)) continue
    seen.add(a.id)
    items.push(toW3cAnnotation(a, labelOf(a.body.color), input.stateOf?.(a)))
  }
  const id = `urn:uuid:${contentUuid(`${input.generated}\n${[...seen].join('\n')}`)}`
  const collection: { [key: string]: Json } = {
    '@context': W3C_CONTEXT as unknown as Json,
    id,
    type: 'AnnotationCollection',
    label: input.title,
    generator: { type: 'Software', name: 'Passerelles' },
    generated: input.generated,
    total: items.length,
    colorLabels: { ...input.colorLabels },
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
    ...input.extra,
  }
  return { content: `${JSON.stringify(collection, null, 2)}\n`, count: items.length }
}
