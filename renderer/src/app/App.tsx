/** The app shell: skip link, top bar, the current view, the shortcuts sheet and notices. */
import { useCallback, useEffect, useState } from 'react'
import { LanguageContext } from '../i18n/i18n'
import { useRoute, navigate } from './route'
import { useSettings } from './use-settings'
import { useGlobalShortcuts } from './use-global-shortcuts'
import { TopBar } from './TopBar'
import { TopBarSlotContext } from './topbar-slot'
import { ShortcutsSheet } from './ShortcutsSheet'
import { Toasts } from './Toasts'
import { LibraryView } from '../library/LibraryView'
import { DocumentView } from '../reader/DocumentView'
import { SettingsView } from '../settings/SettingsView'
import { SettingsContext } from '../settings/settings-context'
import { api } from '../lib/api'
import { FIND_COMMAND } from '../reader/use-reader-shortcuts'

export function App(): React.JSX.Element {
  const route = useRoute()
  const { settings, update, ready } = useSettings()
  const [slot, setSlot] = useState<HTMLElement | null>(null)
  const [sheetOpen, setSheetOpen] = useState(false)
  const openShortcuts = useCallback(() => setSheetOpen(true), [])
  useGlobalShortcuts({ settings, update, openShortcuts })

  useEffect(() => {
    // Views restore their own scroll positions (reading position, library scroll).
    history.scrollRestoration = 'manual'
    return api.on('menu.command', ({ command }) => {
      if (command === 'open-library') navigate({ view: 'library' })
      if (command === 'open-settings') navigate({ view: 'settings' })
      if (command === 'show-shortcuts') setSheetOpen(true)
      if (command === 'go-back') history.back()
      if (command === 'go-forward') history.forward()
      if (command === 'find-in-document') window.dispatchEvent(new Event(FIND_COMMAND))
    })
  }, [])

  return (
    <LanguageContext.Provider value={settings.language}>
      <SettingsContext.Provider value={{ settings, update }}>
        <TopBarSlotContext.Provider value={slot}>
          <div className="app" data-ready={ready ? 'true' : 'false'} data-view={route.view}>
            <TopBar route={route} slotRef={setSlot} />
            {route.view === 'library' && <LibraryView kind={route.kind ?? null} tag={route.tag ?? null} />}
            {route.view === 'document' && ready && <DocumentView key={route.id} id={route.id} anchor={route.anchor} />}
            {route.view === 'settings' && <SettingsView />}
            <ShortcutsSheet open={sheetOpen} onClose={() => setSheetOpen(false)} />
            <Toasts />
          </div>
        </TopBarSlotContext.Provider>
      </SettingsContext.Provider>
    </LanguageContext.Provider>
  )
}
