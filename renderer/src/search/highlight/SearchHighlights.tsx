/**
 * Search matches in the reader: asks the search service where the query matches in this document's
 * text, marks every match with the CSS Custom Highlight API (no change to the document's DOM, so
 * nothing else in the reader is disturbed and text offsets stay valid), starts at the first match
 * of the section the result pointed to, and offers previous/next (buttons, F3 / Shift+F3).
 * Lives in its own module: DocumentView only renders <SearchHighlights>.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RefObject } from 'react'
import type { RenderedDocument } from '../../../../electron/shared/content/document'
import { api } from '../../lib/api'
import { replaceRoute } from '../../app/route'
import { useT } from '../../i18n/i18n'
import { textIndexFor } from '../../lib/text-offsets'
import { useDomVersion } from '../../lib/use-dom-version'

export const MATCH_HIGHLIGHT = 'search-match'
export const CURRENT_HIGHLIGHT = 'search-current'

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
}

function clear(): void {
  if (!supported()) return
  CSS.highlights.delete(MATCH_HIGHLIGHT)
  CSS.highlights.delete(CURRENT_HIGHLIGHT)
}

interface Found {
  /** The matches as text offsets: Ranges are rebuilt from them whenever the body's DOM changes. */
  readonly offsets: readonly { readonly start: number; readonly end: number }[]
  readonly current: number
}

export function SearchHighlights(props: {
  doc: RenderedDocument
  body: RefObject<HTMLDivElement | null>
  query: string | null
  anchor: string | null
  /** Called with the match just centred on screen (the contents then follow it, not the top line). */
  onJump?: (target: Range) => void
}): React.JSX.Element | null {
  const { doc, body, query, anchor, onJump } = props
  const t = useT()
  const [found, setFound] = useState<Found | null>(null)
  const [dismissed, setDismissed] = useState(false)
  const docId = doc.summary.id

  useEffect(() => {
    setDismissed(false)
    setFound(null)
    if (!query) return
    let live = true
    // Answered after DocumentBody has put the document's HTML in place (same commit, earlier effect).
    void api.search.locate({ q: query, docId }).then((r) => {
      if (!live || !r.ok) return
      const sectionStart = doc.sections.find((s) => s.id === anchor)?.start ?? 0
      const first = r.value.ranges.findIndex((x) => x.start >= sectionStart)
      setFound({ offsets: r.value.ranges, current: Math.max(0, first) })
    })
    return () => {
      live = false
    }
  }, [docId, query, anchor, body, doc.sections])

  // Painted from the offsets, again whenever the body's DOM changes (glossary links wrap text after
  // the document is shown: Ranges made before would lose the words they wrap).
  const domVersion = useDomVersion(body.current)
  const ranges = useMemo(() => {
    void domVersion
    const root = body.current
    if (!found || !root) return []
    const index = textIndexFor(root)
    return found.offsets.map((o) => index.range(o.start, o.end)).filter((r): r is Range => r !== null)
  }, [found, body, domVersion])
  useEffect(() => {
    if (!found || dismissed || ranges.length === 0) return clear()
    if (supported()) {
      CSS.highlights.set(MATCH_HIGHLIGHT, new Highlight(...ranges))
      const current = new Highlight(ranges[found.current]!)
      current.priority = 1
      CSS.highlights.set(CURRENT_HIGHLIGHT, current)
    }
    return clear
  }, [found, dismissed, ranges])
  // Centre the current match (its paragraph may be taller than the window) when it changes, not
  // when the DOM merely changed around it: the page must not jump while the reader scrolls.
  const centred = useRef<Found | null>(null)
  useEffect(() => {
    const range = found && !dismissed ? ranges[found.current] : undefined
    if (!range || centred.current === found) return
    centred.current = found
    const rect = range.getBoundingClientRect()
    window.scrollBy({ top: rect.top + rect.height / 2 - window.innerHeight / 2 })
    onJump?.(range)
  }, [found, dismissed, ranges, onJump])

  const step = useCallback((delta: number) => {
    setFound((f) => (f && f.offsets.length > 0 ? { ...f, current: (f.current + delta + f.offsets.length) % f.offsets.length } : f))
  }, [])

  useEffect(() => {
    if (!found || dismissed) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'F3') {
        e.preventDefault()
        step(e.shiftKey ? -1 : 1)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [found, dismissed, step])

  if (!query || !found || dismissed) return null
  const dismiss = (): void => {
    setDismissed(true)
    replaceRoute({ view: 'document', id: docId, anchor, highlight: null })
  }
  const n = found.offsets.length
  return (
    <div className="match-bar" role="region" aria-label={t.search.reader.region} onKeyDown={(e) => e.key === 'Escape' && dismiss()}>
      <span className="match-query">« {query} »</span>
      <span className="match-position" aria-live="polite">{n === 0 ? t.search.reader.none : t.search.reader.position(found.current + 1, n)}</span>
      <button type="button" onClick={() => step(-1)} disabled={n === 0} aria-label={t.search.reader.previous} title={t.search.reader.previous}>↑</button>
      <button type="button" onClick={() => step(1)} disabled={n === 0} aria-label={t.search.reader.next} title={t.search.reader.next}>↓</button>
      <button type="button" onClick={dismiss} aria-label={t.search.reader.close} title={t.search.reader.close}>×</button>
    </div>
  )
}
