/** The app shell: skip link, top bar, and the current view. */
import { useEffect } from 'react'
import { LanguageContext } from '../i18n/i18n'
import { useRoute, navigate, parseRoute, routeHash } from './route'
import { useSettings } from './use-settings'
import { TopBar } from './TopBar'
import { LibraryView } from '../library/LibraryView'
import { DocumentView } from '../reader/DocumentView'
import { SettingsView } from '../settings/SettingsView'
import { DecksView } from '../presentation/DecksView'
import { PresentationWindow } from '../presentation/PresentationWindow'
import { AboutView } from '../about/AboutView'
import { api } from '../lib/api'
import { SearchPalette, useSearchPalette } from '../search/SearchPalette'
import { SearchPage } from '../search/SearchPage'

export function App(): React.JSX.Element {
  const route = useRoute()
  const { settings, update, ready } = useSettings()
  const palette = useSearchPalette()

  useEffect(
    () =>
      api.on('menu.command', ({ command }) => {
        // Menu commands go to every window; the presentation windows never leave their view.
        if (window.location.hash.startsWith('#/present/')) return
        if (command === 'open-library') navigate({ view: 'library' })
        if (command === 'open-settings') navigate({ view: 'settings' })
        if (command === 'show-about') navigate({ view: 'about' })
      }),
    [],
  )
  // passerelles:// links, validated by main; parsed again here, as everything the page receives.
  useEffect(() => api.on('app.navigate', ({ route }) => navigate(parseRoute(route))), [])

  // The presentation windows (opened by main) show only their view: no top bar, no navigation.
  if (route.view === 'present') {
    return (
      <LanguageContext.Provider value={settings.language}>
        <div className="app app-present" data-ready={ready ? 'true' : 'false'}>
          <PresentationWindow role={route.role} />
        </div>
      </LanguageContext.Provider>
    )
  }

  return (
    <LanguageContext.Provider value={settings.language}>
      <div className="app" data-ready={ready ? 'true' : 'false'}>
        <TopBar route={route} onSearch={palette.show} />
        {route.view === 'library' && <LibraryView />}
        {route.view === 'document' && <DocumentView key={route.id} id={route.id} anchor={route.anchor} highlight={route.highlight} />}
        {route.view === 'search' && <SearchPage key={routeHash(route)} q={route.q} kinds={route.kinds} tags={route.tags} />}
        {route.view === 'settings' && <SettingsView settings={settings} update={update} />}
        {route.view === 'decks' && <DecksView />}
        {route.view === 'about' && <AboutView />}
        <SearchPalette control={palette} />
      </div>
    </LanguageContext.Provider>
  )
}
