/**
 * A one-shot call to the app behind a button (« Remplacer par cette version », « Mettre à jour »,
 * « Importer les surlignages ») — idle, busy while it runs, then done with its value or failed with
 * the error's message (the API returns errors as values). `onDone` runs once with the value (a
 * toast); nothing is set after the component is gone.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Result } from '../../../electron/shared/result'

export type ActionState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly message: string }

export function useAction<T>(call: () => Promise<Result<T>>, onDone?: (value: T) => void): { readonly state: ActionState<T>; readonly run: () => void } {
  const [state, setState] = useState<ActionState<T>>({ kind: 'idle' })
  const live = useRef(true)
  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
    }
  }, [])
  // The latest `call` and `onDone` (recreated each render), read when the button is pressed.
  const latest = useRef({ call, onDone })
  latest.current = { call, onDone }
  const run = useCallback(() => {
    setState({ kind: 'busy' })
    void latest.current.call().then((r) => {
      if (!live.current) return
      setState(r.ok ? { kind: 'done', value: r.value } : { kind: 'failed', message: r.error.message })
      if (r.ok) latest.current.onDone?.(r.value)
    })
  }, [])
  return { state, run }
}
