/**
 * Where each annotation is in the current text of its document, computed on demand and cached.
 * A result is reused while the annotation record (same object: the store replaces records on every
 * change) and the document version are the same; anything else is re-anchored, in one batch per
 * document (reanchor.ts). A document missing from the pack makes its passages orphans.
 */
import { prepareText } from '../../shared/annotations/anchor'
import type { PreparedText } from '../../shared/annotations/anchor'
import { reanchorAll } from '../../shared/annotations/reanchor'
import type { AnchorView } from '../../shared/annotations/reanchor'
import type { Annotation } from '../../shared/annotations/model'
import type { DocText } from '../../shared/annotations/operations'

/** The content the annotations refer to (the content library, or a test double over real texts). */
export interface DocumentSource {
  /** Current version (content hash) of a document, without rendering it; null if not in the pack. */
  version(docId: string): string | null
  /** Current rendered text and version of a document; null if the pack no longer has it. */
  text(docId: string): DocText | null
  /** Documents in library order. */
  ids(): readonly string[]
}

export interface AnchorCache {
  /** Anchors for annotations that all belong to `docId`, checked against the document's current text. */
  anchors(docId: string, annotations: readonly Annotation[]): Map<string, AnchorView>
  /**
   * For the global list only: when every annotation of the document was made on its current version
   * (same content hash), their stored places are taken as they are, without rendering the document
   * (rendering the whole corpus costs seconds). Otherwise, like `anchors`. Never used to draw
   * highlights: the reader's per-document list always checks against the text.
   */
  listAnchors(docId: string, annotations: readonly Annotation[]): Map<string, AnchorView>
}

export function createAnchorCache(documents: DocumentSource): AnchorCache {
  const prepared = new Map<string, PreparedText>()
  /** Keyed by the record itself: a changed or deleted annotation's entry simply goes away. */
  const cached = new WeakMap<Annotation, { version: string | null; anchor: AnchorView }>()
  const cache: AnchorCache = {
    listAnchors(docId, annotations) {
      const version = documents.version(docId)
      if (version === null || annotations.some((a) => a.target && a.target.docVersion !== version)) return cache.anchors(docId, annotations)
      return new Map(
        annotations.map((a): [string, AnchorView] => {
          if (!a.target) return [a.id, { status: 'note' }]
          const [quote, pos] = a.target.selector
          return [a.id, cached.get(a)?.anchor ?? { status: 'anchored', start: pos.start, end: pos.end, quote: quote.exact, oldQuote: quote.exact, confidence: 1 }]
        }),
      )
    },
    anchors(docId, annotations) {
      const doc = documents.text(docId)
      const version = doc?.version ?? null
      let p = prepared.get(docId)
      if (doc && p?.version !== doc.version) prepared.set(docId, (p = prepareText(doc.text, doc.version)))
      const out = new Map<string, AnchorView>()
      const stale: Annotation[] = []
      for (const a of annotations) {
        const hit = cached.get(a)
        if (hit && hit.version === version) out.set(a.id, hit.anchor)
        else if (!a.target) out.set(a.id, { status: 'note' })
        else if (!doc) out.set(a.id, { status: 'orphan', oldQuote: a.target.selector[0].exact, reason: 'document-missing', bestScore: 0 })
        else stale.push(a)
      }
      if (stale.length && p) {
        const results = reanchorAll(p, stale.map((a) => ({ id: a.id, target: a.target! })))
        for (const a of stale) out.set(a.id, results.get(a.id)!)
      }
      for (const a of annotations) cached.set(a, { version, anchor: out.get(a.id)! })
      return out
    },
  }
  return cache
}
