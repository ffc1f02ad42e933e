/** The app shell: skip link, top bar, the current view, the shortcuts sheet and notices. */
import { NotesView } from '../annotations/NotesView'
import { useCallback, useEffect, useState } from 'react'
import { LanguageContext } from '../i18n/i18n'
import { useRoute, navigate, parseRoute, routeHash } from './route'
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
import { DecksView } from '../presentation/DecksView'
import { PresentationWindow } from '../presentation/PresentationWindow'
import { AboutView } from '../about/AboutView'
import { SearchPalette, useSearchPalette } from '../search/SearchPalette'
import { SearchPage } from '../search/SearchPage'
import { ExportView } from '../export/ExportView'

export function App(): React.JSX.Element {
  const route = useRoute()
  const { settings, update, ready } = useSettings()
  const [slot, setSlot] = useState<HTMLElement | null>(null)
  const [sheetOpen, setSheetOpen] = useState(false)
  const openShortcuts = useCallback(() => setSheetOpen(true), [])
  useGlobalShortcuts({ settings, update, openShortcuts })
  const palette = useSearchPalette()

  useEffect(() => {
    // Views restore their own scroll positions (reading position, library scroll).
    history.scrollRestoration = 'manual'
    return api.on('menu.command', ({ command }) => {
      // Menu commands go to every window; the presentation windows never leave their view.
      if (window.location.hash.startsWith('#/present/')) return
      if (command === 'show-about') navigate({ view: 'about' })
      if (command === 'open-search') palette.show()
      if (command === 'open-library') navigate({ view: 'library' })
      if (command === 'open-settings') navigate({ view: 'settings' })
      if (command === 'show-shortcuts') setSheetOpen(true)
      if (command === 'go-back') history.back()
      if (command === 'go-forward') history.forward()
      if (command === 'export-notes') {
        const current = parseRoute(window.location.hash)
        navigate({ view: 'export', doc: current.view === 'document' ? current.id : null })
      }
      if (command === 'find-in-document') window.dispatchEvent(new Event(FIND_COMMAND))
    })
    // `palette.show` only calls a state setter, so the first one stays valid.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  // passerelles:// links, validated by main; parsed again here, as everything the page receives.
  useEffect(() => api.on('app.navigate', ({ route }) => navigate(parseRoute(route))), [])

  // The presentation windows (opened by main) show only their view: no top bar, no navigation.
  if (route.view === 'present') {
    return (
      <LanguageContext.Provider value={settings.language}>
        <SettingsContext.Provider value={{ settings, update }}>
          <div className="app app-present" data-ready={ready ? 'true' : 'false'}>
            <PresentationWindow role={route.role} />
          </div>
        </SettingsContext.Provider>
      </LanguageContext.Provider>
    )
  }

  return (
    <LanguageContext.Provider value={settings.language}>
      <SettingsContext.Provider value={{ settings, update }}>
        <TopBarSlotContext.Provider value={slot}>
          <div className="app" data-ready={ready ? 'true' : 'false'} data-view={route.view}>
            <TopBar route={route} slotRef={setSlot} onSearch={palette.show} />
            {route.view === 'library' && <LibraryView kind={route.kind ?? null} tag={route.tag ?? null} />}
            {route.view === 'document' && ready && <DocumentView key={route.id} id={route.id} anchor={route.anchor} highlight={route.highlight ?? null} annotation={route.annotation ?? null} />}
            {route.view === 'search' && <SearchPage key={routeHash(route)} q={route.q} kinds={route.kinds} tags={route.tags} sources={route.sources ?? []} />}
            {route.view === 'settings' && <SettingsView />}
            {route.view === 'decks' && <DecksView />}
            {route.view === 'about' && <AboutView />}
            {route.view === 'export' && <ExportView key={route.doc ?? ''} doc={route.doc ?? null} />}
            {route.view === 'notes' && <NotesView />}
            <SearchPalette control={palette} />
            <ShortcutsSheet open={sheetOpen} onClose={() => setSheetOpen(false)} />
            <Toasts />
          </div>
        </TopBarSlotContext.Provider>
      </SettingsContext.Provider>
    </LanguageContext.Provider>
  )
}
