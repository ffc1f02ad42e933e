/**
 * Placing imported passages that came without a position we can trust, with the anchoring engine
 * (anchor.ts), never at random:
 *
 *  - a quote in a Passerelles document → the engine's chain (exact quote trusted by its context or
 *    its length, else fuzzy). Trusted: fresh selectors on the current text (`anchored`). Fuzzy:
 *    the quote is kept as written, at the place found, so the reader is asked to confirm it, as for
 *    any fuzzy anchor. Not found: a problem.
 *  - a quote from a source that is not a document of this library → looked for in every document,
 *    exact and trusted only (context or a long unique quote). One document: placed there. None or
 *    several: a problem naming them.
 *
 * `ready` items pass through unchanged. The result says, for each item, how it was placed.
 */
import { anchorTarget, prepareText } from '../anchor'
import type { AnchorResult, PreparedText } from '../anchor'
import { AnnotationSchema } from '../model'
import type { Annotation, AnnotationTarget } from '../model'
import type { DocText } from '../operations'
import { buildSelectors } from '../selectors'
import type { ItemProblem, QuoteSelector, ReadItem } from './read'
import { UNKNOWN_VERSION } from './vocabulary'

/** The library's current texts (the content library, or test texts). */
export interface PlacementLibrary {
  ids(): readonly string[]
  text(docId: string): DocText | null
}

/** How an imported annotation found its passage. */
export type Placement = 'as-written' | 'by-quote' | 'in-library'

export interface Placed {
  readonly index: number
  readonly annotation: Annotation
  readonly placement: Placement
  /** The source as written in the file, when it was not a Passerelles document. */
  readonly source?: string
}

export interface Placing {
  readonly placed: readonly Placed[]
  readonly problems: readonly ItemProblem[]
}

function synthetic(docId: string, quote: QuoteSelector, start: number): AnnotationTarget {
  return {
    source: docId,
    docVersion: UNKNOWN_VERSION,
    selector: [
      { type: 'TextQuoteSelector', ...quote },
      { type: 'TextPositionSelector', start, end: start + quote.exact.length },
    ],
  }
}

type Found = Extract<AnchorResult, { start: number }>

/** The annotation at what the engine found: fresh selectors when trusted, the written quote when fuzzy. */
function annotationAt(item: Extract<ReadItem, { kind: 'place' }>, docId: string, doc: DocText, found: Found): Annotation | string {
  let target: AnnotationTarget
  if (found.status === 'fuzzy') {
    target = { ...synthetic(docId, item.quote, found.start), selector: [{ type: 'TextQuoteSelector', ...item.quote }, { type: 'TextPositionSelector', start: found.start, end: found.end }] }
  } else {
    const built = buildSelectors(doc.text, found.start, found.end)
    if (!built.ok) return built.message
    target = { source: docId, docVersion: doc.version, selector: [built.selectors[0], built.selectors[1]] }
  }
  const parsed = AnnotationSchema.safeParse({ ...item.draft, type: 'Annotation', document: docId, target })
  return parsed.success ? parsed.data : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
}

function occurrences(text: string, exact: string): number {
  let n = 0
  for (let i = text.indexOf(exact); i !== -1 && n < 100; i = text.indexOf(exact, i + 1)) n++
  return n
}

/**
 * Other tools often write a quote without context. The engine cannot trust a short one (its context
 * counts as « at the edge of the text »); in the document the source names, a quote found exactly
 * once is that passage. Several occurrences stay a problem: no guessing.
 */
function uniqueBareQuote(text: string, quote: QuoteSelector, engine: AnchorResult | null): AnchorResult {
  const orphan: AnchorResult = engine ?? { status: 'orphan', oldQuote: quote.exact, reason: 'no-match', bestScore: 0 }
  if (quote.prefix !== '' || quote.suffix !== '' || occurrences(text, quote.exact) !== 1) return orphan
  const start = text.indexOf(quote.exact)
  return { status: 'anchored', start, end: start + quote.exact.length, quote: quote.exact, oldQuote: quote.exact, confidence: 1 }
}

export function placeAll(items: readonly ReadItem[], library: PlacementLibrary): Placing {
  const prepared = new Map<string, { doc: DocText; text: PreparedText } | null>()
  const prepare = (docId: string) => {
    if (!prepared.has(docId)) {
      const doc = library.text(docId)
      prepared.set(docId, doc ? { doc, text: prepareText(doc.text, doc.version) } : null)
    }
    return prepared.get(docId)!
  }
  const placed: Placed[] = []
  const problems: ItemProblem[] = []
  for (const item of items) {
    if (item.kind === 'ready') {
      placed.push({ index: item.index, annotation: item.annotation, placement: 'as-written' })
      continue
    }
    const problem = (reason: string): void => void problems.push({ index: item.index, id: item.writtenId, reason })
    if (item.document !== null) {
      const p = prepare(item.document)
      if (!p) {
        problem(`its document "${item.document}" is not in this library, so its quote cannot be placed`)
        continue
      }
      const engine = anchorTarget(p.text, synthetic(item.document, item.quote, item.position?.start ?? 0))
      const found = !engine || engine.status === 'orphan' ? uniqueBareQuote(p.doc.text, item.quote, engine) : engine
      if (found.status === 'orphan') {
        const more = occurrences(p.doc.text, item.quote.exact)
        if (more > 1) {
          problem(`its quote appears ${more} times in "${item.document}" and it has no context (prefix, suffix) to choose one`)
          continue
        }
        problem(`its quote was not found in "${item.document}" (best candidate scored ${found.bestScore.toFixed(2)})`)
        continue
      }
      const a = annotationAt(item, item.document, p.doc, found)
      if (typeof a === 'string') problem(a)
      else placed.push({ index: item.index, annotation: a, placement: 'by-quote' })
      continue
    }
    const hits: { docId: string; found: Found }[] = []
    for (const docId of library.ids()) {
      const p = prepare(docId)
      const found = p ? anchorTarget(p.text, synthetic(docId, item.quote, 0), { exactOnly: true }) : null
      if (found && found.status !== 'orphan') hits.push({ docId, found })
    }
    const from = `its source ${JSON.stringify(item.source.slice(0, 200))} is not a document of Passerelles`
    if (hits.length === 0) {
      problem(`${from}, and no document of the library holds its quote with its context`)
      continue
    }
    if (hits.length > 1) {
      problem(`${from}, and its quote is in ${hits.length} documents (${hits.map((h) => h.docId).slice(0, 5).join(', ')}): it is not attached at random`)
      continue
    }
    const hit = hits[0]!
    const a = annotationAt(item, hit.docId, prepare(hit.docId)!.doc, hit.found)
    if (typeof a === 'string') problem(a)
    else placed.push({ index: item.index, annotation: a, placement: 'in-library', source: item.source })
  }
  return { placed, problems }
}
