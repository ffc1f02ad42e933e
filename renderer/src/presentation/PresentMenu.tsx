/**
 * « Présenter » in the document view: a small self-contained menu to present the whole document or
 * one of its sections (with its sub-sections), in the form chosen at its top (« Diaporama de
 * discussion » or « Texte intégral », remembered in the settings). Main opens the two windows.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { RenderedDocument } from '../../../electron/shared/content/document'
import { presentableSections } from '../../../electron/shared/presentation/spans'
import type { PresentSource } from '../../../electron/shared/presentation/deck'
import { api } from '../lib/api'
import { useT } from '../i18n/i18n'
import { HandoutButton } from '../export/HandoutButton'
import { useSettingsHandle } from '../settings/settings-context'
import { PresentFormChoice } from './PresentFormChoice'

export function PresentMenu({ doc }: { readonly doc: RenderedDocument }): React.JSX.Element {
  const t = useT()
  const p = t.presentation
  const { settings, update } = useSettingsHandle()
  const form = settings.presentForm
  const [open, setOpen] = useState(false)
  const [status, setStatus] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const sections = presentableSections(doc.sections).filter((s) => s.level <= 3)

  useEffect(() => {
    if (!open) return
    root.current?.querySelector<HTMLButtonElement>('.present-menu-panel button')?.focus()
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        setOpen(false)
        toggle.current?.focus()
      }
    }
    const onPointer = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open])

  const present = async (source: PresentSource): Promise<void> => {
    setOpen(false)
    setStatus({ kind: 'status', text: p.starting })
    const r = await api.presentation.start({ source: { ...source, form } })
    setStatus(r.ok ? { kind: 'status', text: p.started } : { kind: 'alert', text: r.error.message })
    toggle.current?.focus()
  }

  return (
    <div className="present-menu" ref={root}>
      <button ref={toggle} type="button" className="present-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">▶</span> {p.present}
      </button>
      {open && (
        <div id={panelId} className="present-menu-panel" role="group" aria-label={p.presentMenu}>
          <PresentFormChoice value={form} onChange={(f) => void update({ presentForm: f })} />
          <button type="button" className="present-item present-whole" onClick={() => void present({ kind: 'document', docId: doc.summary.id })}>
            {p.wholeDocument}
          </button>
          <p className="present-menu-heading">{p.sections}</p>
          <ul>
            {sections.map((s) => (
              <li key={s.id} className={`present-level-${s.level}`}>
                <button type="button" className="present-item" data-section={s.id} onClick={() => void present({ kind: 'section', docId: doc.summary.id, sectionId: s.id })}>
                  {s.title}
                </button>
                <HandoutButton docId={doc.summary.id} sectionId={s.id} className="handout-button handout-inline" label={s.title} />
              </li>
            ))}
          </ul>
          <a className="present-decks-link" href="#/decks">{p.decks.title} →</a>
        </div>
      )}
      <p className="present-status" role={status?.kind === 'alert' ? 'alert' : 'status'}>{status?.text ?? ''}</p>
    </div>
  )
}
