/**
 * Runs searches as the query changes without ever holding up typing: requests are debounced,
 * each carries a sequence number, and only the answer to the latest one is kept (a slow answer to
 * an older query never overwrites a newer one).
 */
import { startTransition, useEffect, useRef, useState } from 'react'
import { MAX_QUERY_LENGTH, SEARCH_SOURCES } from '../../../electron/shared/search/types'
import type { SearchResponse, SearchSourceId } from '../../../electron/shared/search/types'
import { api } from '../lib/api'

export interface SearchOptions {
  readonly kinds?: readonly string[]
  readonly tags?: readonly string[]
  /** Only hits of these sources (`library`, `annotations`). */
  readonly sources?: readonly string[]
  readonly limit?: number
  readonly perDocument?: number
  readonly typing?: boolean
  /** Milliseconds to wait after the last keystroke. */
  readonly debounce?: number
}

export interface SearchState {
  /** The latest answer (for the query it answers: `response.query`), or null before the first. */
  readonly response: SearchResponse | null
  /** A newer request is on its way. */
  readonly pending: boolean
  /** The request waits for the search index to be built (first start on new content). */
  readonly building: boolean
  readonly error: string | null
  /** The query is longer than the search takes (MAX_QUERY_LENGTH): nothing was sent; say so. */
  readonly tooLong: boolean
}

const KINDS = new Set(['cahier', 'article', 'cas', 'glossaire'])

export function useSearch(q: string, options: SearchOptions = {}): SearchState {
  const [state, setState] = useState<SearchState>({ response: null, pending: false, building: false, error: null, tooLong: false })
  const seq = useRef(0)
  const { debounce = 120, limit, perDocument, typing } = options
  const kinds = (options.kinds ?? []).filter((k) => KINDS.has(k)) as ('cahier' | 'article' | 'cas' | 'glossaire')[]
  const tags = [...(options.tags ?? [])]
  const sources = (options.sources ?? []).filter((s): s is SearchSourceId => (SEARCH_SOURCES as readonly string[]).includes(s))
  const key = JSON.stringify([q, kinds, tags, sources, limit, perDocument, typing])

  useEffect(() => {
    const mine = ++seq.current
    if (q.trim() === '' || q.length > MAX_QUERY_LENGTH) {
      setState({ response: null, pending: false, building: false, error: null, tooLong: q.length > MAX_QUERY_LENGTH })
      return
    }
    setState((s) => ({ ...s, pending: true, tooLong: false }))
    const timer = window.setTimeout(() => {
      void api.search.query({ q, kinds, tags, sources, limit, perDocument, typing }).then((r) => {
        if (mine !== seq.current) return
        startTransition(() => setState(r.ok ? { response: r.value, pending: false, building: false, error: null, tooLong: false } : { response: null, pending: false, building: false, error: r.error.message, tooLong: false }))
      })
    }, debounce)
    // A slow answer is usually an index being built: say so.
    const slow = window.setTimeout(() => {
      void api.search.status({}).then((r) => {
        if (mine === seq.current && r.ok && r.value.state === 'building') setState((s) => (s.pending ? { ...s, building: true } : s))
      })
    }, debounce + 600)
    return () => {
      window.clearTimeout(timer)
      window.clearTimeout(slow)
    }
    // `key` captures every input of the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, debounce])
  return state
}
