/**
 * The keyboard in a presentation window (map in electron/shared/presentation/keys.ts). Keys typed in
 * a form field are left alone; Space on a focused button means « next », not « press the button ».
 */
import { useEffect, useRef, useState } from 'react'
import { interpretKey } from '../../../electron/shared/presentation/keys'
import type { WindowAction } from '../../../electron/shared/presentation/state'

export function usePresentationKeys(opts: {
  readonly overview: boolean
  readonly send: (action: WindowAction) => void
  readonly fullscreen: () => void
}): { readonly buffer: string } {
  const [buffer, setBuffer] = useState('')
  const latest = useRef({ ...opts, buffer })
  latest.current = { ...opts, buffer }

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null
      if (target && (target.closest('input, textarea, select, [contenteditable="true"]') !== null)) return
      const { overview, send, fullscreen, buffer: typed } = latest.current
      if (e.key === 'Enter' && typed === '' && target?.closest('button, a, [role="button"]') && !overview) return
      const outcome = interpretKey(e, { buffer: typed, overview })
      if (outcome.kind === 'ignored') return
      e.preventDefault()
      if (outcome.kind === 'buffer') setBuffer(outcome.buffer)
      else if (outcome.kind === 'fullscreen') fullscreen()
      else {
        if (typed !== '') setBuffer('')
        send(outcome.action)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return { buffer }
}
