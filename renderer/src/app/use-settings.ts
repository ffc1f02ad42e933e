/** Loads the persisted settings, applies them to <html>, and follows changes from other windows. */
import { useCallback, useEffect, useState } from 'react'
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
  useEffect(() => {
    let live = true
    void unwrap(api.settings.get({})).then((s) => {
      if (!live) return
      setSettings(s)
      setReady(true)
    })
    const off = api.on('settings.changed', (s) => setSettings(s))
    return () => {
      live = false
      off()
    }
  }, [])
  useEffect(() => apply(settings), [settings])
  const update = useCallback(async (patch: SettingsPatch) => {
    setSettings(await unwrap(api.settings.update(patch)))
  }, [])
  return { settings, update, ready }
}
