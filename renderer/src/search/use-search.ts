/**
 * Runs searches as the query changes without ever holding up typing: requests are debounced,
 * each carries a sequence number, and only the answer to the latest one is kept (a slow answer to
 * an older query never overwrites a newer one).
 *
 * A misspelt query that finds nothing (« cooperatve ») is answered with the results of the
 * spelling the search suggests (« cooperative »), and `corrected` says so: the user sees results,
 * and why, rather than « Aucun résultat » above a list of variants.
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
  /** The typed query found nothing and `response` answers its spelling suggestion instead. */
  readonly corrected: { readonly typed: string; readonly ran: string } | null
}

/** Whether `state.response` answers `q` (as typed, or as corrected from it). */
export function answers(state: SearchState, q: string): boolean {
  return state.response !== null && (state.response.query === q || state.corrected?.typed === q)
}

const KINDS = new Set(['cahier', 'article', 'cas', 'glossaire'])

export function useSearch(q: string, options: SearchOptions = {}): SearchState {
  const [state, setState] = useState<SearchState>({ response: null, pending: false, building: false, error: null, tooLong: false, corrected: null })
  const seq = useRef(0)
  const { debounce = 120, limit, perDocument, typing } = options
  const kinds = (options.kinds ?? []).filter((k) => KINDS.has(k)) as ('cahier' | 'article' | 'cas' | 'glossaire')[]
  const tags = [...(options.tags ?? [])]
  const sources = (options.sources ?? []).filter((s): s is SearchSourceId => (SEARCH_SOURCES as readonly string[]).includes(s))
  const key = JSON.stringify([q, kinds, tags, sources, limit, perDocument, typing])

  useEffect(() => {
    const mine = ++seq.current
    if (q.trim() === '' || q.length > MAX_QUERY_LENGTH) {
      setState({ response: null, pending: false, building: false, error: null, tooLong: q.length > MAX_QUERY_LENGTH, corrected: null })
      return
    }
    setState((s) => ({ ...s, pending: true, tooLong: false }))
    const timer = window.setTimeout(() => {
      void (async () => {
        const r = await api.search.query({ q, kinds, tags, sources, limit, perDocument, typing })
        if (mine !== seq.current) return
        if (!r.ok) {
          startTransition(() => setState({ response: null, pending: false, building: false, error: r.error.message, tooLong: false, corrected: null }))
          return
        }
        const spelling = r.value.total.sections === 0 ? r.value.suggestions.find((s) => s.kind === 'spelling' && s.count > 0) : undefined
        const instead = spelling ? await api.search.query({ q: spelling.query, kinds, tags, sources, limit, perDocument, typing }) : null
        if (mine !== seq.current) return
        const done = { pending: false, building: false, error: null, tooLong: false }
        startTransition(() =>
          setState(
            instead?.ok && instead.value.total.sections > 0
              ? { ...done, response: instead.value, corrected: { typed: q, ran: spelling!.query } }
              : { ...done, response: r.value, corrected: null },
          ),
        )
      })()
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
