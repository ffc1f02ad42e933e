/** The workshops screen: create, edit, present and export decks of sections from several documents. */
import { useEffect, useState } from 'react'
import type { DocumentSummary } from '../../../electron/shared/content/document'
import type { DeckView } from '../../../electron/shared/presentation/deck'
import { api, unwrap } from '../lib/api'
import { useT } from '../i18n/i18n'
import { DeckCard } from './DeckCard'
import { PresentFormChoice } from './PresentFormChoice'
import { useSettingsHandle } from '../settings/settings-context'

export function DecksView(): React.JSX.Element {
  const t = useT()
  const d = t.presentation.decks
  const [decks, setDecks] = useState<readonly DeckView[] | null>(null)
  const [documents, setDocuments] = useState<readonly DocumentSummary[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null)
  const [name, setName] = useState('')
  const { settings, update } = useSettingsHandle()

  useEffect(() => {
    void unwrap(api.decks.list({})).then((l) => {
      setDecks(l.decks)
      setProblem(l.problem)
    }, (e: unknown) => setMessage({ kind: 'alert', text: e instanceof Error ? e.message : String(e) }))
    void unwrap(api.library.list({})).then(setDocuments)
  }, [])

  const onMessage = (kind: 'status' | 'alert', text: string): void => setMessage({ kind, text })
  return (
    <main id="main" tabIndex={-1} className="decks" aria-labelledby="decks-title">
      <h1 id="decks-title">{d.title}</h1>
      <p className="lede">{d.intro}</p>
      {problem && (
        <div role="alert" className="error">
          <strong>{d.problem}</strong> <span className="error-detail">{problem}</span>
        </div>
      )}
      <form
        className="deck-create"
        onSubmit={async (e) => {
          e.preventDefault()
          const r = await api.decks.create({ name })
          if (!r.ok) return onMessage('alert', r.error.message)
          setDecks([...(decks ?? []), r.value])
          setName('')
        }}
      >
        <label htmlFor="new-deck">{d.newName}</label>
        <input id="new-deck" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button primary" disabled={name.trim() === ''}>{d.create}</button>
      </form>
      {/* One choice for every deck on the screen, the same remembered choice as the reader's menu. */}
      <div className="decks-form"><PresentFormChoice value={settings.presentForm} onChange={(f) => void update({ presentForm: f })} /></div>
      <p className="decks-message" role={message?.kind === 'alert' ? 'alert' : 'status'}>{message?.text ?? ''}</p>
      {decks && decks.length === 0 && <p className="empty">{d.empty}</p>}
      <div className="deck-list">
        {decks?.map((deck) => (
          <DeckCard
            key={deck.id}
            deck={deck}
            documents={documents}
            form={settings.presentForm}
            onMessage={onMessage}
            onChanged={(next) => setDecks(next ? decks.map((x) => (x.id === deck.id ? next : x)) : decks.filter((x) => x.id !== deck.id))}
          />
        ))}
      </div>
    </main>
  )
}
