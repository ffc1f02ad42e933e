/**
 * Reading W3C Web Annotation JSON: what `write.ts` writes, what older versions of Passerelles wrote
 * (`urn:passerelles:doc:` sources, `passerelles:`-prefixed terms, a collection-level stylesheet) and
 * what other tools write: an `AnnotationCollection` (with `first.items` or inline `items`), an
 * `AnnotationPage`, a bare array or one `Annotation`; ids that are not UUIDs; a `target` given as an
 * IRI, an object or an array of one; one selector or several; notes as `bodyValue` or as a
 * TextualBody without purpose; tags as people type them (`#économie sociale`, normalised by tags.ts).
 *
 * Each item becomes either a `ready` annotation (a Passerelles document with both selectors, or a
 * note on a whole document: taken exactly as written) or a passage to `place` (quote only, or a
 * source that is not a document of this library), which place.ts finds with the anchoring engine.
 * Nothing here decides to keep a file: every problem is returned with its item, and the caller
 * imports all or nothing.
 */
import type { z } from 'zod'
import { AnnotationSchema, COLOR_IDS, ColorLabelsSchema, MAX_QUOTE, QUOTE_CONTEXT, TagSchema } from '../model'
import type { Annotation, AnnotationBody, ColorId, ColorLabels } from '../model'
import { normalizeTag } from '../tags'
import { UNKNOWN_VERSION, contentUuid, documentOfIri } from './vocabulary'

/** A quote with its context, cut to the context the model keeps. */
export interface QuoteSelector {
  readonly exact: string
  readonly prefix: string
  readonly suffix: string
}

/** Everything of an annotation but where it points. */
export interface Draft {
  readonly id: string
  readonly created: string
  readonly modified: string
  readonly body: AnnotationBody
  readonly detachedQuote?: string
}

export type ReadItem =
  | { readonly kind: 'ready'; readonly index: number; readonly annotation: Annotation }
  | {
      readonly kind: 'place'
      readonly index: number
      /** The id as the file writes it (for messages), when it has one. */
      readonly writtenId: string | null
      readonly draft: Draft
      /** The Passerelles document named by the source, or null for a foreign source. */
      readonly document: string | null
      readonly source: string
      readonly quote: QuoteSelector
      /** A TextPositionSelector in a Passerelles document: where to look first. */
      readonly position: { readonly start: number; readonly end: number } | null
    }

export interface ItemProblem {
  /** 0-based position of the item in the file. */
  readonly index: number
  /** The item's id as written, when it has one. */
  readonly id: string | null
  readonly reason: string
}

export type W3cRead =
  | { readonly ok: true; readonly items: readonly ReadItem[]; readonly problems: readonly ItemProblem[]; readonly colorLabels: ColorLabels | null }
  | { readonly ok: false; readonly message: string }

type Obj = Record<string, unknown>
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
/** `type` may be a string or an array of strings (JSON-LD); `@type` is the same key. */
const hasType = (o: Obj, type: string): boolean => asArray(o.type ?? o['@type']).includes(type)
/** Our own terms, as this version writes them or with the prefix older versions used. */
const term = (o: Obj, name: string): unknown => o[name] ?? o[`passerelles:${name}`]

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function itemsOf(json: unknown): { items: unknown[]; labels: unknown } | null {
  if (Array.isArray(json)) return { items: json, labels: undefined }
  if (!isObject(json)) return null
  if (hasType(json, 'Annotation')) return { items: [json], labels: undefined }
  if (hasType(json, 'AnnotationPage')) return { items: asArray(json.items), labels: undefined }
  if (!hasType(json, 'AnnotationCollection')) return null
  const labels = term(json, 'colorLabels')
  if (Array.isArray(json.items)) return { items: json.items, labels }
  // Pages given inline: `first`, then each page's `next` when it is an object too.
  const items: unknown[] = []
  for (let page: unknown = json.first, n = 0; isObject(page) && n < 10_000; page = page.next, n++) items.push(...asArray(page.items))
  if (json.first !== undefined && !isObject(json.first)) return null
  return { items, labels }
}

/** A UUID as is; any other id becomes a UUID derived from it, so importing the same file twice adds nothing. */
function idOf(raw: unknown, item: unknown): string {
  if (typeof raw === 'string' && raw.trim() !== '') {
    const bare = raw.trim().replace(/^urn:uuid:/i, '')
    return UUID.test(bare) ? bare.toLowerCase() : contentUuid(`w3c-id:${raw.trim()}`)
  }
  return contentUuid(`w3c-item:${JSON.stringify(item)}`)
}

function bodyOf(item: Obj, color: ColorId): AnnotationBody {
  const notes: string[] = typeof item.bodyValue === 'string' && item.bodyValue !== '' ? [item.bodyValue] : []
  const tags: string[] = []
  for (const b of asArray(item.body)) {
    if (!isObject(b) || typeof b.value !== 'string') continue
    const purpose = asArray(b.purpose)
    if (purpose.includes('tagging')) {
      // A stored tag as is (round trips stay exact); else as people type them (tags.ts); else left for the schema to name.
      const t = TagSchema.safeParse(b.value).success ? null : normalizeTag(b.value)
      tags.push(t?.ok ? t.tag : b.value)
    }
    else if (purpose.includes('classifying')) continue // the colour's label: carried by the collection's colorLabels
    else if (b.value !== '') notes.push(b.value)
  }
  return { note: notes.join('\n\n'), tags, color }
}

/** The one target of an annotation, as an object with a source. */
function targetOf(raw: unknown): { ok: true; target: Obj } | { ok: false; reason: string } {
  const list = asArray(raw)
  if (list.length === 0) return { ok: false, reason: 'it has no target' }
  if (list.length > 1) return { ok: false, reason: `it has ${list.length} targets; an annotation of Passerelles points at one passage` }
  const t = list[0]
  if (typeof t === 'string') return { ok: true, target: { source: t } }
  if (!isObject(t)) return { ok: false, reason: 'its target is neither an IRI nor an object' }
  if (typeof t.source === 'string') return { ok: true, target: t }
  if (typeof t.id === 'string' && t.selector === undefined) return { ok: true, target: { source: t.id } }
  return { ok: false, reason: 'its target has no source' }
}

function selectorsOf(target: Obj): { quote: QuoteSelector | null; position: { start: number; end: number } | null } {
  let quote: QuoteSelector | null = null
  let position: { start: number; end: number } | null = null
  for (const s of asArray(target.selector)) {
    if (!isObject(s)) continue
    if (!quote && hasType(s, 'TextQuoteSelector') && typeof s.exact === 'string') {
      // The model keeps QUOTE_CONTEXT characters each side (the ones next to the quote).
      const prefix = typeof s.prefix === 'string' ? s.prefix.slice(-QUOTE_CONTEXT) : ''
      const suffix = typeof s.suffix === 'string' ? s.suffix.slice(0, QUOTE_CONTEXT) : ''
      quote = { exact: s.exact, prefix, suffix }
    }
    if (!position && hasType(s, 'TextPositionSelector') && Number.isInteger(s.start) && Number.isInteger(s.end)) {
      position = { start: s.start as number, end: s.end as number }
    }
  }
  return { quote, position }
}

const firstIssue = (e: z.ZodError): string => {
  const i = e.issues[0]
  return i ? `${i.path.map(String).join('.') || '(annotation)'}: ${i.message}` : 'invalid'
}

/** One item: a ready annotation, a passage to place, or why it cannot be imported. */
function readItem(item: unknown, index: number): ReadItem | ItemProblem {
  const rawId = isObject(item) && typeof item.id === 'string' ? item.id : null
  const problem = (reason: string): ItemProblem => ({ index, id: rawId, reason })
  if (!isObject(item)) return problem('it is not an object')
  if (!hasType(item, 'Annotation')) return problem('it is not of type Annotation')
  if (typeof item.id === 'string' && /^urn:uuid:/i.test(item.id.trim()) && !UUID.test(item.id.trim().slice(9))) return problem('its id is a urn:uuid: IRI whose UUID is not valid')
  const created = typeof item.created === 'string' ? item.created : typeof item.modified === 'string' ? item.modified : undefined
  if (created === undefined) return problem('it has no creation date (created)')
  const t = targetOf(item.target)
  if (!t.ok) return problem(t.reason)
  const target = t.target
  const source = target.source as string
  const color = COLOR_IDS.find((c) => c === target.styleClass) ?? 'yellow'
  const detachedQuote = term(item, 'detachedQuote')
  const draft: Draft = {
    id: idOf(item.id, item),
    created,
    modified: typeof item.modified === 'string' ? item.modified : created,
    body: bodyOf(item, color),
    ...(typeof detachedQuote === 'string' ? { detachedQuote } : {}),
  }
  const document = documentOfIri(source)
  // Other tools' style classes mean nothing here (yellow, the default, is used); in a target of ours, an unknown one is damage.
  if (document !== null && target.styleClass !== undefined && !COLOR_IDS.some((c) => c === target.styleClass)) {
    return problem(`its colour (styleClass) ${JSON.stringify(target.styleClass)} is not one of ${COLOR_IDS.join(', ')}`)
  }
  // Dates, body and id are checked now, with the target left out, so each reason is given once.
  const base = AnnotationSchema.safeParse({ ...draft, type: 'Annotation', target: null, document: document ?? 'x' })
  if (!base.success) return problem(firstIssue(base.error))
  const { quote, position } = selectorsOf(target)
  if (quote !== null && (quote.exact === '' || quote.exact.length > MAX_QUOTE)) return problem(`its quote must have 1 to ${MAX_QUOTE} characters`)
  if (document === null) {
    if (quote === null) return problem(`its source ${JSON.stringify(source.slice(0, 200))} is not a document of Passerelles and it has no quote to find the passage by`)
    return { kind: 'place', index, writtenId: rawId, draft, document: null, source, quote, position: null }
  }
  if (quote === null && position === null) return { kind: 'ready', index, annotation: base.data }
  if (quote === null) return problem('it has a position but no quote (TextQuoteSelector) to check it against')
  if (position === null) return { kind: 'place', index, writtenId: rawId, draft, document, source, quote, position: null }
  const version = term(target, 'docVersion')
  const full = AnnotationSchema.safeParse({
    ...draft,
    type: 'Annotation',
    document,
    target: {
      source: document,
      docVersion: typeof version === 'string' ? version : UNKNOWN_VERSION,
      selector: [
        { type: 'TextQuoteSelector', ...quote },
        { type: 'TextPositionSelector', ...position },
      ],
    },
  })
  return full.success ? { kind: 'ready', index, annotation: full.data } : problem(firstIssue(full.error))
}

/** Reads a parsed W3C document. Fails as a whole only when it is not one, or its colour labels are invalid. */
export function readW3c(json: unknown): W3cRead {
  const found = itemsOf(json)
  if (!found) return { ok: false, message: 'Not a W3C annotation document: expected an AnnotationCollection, an AnnotationPage, an Annotation or an array of annotations.' }
  let colorLabels: ColorLabels | null = null
  if (found.labels !== undefined) {
    const parsed = ColorLabelsSchema.safeParse(found.labels)
    if (!parsed.success) return { ok: false, message: `colorLabels is not a valid set of five colour labels (${firstIssue(parsed.error)}).` }
    colorLabels = parsed.data
  }
  const items: ReadItem[] = []
  const problems: ItemProblem[] = []
  found.items.forEach((raw, i) => {
    const r = readItem(raw, i)
    if ('kind' in r) items.push(r)
    else problems.push(r)
  })
  return { ok: true, items, problems, colorLabels }
}
