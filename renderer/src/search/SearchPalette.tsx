/**
 * The search palette (Ctrl+K, the menu's « Rechercher », the top bar's button): results as you
 * type, grouped by document, the best section snippets with the matched words marked. A combobox
 * and its listbox: arrows move the active option, Enter opens it at its section, Ctrl+Enter opens
 * the full results page, Escape closes and gives focus back. Typing is never held up: searches are
 * debounced and answered asynchronously (use-search.ts).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { api } from '../lib/api'
import { navigate, routeHash } from '../app/route'
import { useT } from '../i18n/i18n'
import { answers, useSearch } from './use-search'
import { MAX_QUERY_LENGTH } from '../../../electron/shared/search/types'
import { HighlightedText } from './HighlightedText'
import { hitHash, HitBody, hitClass, hitKey, KindBadge, NoResults, countOf, QueryNotice, readerQuery } from './result-parts'
import { SearchHelp } from './SearchHelp'

export interface PaletteControl {
  readonly open: boolean
  show(): void
  hide(): void
}

/** Palette state plus its global shortcut (Ctrl/Cmd+K) and the native menu's « open-search ». */
export function useSearchPalette(): PaletteControl {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        setOpen(true)
      }
    }
    window.addEventListener('keydown', onKey)
    const off = api.on('menu.command', ({ command }) => command === 'open-search' && setOpen(true))
    return () => {
      window.removeEventListener('keydown', onKey)
      off()
    }
  }, [])
  return useMemo(() => ({ open, show: () => setOpen(true), hide: () => setOpen(false) }), [open])
}

const FOCUSABLE = 'input, button, a[href], [tabindex]:not([tabindex="-1"])'

export function SearchPalette({ control }: { control: PaletteControl }): React.JSX.Element | null {
  const t = useT()
  const [q, setQ] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const dialog = useRef<HTMLDivElement>(null)
  const opener = useRef<Element | null>(null)
  const ids = useId()
  const search = useSearch(control.open ? q : '', { typing: true, limit: 24, perDocument: 3 })
  const { response, pending, building, error, tooLong, corrected } = search
  const options = useMemo(() => response?.groups.flatMap((g) => g.sections.map((s) => ({ group: g, hit: s }))) ?? [], [response])

  useEffect(() => setActive(0), [response])
  useEffect(() => {
    if (!control.open) return
    opener.current = document.activeElement
    input.current?.focus()
    input.current?.select()
    return () => {
      if (opener.current instanceof HTMLElement) opener.current.focus()
    }
  }, [control.open])
  useEffect(() => {
    document.getElementById(`${ids}-opt-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, ids])

  const { hide } = control
  const openHit = useCallback(
    (i: number) => {
      const o = options[i]
      if (!o || !response) return
      hide()
      window.location.hash = hitHash(o.hit, readerQuery(response))
    },
    [options, response, hide],
  )
  const openPage = useCallback(() => {
    hide()
    navigate({ view: 'search', q, kinds: [], tags: [] })
  }, [q, hide])

  if (!control.open) return null

  const onInputKey = (e: React.KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (options.length > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      if (e.ctrlKey || e.metaKey) {
        if (q.trim() !== '' && !tooLong) openPage()
      }
      else openHit(active)
    }
  }
  const onDialogKey = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault()
      hide()
    } else if (e.key === 'Tab' && dialog.current) {
      // Focus stays in the dialog.
      const f = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
      const i = f.indexOf(document.activeElement as HTMLElement)
      if (e.shiftKey && i <= 0) {
        e.preventDefault()
        f[f.length - 1]?.focus()
      } else if (!e.shiftKey && i === f.length - 1) {
        e.preventDefault()
        f[0]?.focus()
      }
    }
  }

  const answered = response !== null && answers(search, q)
  const activeId = options.length > 0 ? `${ids}-opt-${active}` : undefined
  let index = -1
  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && hide()}>
      <div ref={dialog} className="palette" role="dialog" aria-modal="true" aria-labelledby={`${ids}-title`} onKeyDown={onDialogKey}>
        <h2 id={`${ids}-title`} className="visually-hidden">{t.search.dialog}</h2>
        <div className="palette-bar">
          <span className="palette-icon" aria-hidden="true">⌕</span>
          <input
            ref={input}
            className="palette-input"
            type="text"
            role="combobox"
            aria-label={t.search.label}
            aria-expanded={options.length > 0}
            aria-controls={`${ids}-list`}
            aria-activedescendant={activeId}
            aria-autocomplete="list"
            autoComplete="off"
            spellCheck={false}
            placeholder={t.search.placeholder}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onInputKey}
          />
          <SearchHelp onExample={(x) => { setQ(x); input.current?.focus() }} />
          <button type="button" className="palette-close" onClick={hide} aria-label={`Esc : ${t.search.close}`}>Esc</button>
        </div>
        <p className="visually-hidden" aria-live="polite">
          {answered && t.search.count(...countOf(response))}
        </p>
        {response && <QueryNotice response={response} corrected={corrected} />}
        <div id={`${ids}-list`} role="listbox" aria-label={t.search.results} className="palette-results" aria-busy={pending}>
          {response?.groups.map((g) => (
            <div key={g.docId} role="group" aria-labelledby={`${ids}-g-${g.docId}`} className="palette-group">
              <div id={`${ids}-g-${g.docId}`} className="palette-doc" role="presentation">
                <KindBadge kind={g.kind} /> <HighlightedText value={g.title} />
              </div>
              {g.sections.map((s) => {
                index += 1
                const i = index
                return (
                  <div
                    key={hitKey(s)}
                    id={`${ids}-opt-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={['palette-option', hitClass(s, 'palette')].filter(Boolean).join(' ')}
                    data-doc-id={g.docId}
                    data-section-id={s.sectionId}
                    onMouseMove={() => i !== active && setActive(i)}
                    onClick={() => openHit(i)}
                  >
                    <HitBody hit={s} variant="palette" />
                  </div>
                )
              })}
            </div>
          ))}
        </div>
        {(tooLong || error) && (
          <p className="palette-empty search-notice" role="alert">
            {tooLong ? t.search.tooLong(q.length, MAX_QUERY_LENGTH) : t.search.failed(error ?? '')}
          </p>
        )}
        {q.trim() === '' && (
          <div className="palette-empty">
            <p>{t.search.start}</p>
            <p>
              {t.search.tryExamples}{' '}
              {t.search.examples.map((x) => (
                <button key={x} type="button" className="example" onClick={() => { setQ(x); input.current?.focus() }}><code>{x}</code></button>
              ))}
            </p>
          </div>
        )}
        {answered && response.total.sections === 0 && !response.notice?.code.match(/nothing-to-search|stop-words-only/) && (
          <NoResults response={response} onPick={(x) => { setQ(x); input.current?.focus() }} />
        )}
        <footer className="palette-footer">
          <span className="palette-keys">{t.search.keys}</span>
          {answered && response.total.sections > 0 && (
            <a href={routeHash({ view: 'search', q, kinds: [], tags: [] })} onClick={(e) => { e.preventDefault(); openPage() }}>
              {t.search.seeAll(response.total.sections)}
            </a>
          )}
          {pending && <span className="palette-pending" role="status">{building ? t.search.building : t.search.searching}</span>}
        </footer>
      </div>
    </div>
  )
}
