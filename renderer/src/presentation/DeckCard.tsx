/** One workshop deck: rename, reorder, add and remove parts, present, export, delete. */
import { useEffect, useRef, useState } from 'react'
import type { DocumentSummary } from '../../../electron/shared/content/document'
import type { DeckItem, DeckView, PresentForm } from '../../../electron/shared/presentation/deck'
import { api } from '../lib/api'
import { useT } from '../i18n/i18n'
import { SectionPicker } from './SectionPicker'

const itemKey = (i: DeckItem): DeckItem => ({ docId: i.docId, sectionId: i.sectionId })

export function DeckCard({ deck, documents, form, onChanged, onMessage }: {
  readonly deck: DeckView
  readonly documents: readonly DocumentSummary[]
  /** The form « Présenter » and « Exporter en HTML » use (chosen on the workshops screen). */
  readonly form: PresentForm
  readonly onChanged: (deck: DeckView | null) => void
  readonly onMessage: (kind: 'status' | 'alert', text: string) => void
}): React.JSX.Element {
  const t = useT()
  const d = t.presentation.decks
  const [name, setName] = useState(deck.name)
  const [confirming, setConfirming] = useState(false)
  const items = deck.items.map(itemKey)
  const titleOf = (i: number): string => deck.items[i]!.sectionTitle || deck.items[i]!.docTitle
  /** Names an item unambiguously (two case studies both have a « Qui » section). */
  const nameOf = (i: number): string => (deck.items[i]!.sectionTitle ? `${deck.items[i]!.sectionTitle} (${deck.items[i]!.docTitle})` : deck.items[i]!.docTitle)

  const update = async (patch: { name?: string; items?: DeckItem[] }): Promise<void> => {
    const r = await api.decks.update({ id: deck.id, ...patch })
    if (r.ok) onChanged(r.value)
    else onMessage('alert', r.error.message)
  }
  const list = useRef<HTMLOListElement>(null)
  const pendingFocus = useRef<string | null>(null)
  const move = (i: number, delta: number): void => {
    const next = [...items]
    const [it] = next.splice(i, 1)
    next.splice(i + delta, 0, it!)
    // Keyboard users keep their place: focus follows the moved item (its other arrow at an end).
    const to = i + delta
    const atEnd = to === 0 || to === items.length - 1
    const direction = delta < 0 ? (atEnd ? 'down' : 'up') : atEnd ? 'up' : 'down'
    pendingFocus.current = `li:nth-child(${to + 1}) button[data-move="${direction}"]`
    void update({ items: next })
  }
  useEffect(() => {
    if (!pendingFocus.current) return
    list.current?.querySelector<HTMLButtonElement>(pendingFocus.current)?.focus()
    pendingFocus.current = null
  }, [deck])

  return (
    <article className="deck-card" aria-labelledby={`deck-${deck.id}`} data-deck-id={deck.id}>
      <header className="deck-card-head">
        <h2 id={`deck-${deck.id}`}>{deck.name}</h2>
        <p className="deck-count">{d.items(deck.items.length)}</p>
      </header>
      <form className="deck-rename" onSubmit={(e) => { e.preventDefault(); void update({ name }) }}>
        <label htmlFor={`rename-${deck.id}`}>{d.rename}</label>
        <input id={`rename-${deck.id}`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button" disabled={name.trim() === deck.name || name.trim() === ''}>{d.saveName}</button>
      </form>
      {deck.items.length === 0 ? (
        <p className="empty">{d.noItems}</p>
      ) : (
        <ol className="deck-items" ref={list}>
          {deck.items.map((it, i) => (
            <li key={`${it.docId}#${it.sectionId ?? ''}#${i}`} data-missing={it.missing ? 'true' : undefined}>
              <span className="deck-item-title">
                <strong>{titleOf(i)}</strong>
                {it.sectionTitle && <span className="deck-item-doc"> — {it.docTitle}</span>}
                {it.missing && <span className="deck-item-missing"> ({d.missing})</span>}
              </span>
              <span className="deck-item-actions">
                <button type="button" className="icon-button" data-move="up" onClick={() => move(i, -1)} disabled={i === 0} aria-label={d.moveUp(nameOf(i))} title={d.moveUp(nameOf(i))}>↑</button>
                <button type="button" className="icon-button" data-move="down" onClick={() => move(i, 1)} disabled={i === deck.items.length - 1} aria-label={d.moveDown(nameOf(i))} title={d.moveDown(nameOf(i))}>↓</button>
                <button type="button" className="icon-button" onClick={() => void update({ items: items.filter((_, j) => j !== i) })} aria-label={d.remove(nameOf(i))} title={d.remove(nameOf(i))}>✕</button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <SectionPicker documents={documents} onAdd={(item) => void update({ items: [...items, item] })} />
      <div className="deck-actions">
        <button
          type="button"
          className="button primary"
          disabled={deck.items.length === 0}
          onClick={async () => {
            const r = await api.presentation.start({ source: { kind: 'deck', id: deck.id, form } })
            onMessage(r.ok ? 'status' : 'alert', r.ok ? t.presentation.started : r.error.message)
          }}
        >
          ▶ {d.present}
        </button>
        <button
          type="button"
          className="button"
          disabled={deck.items.length === 0}
          onClick={async () => {
            const r = await api.decks.export({ id: deck.id, form })
            if (!r.ok) onMessage('alert', r.error.message)
            else onMessage('status', r.value ? d.exported(r.value.path) : d.exportCancelled)
          }}
        >
          {d.export}
        </button>
        {confirming ? (
          <span className="confirm">
            <span>{d.confirmDelete(deck.name)}</span>
            <button type="button" className="button danger" onClick={async () => {
              const r = await api.decks.remove({ id: deck.id })
              if (r.ok) onChanged(null)
              else onMessage('alert', r.error.message)
            }}>{d.delete}</button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>{t.settings.close}</button>
          </span>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>{d.delete}</button>
        )}
      </div>
    </article>
  )
}
