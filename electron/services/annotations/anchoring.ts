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
  /** Current rendered text and version of a document; null if the pack no longer has it. */
  text(docId: string): DocText | null
  /** Documents in library order. */
  ids(): readonly string[]
}

export interface AnchorCache {
  /** Anchors for annotations that all belong to `docId`. */
  anchors(docId: string, annotations: readonly Annotation[]): Map<string, AnchorView>
}

export function createAnchorCache(documents: DocumentSource): AnchorCache {
  const prepared = new Map<string, PreparedText>()
  /** Keyed by the record itself: a changed or deleted annotation's entry simply goes away. */
  const cached = new WeakMap<Annotation, { version: string | null; anchor: AnchorView }>()
  return {
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
}
