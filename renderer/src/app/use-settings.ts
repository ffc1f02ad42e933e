/**
 * Loads the persisted settings, applies them to <html>, and follows changes from other windows.
 * Settings are applied to the DOM before React re-renders, so a screen's effects (the reader keeping
 * its reading position when the text size changes) already see the new layout.
 *
 * Changes are optimistic (shown at once). Answers can arrive out of order (two quick Alt+- presses,
 * the `settings.changed` echo of an earlier change), so only the answer to the latest change is
 * applied, and an event triggers a fresh read of the service rather than trusting its payload.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings'
import type { Settings, SettingsPatch } from '../../../electron/shared/settings'
import { api, unwrap } from '../lib/api'

function apply(s: Settings): void {
  const root = document.documentElement
  root.lang = s.language
  root.dataset.theme = s.theme
  root.dataset.font = s.fontFamily
  root.dataset.width = s.lineWidth
  root.style.setProperty('--reading-size', `${s.fontSize}px`)
}

export function useSettings(): { settings: Settings; update: (patch: SettingsPatch) => Promise<void>; ready: boolean } {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS)
  const [ready, setReady] = useState(false)
  const latest = useRef(settings)
  /** Bumped by every local change: an answer to an older request is stale. */
  const seq = useRef(0)
  const inFlight = useRef(0)
  const commit = useCallback((s: Settings) => {
    apply(s)
    latest.current = s
    setSettings(s)
  }, [])
  const refresh = useCallback(async () => {
    const asked = seq.current
    const s = await unwrap(api.settings.get({}))
    if (asked === seq.current && inFlight.current === 0) commit(s)
  }, [commit])

  useEffect(() => {
    let live = true
    void refresh().then(
      () => live && setReady(true),
      () => live && setReady(true), // defaults stay; the screens still work
    )
    const off = api.on('settings.changed', () => void refresh().catch(() => undefined))
    return () => {
      live = false
      off()
    }
  }, [refresh])
  useLayoutEffect(() => apply(settings), [settings])

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const mine = ++seq.current
      const previous = latest.current
      commit({ ...previous, ...patch })
      inFlight.current++
      try {
        const saved = await unwrap(api.settings.update(patch))
        if (mine === seq.current) commit(saved)
      } catch (e) {
        if (mine === seq.current) commit(previous)
        throw e
      } finally {
        inFlight.current--
      }
    },
    [commit],
  )
  return { settings, update, ready }
}
