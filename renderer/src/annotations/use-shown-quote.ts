/**
 * The passage of an annotation as it reads: its document's text between the anchor's offsets with
 * the footnote calls and « ↩ » left out (shared/text/apparatus.ts, as exports and snippets do).
 * In the reader the open document is at hand; elsewhere (« Mes notes ») the document's text and
 * apparatus are fetched once per document and kept (text only, not the HTML). When the text at the
 * offsets is not the anchor's quote (another version), the quote is shown as found.
 */
import { useEffect, useState } from 'react'
import type { ApparatusRange } from '../../../electron/shared/content/document'
import type { AnchorView } from '../../../electron/shared/annotations/reanchor'
import { shownText } from '../../../electron/shared/text/apparatus'
import { useReader } from '../reader/reader-context'
import { loadDocument } from '../lib/library-data'

interface TextAndApparatus {
  readonly text: string
  readonly apparatus: readonly ApparatusRange[]
}

const fetched = new Map<string, Promise<TextAndApparatus>>()

function textOf(docId: string): Promise<TextAndApparatus> {
  let p = fetched.get(docId)
  if (!p) {
    p = loadDocument(docId).then((d) => ({ text: d.text, apparatus: d.apparatus }))
    p.catch(() => fetched.delete(docId))
    fetched.set(docId, p)
  }
  return p
}

function shown(doc: TextAndApparatus, anchor: { start: number; end: number; quote: string }): string {
  return doc.text.slice(anchor.start, anchor.end) === anchor.quote ? shownText(doc.text, doc.apparatus, anchor.start, anchor.end) : anchor.quote
}

/** The quote to show for a placed annotation of `docId` (anchored, moved or fuzzy). */
export function useShownQuote(docId: string, anchor: AnchorView): string | null {
  const reader = useReader()
  const placed = anchor.status === 'anchored' || anchor.status === 'moved' || anchor.status === 'fuzzy' ? anchor : null
  const local = reader?.doc.summary.id === docId ? reader.doc : null
  const [remote, setRemote] = useState<string | null>(null)
  useEffect(() => {
    if (!placed || local) return
    let live = true
    textOf(docId).then(
      (d) => live && setRemote(shown(d, placed)),
      () => live && setRemote(null),
    )
    return () => {
      live = false
    }
  }, [docId, local, placed?.start, placed?.end, placed?.quote]) // eslint-disable-line react-hooks/exhaustive-deps
  if (!placed) return null
  if (local) return shown(local, placed)
  return remote ?? placed.quote
}
