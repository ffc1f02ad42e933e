/**
 * Annotations as the UI reads them: a list query answered by the service, re-read whenever the
 * service says annotations changed (this window's edits, another window's, the CLI's). Also the
 * colour labels, re-read the same way (they are edited in settings).
 */
import { useEffect, useState } from 'react'
import type { ColorLabels } from '../../../electron/shared/annotations/model'
import { DEFAULT_COLOR_LABELS } from '../../../electron/shared/annotations/model'
import type { ListQuery, AnnotationView } from '../../../electron/shared/annotations/query'
import { api } from '../lib/api'

export function useAnnotationList(query: ListQuery | null): { items: readonly AnnotationView[]; error: string | null; loaded: boolean } {
  const [state, setState] = useState<{ items: readonly AnnotationView[]; error: string | null; loaded: boolean }>({ items: [], error: null, loaded: false })
  const key = JSON.stringify(query)
  useEffect(() => {
    if (!query) return
    let live = true
    let seq = 0
    const load = (): void => {
      const mine = ++seq
      void api.annotations.list(query).then((r) => {
        if (!live || mine !== seq) return
        setState(r.ok ? { items: r.value.items, error: null, loaded: true } : { items: [], error: r.error.message, loaded: true })
      })
    }
    load()
    const off = api.on('annotations.changed', ({ docIds }) => {
      if (!query.docId || docIds === null || docIds.includes(query.docId)) load()
    })
    return () => {
      live = false
      off()
    }
    // The query is compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return state
}

export function useColorLabels(): ColorLabels {
  const [labels, setLabels] = useState<ColorLabels>(DEFAULT_COLOR_LABELS)
  useEffect(() => {
    let live = true
    const load = (): void => {
      void api.annotations.labels({}).then((r) => live && r.ok && setLabels(r.value))
    }
    load()
    const off = api.on('annotations.changed', load)
    return () => {
      live = false
      off()
    }
  }, [])
  return labels
}

/** Where an annotation is in the current text, or null (orphan, document note). */
export function placeOf(v: AnnotationView): { start: number; end: number } | null {
  const a = v.anchor
  return a.status === 'anchored' || a.status === 'moved' || a.status === 'fuzzy' ? { start: a.start, end: a.end } : null
}
