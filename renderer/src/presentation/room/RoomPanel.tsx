/**
 * The facilitator's side of « Recueillir les avis », in the presenter console: open, suspend,
 * resume or end the session; what it exposes and to whom; the address and code; the question
 * asked; the answers (RoomAnswers) and the « Cahier de l’atelier ». Every action goes to the room
 * service; the panel shows the status it gets back (and again on each `room.changed`).
 */
import { useCallback, useState } from 'react'
import type { RoomAction } from '../../../../electron/shared/room/actions'
import type { RoomStatus } from '../../../../electron/shared/room/api'
import type { RoomPlace } from '../../../../electron/shared/room/state'
import type { Result } from '../../../../electron/shared/result'
import { useT } from '../../i18n/i18n'
import { api } from '../../lib/api'
import { useRoomStatus } from './use-room'
import { RoomAnswers } from './RoomAnswers'

export function RoomPanel({ docId, sectionId, onResume }: {
  readonly docId: string | null
  readonly sectionId: string | null
  /** « Reprendre »: the section of the document (docId) the session was last on, for the console to go back to. */
  readonly onResume?: (docId: string, at: RoomPlace) => void
}): React.JSX.Element {
  const t = useT().room
  const room = useRoomStatus()
  const [place, setPlace] = useState('')
  const [typed, setTyped] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const status = room.value
  const view = status?.view ?? null
  const openHere = view !== null && !view.closed && view.section.docId === docId

  const setStatus = room.set
  // Stable across renders: the answers' rows are memoised and get `act` as a prop.
  const run = useCallback(async (call: Promise<Result<RoomStatus>>): Promise<boolean> => {
    const r = await call
    if (r.ok) {
      setStatus(r.value)
      setMessage(null)
    } else setMessage(t.failed(r.error.message))
    return r.ok
  }, [setStatus, t])
  const act = useCallback((action: RoomAction): Promise<boolean> => run(api.room.dispatch({ action })), [run])
  const start = async (): Promise<void> => {
    const resuming = openHere
    const call = api.room.start({ docId: docId ?? '', sectionId, ...(place.trim() ? { place: place.trim() } : {}) })
    const r = await call
    if ((await run(call)) && resuming && r.ok && r.value.view) onResume?.(r.value.view.section.docId, r.value.view.at)
  }
  const saveCahier = async (): Promise<void> => {
    const r = await api.room.saveCahier({})
    setMessage(r.ok ? (r.value ? t.cahierSaved(r.value.path) : t.cancelled) : t.failed(r.error.message))
  }

  return (
    <section className="room-panel" aria-labelledby="room-panel-title" data-room={status?.running ? 'running' : openHere ? 'paused' : 'none'}>
      <h2 id="room-panel-title" className="panel-title">{t.panel}</h2>
      {room.error && <p role="alert" className="error">{room.error}</p>}
      <p className="room-exposure">{status?.running ? t.exposure : t.intro}</p>
      {!status?.running && (
        <div className="room-start">
          {openHere ? (
            <>
              <p>{t.resumable(view.answers.length)}</p>
              <p>{t.resumeAt(view.at.title, view.at.slide)}</p>
            </>
          ) : (
            <label className="room-field">{t.place}<input value={place} maxLength={120} onChange={(e) => setPlace(e.target.value)} /></label>
          )}
          <div className="room-row">
            <button type="button" className="control primary" disabled={docId === null} onClick={() => void start()}>
              {openHere ? t.resume : t.start}
            </button>
            {openHere && <button type="button" className="control" onClick={() => void run(api.room.end({}))}>{t.end}</button>}
          </div>
        </div>
      )}
      {status?.running && view && (
        <>
          <div className="room-join" data-testid="room-join">
            {status.urls[0] ? (
              <p><span className="room-label">{t.address}</span> <strong className="room-url">{status.urls[0]}</strong></p>
            ) : (
              <p role="alert">{t.noNetwork}</p>
            )}
            <p><span className="room-label">{t.code}</span> <strong className="room-code">{view.code}</strong></p>
            <div className="room-row">
              <button type="button" className="control" aria-pressed={view.invitation} onClick={() => void act({ type: 'project', answerIds: view.answers.filter((a) => a.projected).map((a) => a.id), invitation: !view.invitation })}>
                {view.invitation ? t.hideInvitation : t.showInvitation}
              </button>
              <button type="button" className="control" onClick={() => void run(api.room.stop({}))}>{t.stop}</button>
              <button type="button" className="control" onClick={() => void run(api.room.end({}))}>{t.end}</button>
            </div>
          </div>
          <div className="room-question">
            {view.questions.length > 0 ? (
              <label className="room-field">
                {t.question}
                <select value={view.current ?? ''} onChange={(e) => void act({ type: 'ask', questionId: e.target.value })}>
                  {view.questions.map((q) => <option key={q.id} value={q.id}>{q.text}</option>)}
                </select>
              </label>
            ) : (
              <p>{t.noQuestion}</p>
            )}
            <form className="room-row" onSubmit={(e) => {
              e.preventDefault()
              if (typed.trim()) void act({ type: 'question', text: typed.trim() }).then((done) => done && setTyped(''))
            }}>
              <label className="room-field">{t.newQuestion}<input value={typed} maxLength={300} onChange={(e) => setTyped(e.target.value)} /></label>
              <button type="submit" className="control">{t.askNew}</button>
            </form>
          </div>
          <RoomAnswers view={view} act={act} />
        </>
      )}
      {view && (view.answers.length > 0 || view.closed) && (
        <div className="room-row">
          <button type="button" className="control" onClick={() => void saveCahier()}>{t.saveCahier}</button>
        </div>
      )}
      {view?.closed && <p>{t.ended}</p>}
      {message && <p role="status" className="room-message">{message}</p>}
    </section>
  )
}
