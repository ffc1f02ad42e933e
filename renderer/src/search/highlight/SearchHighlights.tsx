/**
 * Search matches in the reader: asks the search service where the query matches in this document's
 * text, marks every match with the CSS Custom Highlight API (no change to the document's DOM, so
 * nothing else in the reader is disturbed and text offsets stay valid), starts at the first match
 * of the section the result pointed to, and offers previous/next (buttons, F3 / Shift+F3).
 * Lives in its own module: DocumentView only renders <SearchHighlights>.
 */
import { useCallback, useEffect, useState } from 'react'
import type { RefObject } from 'react'
import type { RenderedDocument } from '../../../../electron/shared/content/document'
import { api } from '../../lib/api'
import { replaceRoute } from '../../app/route'
import { useT } from '../../i18n/i18n'
import { rangesForOffsets } from './text-ranges'

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
  readonly ranges: readonly Range[]
  readonly current: number
}

export function SearchHighlights(props: { doc: RenderedDocument; body: RefObject<HTMLDivElement | null>; query: string | null; anchor: string | null }): React.JSX.Element | null {
  const { doc, body, query, anchor } = props
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
      const root = body.current
      if (!live || !r.ok || !root) return
      const ranges = rangesForOffsets(root, r.value.ranges)
      const sectionStart = doc.sections.find((s) => s.id === anchor)?.start ?? 0
      const first = r.value.ranges.findIndex((x) => x.start >= sectionStart)
      setFound({ ranges, current: Math.max(0, first) })
    })
    return () => {
      live = false
    }
  }, [docId, query, anchor, body, doc.sections])

  useEffect(() => {
    if (!found || dismissed || found.ranges.length === 0) return clear()
    if (supported()) {
      CSS.highlights.set(MATCH_HIGHLIGHT, new Highlight(...found.ranges))
      const current = new Highlight(found.ranges[found.current]!)
      current.priority = 1
      CSS.highlights.set(CURRENT_HIGHLIGHT, current)
    }
    // Centre the match itself (its paragraph may be taller than the window).
    const rect = found.ranges[found.current]!.getBoundingClientRect()
    window.scrollBy({ top: rect.top + rect.height / 2 - window.innerHeight / 2 })
    return clear
  }, [found, dismissed])

  const step = useCallback((delta: number) => {
    setFound((f) => (f && f.ranges.length > 0 ? { ...f, current: (f.current + delta + f.ranges.length) % f.ranges.length } : f))
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
  const n = found.ranges.length
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
