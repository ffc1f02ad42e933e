/**
 * The query language, documented where people search: a disclosure button and its popover.
 * Escape closes it and gives focus back to the button.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../i18n/i18n'

export function SearchHelp({ onExample }: { onExample?(query: string): void }): React.JSX.Element {
  const t = useT()
  const [open, setOpen] = useState(false)
  const id = useId()
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (open) panel.current?.focus()
  }, [open])
  const close = (): void => {
    setOpen(false)
    button.current?.focus()
  }
  return (
    <div className="search-help">
      <button ref={button} type="button" className="help-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} title={t.search.help.button}>
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">{t.search.help.button}</span>
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          className="help-popover"
          role="region"
          aria-label={t.search.help.title}
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              close()
            }
          }}
        >
          <h2>{t.search.help.title}</h2>
          <table>
            <tbody>
              {t.search.help.rows.map(([syntax, meaning]) => (
                <tr key={syntax}>
                  <th scope="row">
                    {onExample ? (
                      <button type="button" className="example" onClick={() => { onExample(syntax); close() }}><code>{syntax}</code></button>
                    ) : (
                      <code>{syntax}</code>
                    )}
                  </th>
                  <td>{meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t.search.help.notes}</p>
          <button type="button" className="chip" onClick={close}>{t.search.help.close}</button>
        </div>
      )}
    </div>
  )
}
