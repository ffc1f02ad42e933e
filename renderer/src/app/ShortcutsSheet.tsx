/** The keyboard shortcuts sheet (`?`): a modal dialog listing SHORTCUTS by group. */
import { useEffect, useRef } from 'react'
import { Icon } from '../lib/icons'
import { useT } from '../i18n/i18n'
import { SHORTCUT_GROUPS, SHORTCUTS } from './shortcuts'
import { displayShortcut } from './keyboard'

export function ShortcutsSheet({ open, onClose }: { open: boolean; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const s = t.reader.shortcuts
  const ref = useRef<HTMLDialogElement>(null)
  const returnTo = useRef<HTMLElement | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      dialog.showModal()
    } else if (!open && dialog.open) {
      dialog.close()
    }
  }, [open])

  return (
    <dialog
      ref={ref}
      className="sheet shortcuts-sheet"
      aria-labelledby="shortcuts-title"
      onClose={() => {
        onClose()
        returnTo.current?.focus({ preventScroll: true })
      }}
      onClick={(e) => {
        if (e.target === ref.current) ref.current.close() // a click on the backdrop
      }}
    >
      <div className="sheet-head">
        <h2 id="shortcuts-title">{s.title}</h2>
        <button type="button" className="icon-button" aria-label={s.close} onClick={() => ref.current?.close()} autoFocus>
          <Icon name="close" />
        </button>
      </div>
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.id} aria-labelledby={`shortcuts-${g.id}`}>
            <h3 id={`shortcuts-${g.id}`}>{s.groups[g.id]}</h3>
            <dl>
              {g.actions.map((a) => (
                <div key={a} className="shortcut-row">
                  <dt>{s.actions[a]}</dt>
                  <dd>
                    {SHORTCUTS[a].map((spec, i) => (
                      <span key={spec} className="keys">
                        {i > 0 && <span className="or"> {s.or} </span>}
                        {displayShortcut(spec, s.keys).map((k, j) => (
                          <kbd key={j}>{k}</kbd>
                        ))}
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="sheet-foot">{s.mouse}</p>
    </dialog>
  )
}
