/**
 * The speaker notes of the current slide, large, sanitised, with their passage and colour; in the
 * discussion form, last, the full text of the part presented (a note without colour).
 */
import { useEffect, useRef, useState } from 'react'
import type { SlideNote } from '../../../electron/shared/presentation/deck'
import { setSanitizedHtml } from '../lib/sanitize'
import { api } from '../lib/api'
import { useT } from '../i18n/i18n'

const SIZES = [1, 1.25, 1.5, 1.8, 2.2] as const
const SIZE_KEY = 'passerelles.presenter.notesSize'

function NoteBody({ html }: { html: string }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (ref.current) setSanitizedHtml(ref.current, html)
  }, [html])
  return (
    <div
      ref={ref}
      className="note-body"
      onClick={(e) => {
        // Links in notes open in the system browser (checked by main), never in this window.
        const a = (e.target as Element).closest('a')
        if (!a) return
        e.preventDefault()
        const href = a.getAttribute('href') ?? ''
        if (/^(https|mailto):/i.test(href)) void api.app.openExternal({ url: href }) // eng-disable OPEN_EXTERNAL_JS_CHECK — our API: main re-checks the URL
      }}
    />
  )
}

export function NotesPanel({ notes }: { notes: readonly SlideNote[] | null }): React.JSX.Element {
  const t = useT()
  const [size, setSize] = useState(() => {
    const saved = Number(window.localStorage.getItem(SIZE_KEY))
    return SIZES.includes(saved as (typeof SIZES)[number]) ? saved : SIZES[1]
  })
  const change = (delta: number): void => {
    const i = Math.max(0, Math.min(SIZES.length - 1, SIZES.indexOf(size as (typeof SIZES)[number]) + delta))
    setSize(SIZES[i]!)
    window.localStorage.setItem(SIZE_KEY, String(SIZES[i]))
  }
  return (
    <section className="presenter-notes" aria-labelledby="notes-title">
      <div className="panel-head">
        <h2 id="notes-title">{t.presentation.notes}</h2>
        <div className="notes-size">
          <button type="button" className="icon-button" onClick={() => change(-1)} title={t.presentation.notesSmaller}><span aria-hidden="true">A−</span><span className="sr-only">{t.presentation.notesSmaller}</span></button>
          <button type="button" className="icon-button" onClick={() => change(1)} title={t.presentation.notesBigger}><span aria-hidden="true">A+</span><span className="sr-only">{t.presentation.notesBigger}</span></button>
        </div>
      </div>
      <div className="notes-list" style={{ fontSize: `${size * 1.25}rem` }}>
        {notes && notes.length > 0 ? (
          <ul>
            {notes.map((n) => (
              <li key={n.id} className={n.color === null ? 'note note-text' : 'note'} data-color={n.color ?? undefined}>
                {n.color === null && <h3 className="note-text-title">{n.label}</h3>}
                {n.quote && (
                  <p className="note-quote">
                    <span className="note-label">{n.label}</span> {'«\u00A0'}{n.quote}{'\u00A0»'}
                  </p>
                )}
                <NoteBody html={n.html} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="notes-empty">{t.presentation.noNotes}</p>
        )}
      </div>
    </section>
  )
}
