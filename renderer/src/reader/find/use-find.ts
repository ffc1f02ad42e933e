/**
 * Find in the document: every match of the query (accent-, case- and apostrophe-insensitive, see
 * shared/text/fold.ts) is highlighted with the CSS Custom Highlight API — ranges over the existing
 * text, so the DOM and the text offsets are untouched — and one of them is current. Matches are
 * computed on the document text and mapped to the live DOM; they are re-mapped when other modules
 * wrap text (glossary, highlights).
 */
import { useDomVersion } from '../../lib/use-dom-version'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { findAll, foldText } from '../../../../electron/shared/text/fold'
import type { TextMatch } from '../../../../electron/shared/text/fold'
import { textIndexFor } from '../../lib/text-offsets'
import { offsetAtTop, readingTop } from '../reading-position'

export const FIND_HIGHLIGHT = 'passerelles-find'
export const FIND_CURRENT_HIGHLIGHT = 'passerelles-find-current'
const MAX_MATCHES = 5000

export interface Find {
  readonly query: string
  setQuery(q: string): void
  readonly count: number
  /** Index of the current match, -1 when there is none. */
  readonly current: number
  next(): void
  previous(): void
}

function clearHighlights(): void {
  CSS.highlights.delete(FIND_HIGHLIGHT)
  CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT)
}

function reveal(range: Range): void {
  const rect = range.getBoundingClientRect()
  const top = readingTop()
  if (rect.top < top + 8 || rect.bottom > window.innerHeight - 48) {
    window.scrollTo(0, window.scrollY + rect.top - top - window.innerHeight / 3)
  }
}

export function useFind(body: HTMLElement | null, text: string, active: boolean): Find {
  const [query, setQuery] = useState('')
  const [matches, setMatches] = useState<readonly TextMatch[]>([])
  const [current, setCurrent] = useState(-1)
  // Re-map when someone else changes the body's DOM while find is open.
  const domVersion = useDomVersion(body, active)
  const ranges = useRef<Range[]>([])
  const folded = useMemo(() => (active ? foldText(text) : null), [active, text])

  // Matches, and the first current one: the first match at or after the reading position.
  useEffect(() => {
    if (!folded || !body) return
    const found = findAll(folded, query, MAX_MATCHES)
    setMatches(found)
    const from = offsetAtTop(body)
    const first = found.findIndex((m) => m.start >= from)
    setCurrent(found.length === 0 ? -1 : first >= 0 ? first : 0)
  }, [folded, body, query])

  // All matches highlighted.
  useEffect(() => {
    if (!body || !active) return
    const index = textIndexFor(body)
    ranges.current = matches.map((m) => index.range(m.start, m.end)).filter((r): r is Range => r !== null)
    CSS.highlights.set(FIND_HIGHLIGHT, new Highlight(...ranges.current))
    return () => {
      CSS.highlights.delete(FIND_HIGHLIGHT)
    }
  }, [body, active, matches, domVersion])

  // The current match: its own highlight, brought into view when it changes (not when the DOM
  // merely changed around it: the page must not jump while the reader scrolls).
  const revealed = useRef<{ current: number; matches: readonly TextMatch[] } | null>(null)
  useEffect(() => {
    const range = ranges.current[current]
    if (!active || !range) {
      CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT)
      revealed.current = null
      return
    }
    CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, new Highlight(range))
    if (revealed.current?.current !== current || revealed.current.matches !== matches) reveal(range)
    revealed.current = { current, matches }
  }, [active, current, matches, domVersion])

  useEffect(() => (active ? undefined : clearHighlights()), [active])
  useEffect(() => clearHighlights, [])

  const count = matches.length
  const next = useCallback(() => setCurrent((c) => (count === 0 ? -1 : (c + 1) % count)), [count])
  const previous = useCallback(() => setCurrent((c) => (count === 0 ? -1 : (c - 1 + count) % count)), [count])
  return { query, setQuery, count, current, next, previous }
}
