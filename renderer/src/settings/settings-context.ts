/** The current settings and their updater, for any component (reading tools, settings screen). */
import { createContext, useContext } from 'react'
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings'
import type { Settings, SettingsPatch } from '../../../electron/shared/settings'

export interface SettingsHandle {
  readonly settings: Settings
  readonly update: (patch: SettingsPatch) => Promise<void>
}

export const SettingsContext = createContext<SettingsHandle>({ settings: DEFAULT_SETTINGS, update: async () => undefined })

export function useSettingsHandle(): SettingsHandle {
  return useContext(SettingsContext)
}
