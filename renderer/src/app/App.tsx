/** The app shell: skip link, top bar, and the current view. */
import { useEffect } from 'react'
import { LanguageContext } from '../i18n/i18n'
import { useRoute, navigate, routeHash } from './route'
import { useSettings } from './use-settings'
import { TopBar } from './TopBar'
import { LibraryView } from '../library/LibraryView'
import { DocumentView } from '../reader/DocumentView'
import { SettingsView } from '../settings/SettingsView'
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
        if (command === 'open-library') navigate({ view: 'library' })
        if (command === 'open-settings') navigate({ view: 'settings' })
      }),
    [],
  )

  return (
    <LanguageContext.Provider value={settings.language}>
      <div className="app" data-ready={ready ? 'true' : 'false'}>
        <TopBar route={route} onSearch={palette.show} />
        {route.view === 'library' && <LibraryView />}
        {route.view === 'document' && <DocumentView key={route.id} id={route.id} anchor={route.anchor} highlight={route.highlight} />}
        {route.view === 'search' && <SearchPage key={routeHash(route)} q={route.q} kinds={route.kinds} tags={route.tags} />}
        {route.view === 'settings' && <SettingsView settings={settings} update={update} />}
        <SearchPalette control={palette} />
      </div>
    </LanguageContext.Provider>
  )
}
