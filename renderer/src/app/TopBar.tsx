/** The app's top bar: skip link, brand, the current screen's slot (reader tools), main navigation. */
import { useT } from '../i18n/i18n'
import type { Route } from './route'

export function TopBar({ route, slotRef, onSearch }: { route: Route; slotRef: (el: HTMLDivElement | null) => void; onSearch?: () => void }): React.JSX.Element {
  const t = useT()
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          const main = document.getElementById('main')
          main?.focus()
          main?.scrollIntoView({ block: 'start' })
        }}
      >
        {t.skipToContent}
      </a>
      <header className="topbar">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true">⟡</span>
          <span className="brand-name">{t.appName}</span>
          <span className="brand-tagline">{t.tagline}</span>
        </a>
        {onSearch && (
          <button type="button" className="search-trigger" onClick={onSearch} aria-keyshortcuts="Control+K" aria-label={`${t.search.open}… ${t.search.shortcut}`}>
            <span aria-hidden="true">⌕</span> <span className="search-trigger-label">{t.search.open}…</span> <kbd>{t.search.shortcut}</kbd>
          </button>
        )}
        <div className="topbar-slot" ref={slotRef} />
        <nav className="topnav" aria-label={t.nav.main}>
          <a href="#/" aria-current={route.view === 'library' ? 'page' : undefined}>{t.nav.library}</a>
          <a href="#/decks" aria-current={route.view === 'decks' ? 'page' : undefined}>{t.presentation.decks.nav}</a>
          <a href="#/notes" aria-current={route.view === 'notes' ? 'page' : undefined}>{t.annotations.nav}</a>
          <a href="#/export" aria-current={route.view === 'export' ? 'page' : undefined}>{t.exportNotes.open}</a>
          <a href="#/settings" aria-current={route.view === 'settings' ? 'page' : undefined}>{t.nav.settings}</a>
          <a href="#/about" aria-current={route.view === 'about' ? 'page' : undefined}>{t.about.nav}</a>
        </nav>
      </header>
    </>
  )
}
