/**
 * The reader's part of the top bar: breadcrumbs (library › kind › document › current section) and
 * the reading tools (contents sidebar, find, reading settings « Aa »). Rendered into the top bar slot.
 */
import { memo, useCallback, useEffect, useRef } from 'react'
import type { RenderedDocument, Section } from '../../../electron/shared/content/document'
import { useT } from '../i18n/i18n'
import { routeHash } from '../app/route'
import { useDismiss } from '../lib/use-dismiss'
import { ReadingControls } from '../settings/ReadingControls'
import { Icon } from '../lib/icons'
import { useActiveSection } from './use-scroll-spy'
import type { SpyStore } from './use-scroll-spy'
import { useKindLabels } from '../documents/kind-labels'

/** The section being read, as the last crumb (re-renders alone as the reader scrolls). */
function SectionCrumb({ spy, entries }: { spy: SpyStore; entries: readonly Section[] }): React.JSX.Element | null {
  const active = useActiveSection(spy)
  const title = active ? entries.find((e) => e.id === active)?.title : undefined
  return title ? (
    <li className="crumb-section" title={title}>
      {title}
    </li>
  ) : null
}

export const ReaderTools = memo(function ReaderTools(props: {
  doc: RenderedDocument
  spy: SpyStore
  entries: readonly Section[]
  tocOpen: boolean
  onToggleToc: () => void
  onFind: () => void
  settingsOpen: boolean
  setSettingsOpen: (open: boolean) => void
}): React.JSX.Element {
  const { doc, tocOpen, settingsOpen, setSettingsOpen } = props
  const t = useT()
  const kinds = useKindLabels()
  const r = t.reader
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const close = useCallback(() => setSettingsOpen(false), [setSettingsOpen])
  useDismiss({ open: settingsOpen, popover: panel, anchor: button.current, onClose: close })
  // Opened (by the button or Ctrl+.): focus goes to the panel's first choice, the current theme.
  useEffect(() => {
    if (!settingsOpen) return
    const box = panel.current
    ;(box?.querySelector<HTMLElement>('input:checked') ?? box?.querySelector<HTMLElement>('input, button'))?.focus()
  }, [settingsOpen])
  const { meta } = doc
  const short = meta.kind === 'cahier' && meta.order ? t.library.chapter(meta.order) : meta.title
  return (
    <div className="reader-tools">
      <button
        type="button"
        className={`tool-button toc-toggle${tocOpen ? ' on' : ''}`}
        aria-expanded={tocOpen}
        aria-controls="toc"
        onClick={props.onToggleToc}
        title={tocOpen ? r.hideContents : r.showContents}
      >
        <Icon name="sidebar" />
        <span className="sr-only">{t.document.contents}</span>
      </button>
      <nav className="breadcrumbs" aria-label={t.document.breadcrumbs}>
        <ol>
          <li>
            <a href="#/">{t.nav.library}</a>
          </li>
          <li>
            <a href={routeHash({ view: 'library', kind: meta.kind })}>{kinds.plural[meta.kind]}</a>
          </li>
          <li className="crumb-doc">
            <a href={routeHash({ view: 'document', id: meta.id, anchor: null })} aria-current="page" title={meta.title}>
              {short}
            </a>
          </li>
          <SectionCrumb spy={props.spy} entries={props.entries} />
        </ol>
      </nav>
      <div className="tool-group">
        <button type="button" className="tool-button" onClick={props.onFind} title={`${r.find.open} (Ctrl+F)`}>
          <Icon name="search" />
          <span className="sr-only">{r.find.open}</span>
        </button>
        <div className="tool-popover-anchor">
          <button
            ref={button}
            type="button"
            className={`tool-button${settingsOpen ? ' on' : ''}`}
            aria-expanded={settingsOpen}
            aria-controls="reading-settings"
            onClick={() => setSettingsOpen(!settingsOpen)}
            title={r.readingSettings}
          >
            <span aria-hidden="true" className="tool-icon aa">Aa</span>
            <span className="sr-only">{r.readingSettings}</span>
          </button>
          <div ref={panel} id="reading-settings" className="popover reading-settings" role="dialog" aria-label={r.readingSettings} hidden={!settingsOpen}>
            {settingsOpen && <ReadingControls compact />}
          </div>
        </div>
      </div>
    </div>
  )
})
