/**
 * Loads the persisted settings, applies them to <html>, and follows changes from other windows.
 * Settings are applied to the DOM before React re-renders, so a screen's effects (the reader keeping
 * its reading position when the text size changes) already see the new layout.
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
  const commit = useCallback((s: Settings) => {
    apply(s)
    latest.current = s
    setSettings(s)
  }, [])
  useEffect(() => {
    let live = true
    void unwrap(api.settings.get({})).then(
      (s) => {
        if (!live) return
        commit(s)
        setReady(true)
      },
      () => live && setReady(true), // defaults stay; the screens still work
    )
    const off = api.on('settings.changed', commit)
    return () => {
      live = false
      off()
    }
  }, [commit])
  useLayoutEffect(() => apply(settings), [settings])
  // Optimistic: the change shows at once; the saved settings (or, on failure, the previous ones)
  // follow when the service answers.
  const update = useCallback(
    async (patch: SettingsPatch) => {
      const previous = latest.current
      commit({ ...previous, ...patch })
      try {
        commit(await unwrap(api.settings.update(patch)))
      } catch (e) {
        commit(previous)
        throw e
      }
    },
    [commit],
  )
  return { settings, update, ready }
}
