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
        {/* Narrow windows (≤ 1180 px): Réglages and À propos become icons, « Exporter les notes… »
            becomes « Exporter »; each link's accessible name stays the long one (layout.css). */}
        <nav className="topnav" aria-label={t.nav.main}>
          <a href="#/" aria-current={route.view === 'library' ? 'page' : undefined}>{t.nav.library}</a>
          <a href="#/decks" aria-current={route.view === 'decks' ? 'page' : undefined}>{t.presentation.decks.nav}</a>
          <a href="#/notes" aria-current={route.view === 'notes' ? 'page' : undefined}>{t.annotations.nav}</a>
          <a href="#/export" aria-label={t.exportNotes.open} aria-current={route.view === 'export' ? 'page' : undefined}>
            <span className="nav-long">{t.exportNotes.open}</span>
            <span className="nav-short" aria-hidden="true">{t.exportNotes.openShort}</span>
          </a>
          <a href="#/settings" aria-label={t.nav.settings} title={t.nav.settings} aria-current={route.view === 'settings' ? 'page' : undefined}>
            <svg className="nav-icon" aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
              <circle cx="10" cy="10" r="2.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <path
                d="M10 1.8v2.4M10 15.8v2.4M1.8 10h2.4M15.8 10h2.4M4.2 4.2l1.7 1.7M14.1 14.1l1.7 1.7M4.2 15.8l1.7-1.7M14.1 5.9l1.7-1.7"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
              />
            </svg>
            <span className="nav-long">{t.nav.settings}</span>
          </a>
          <a href="#/about" aria-label={t.about.nav} title={t.about.nav} aria-current={route.view === 'about' ? 'page' : undefined}>
            <svg className="nav-icon" aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
              <circle cx="10" cy="10" r="8.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <circle cx="10" cy="6.2" r="1.1" fill="currentColor" />
              <path d="M10 9v5.6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            <span className="nav-long">{t.about.nav}</span>
          </a>
        </nav>
      </header>
    </>
  )
}
