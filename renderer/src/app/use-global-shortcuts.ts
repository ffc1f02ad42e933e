/**
 * Shortcuts that work on every screen: history (Alt+←/→ and the mouse's back/forward buttons),
 * library, settings, the shortcuts sheet, and the reading display (text size, theme). Screen-specific
 * shortcuts live with their screen (reader/use-reader-shortcuts.ts).
 */
import { useEffect, useRef } from 'react'
import type { Settings, SettingsPatch } from '../../../electron/shared/settings'
import { isTypingTarget, matchesShortcut } from './keyboard'
import { SHORTCUTS } from './shortcuts'
import type { ShortcutAction } from './shortcuts'
import { navigate } from './route'

const THEMES: readonly Settings['theme'][] = ['light', 'sepia', 'dark', 'system']
export const FONT_SIZE = { min: 14, max: 28 } as const

export function matchesAction(e: KeyboardEvent, action: ShortcutAction): boolean {
  return SHORTCUTS[action].some((spec) => matchesShortcut(e, spec))
}

export function useGlobalShortcuts(opts: {
  settings: Settings
  update: (p: SettingsPatch) => Promise<void>
  openShortcuts: () => void
}): void {
  const { settings, update, openShortcuts } = opts
  // Quick repeated keys (Alt+- Alt+-) must build on each other, not on the last render's settings.
  const current = useRef(settings)
  current.current = settings
  useEffect(() => {
    const settingsNow = (): Settings => current.current
    const step = (patch: SettingsPatch): void => {
      current.current = { ...current.current, ...patch }
      void update(patch).catch(() => undefined) // a refused change is rolled back by update()
    }
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return
      const typing = isTypingTarget(e.target)
      const act = (action: ShortcutAction, run: () => void, whileTyping = false): boolean => {
        if ((typing && !whileTyping) || !matchesAction(e, action)) return false
        e.preventDefault()
        run()
        return true
      }
      void (
        act('shortcuts', openShortcuts) ||
        act('back', () => history.back()) ||
        act('forward', () => history.forward()) ||
        act('library', () => navigate({ view: 'library' }), true) ||
        act('settings', () => navigate({ view: 'settings' }), true) ||
        act('largerText', () => void step({ fontSize: Math.min(FONT_SIZE.max, settingsNow().fontSize + 1) })) ||
        act('smallerText', () => void step({ fontSize: Math.max(FONT_SIZE.min, settingsNow().fontSize - 1) })) ||
        act('nextTheme', () => void step({ theme: THEMES[(THEMES.indexOf(settingsNow().theme) + 1) % THEMES.length] }))
      )
    }
    // Mouse buttons 3 and 4 are Back and Forward.
    const onMouse = (e: MouseEvent): void => {
      if (e.button !== 3 && e.button !== 4) return
      e.preventDefault()
      if (e.type === 'mouseup') {
        if (e.button === 3) history.back()
        else history.forward()
      }
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('mousedown', onMouse)
    window.addEventListener('mouseup', onMouse)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('mousedown', onMouse)
      window.removeEventListener('mouseup', onMouse)
    }
  }, [update, openShortcuts])
}
