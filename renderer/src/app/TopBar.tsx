import { useT } from '../i18n/i18n'
import type { Route } from './route'

export function TopBar({ route, onSearch }: { route: Route; onSearch?: () => void }): React.JSX.Element {
  const t = useT()
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault()
        document.getElementById('main')?.focus()
      }}>
        {t.skipToContent}
      </a>
      <header className="topbar">
        <a className="brand" href="#/" aria-label={`${t.appName} — ${t.nav.library}`}>
          <span className="brand-mark" aria-hidden="true">⟡</span>
          <span className="brand-name">{t.appName}</span>
          <span className="brand-tagline">{t.tagline}</span>
        </a>
        {onSearch && (
          <button type="button" className="search-trigger" onClick={onSearch} aria-keyshortcuts="Control+K">
            <span aria-hidden="true">⌕</span> {t.search.open}… <kbd>{t.search.shortcut}</kbd>
          </button>
        )}
        <nav className="topnav" aria-label={t.nav.main}>
          <a href="#/" aria-current={route.view === 'library' ? 'page' : undefined}>{t.nav.library}</a>
          <a href="#/decks" aria-current={route.view === 'decks' ? 'page' : undefined}>{t.presentation.decks.nav}</a>
          <a href="#/settings" aria-current={route.view === 'settings' ? 'page' : undefined}>{t.nav.settings}</a>
          <a href="#/about" aria-current={route.view === 'about' ? 'page' : undefined}>{t.about.nav}</a>
        </nav>
      </header>
    </>
  )
}
