/**
 * Remembers a screen's scroll position in its history entry and restores it when the screen comes
 * back (Back, Forward, reload) once its content is `ready`.
 */
import { useEffect, useLayoutEffect } from 'react'
import { historyState, updateHistoryState } from '../app/route'

export function useScrollMemory(key: string, ready: boolean): void {
  useLayoutEffect(() => {
    if (!ready) return
    const y = historyState<number>(key)
    window.scrollTo(0, typeof y === 'number' ? y : 0)
  }, [key, ready])
  useEffect(() => {
    if (!ready) return
    let timer = 0
    const onScroll = (): void => {
      clearTimeout(timer)
      timer = window.setTimeout(() => updateHistoryState({ [key]: Math.round(window.scrollY) }), 150)
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      clearTimeout(timer)
      window.removeEventListener('scroll', onScroll)
    }
  }, [key, ready])
}
