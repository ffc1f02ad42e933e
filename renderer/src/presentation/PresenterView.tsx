/**
 * The presenter console: the current slide, the next one, the notes (large), elapsed time with
 * pause/reset, the clock, n/N, and the control bar. Everything it does goes through `send`.
 */
import type { DeckNotes, PresentedDeck } from '../../../electron/shared/presentation/deck'
import type { PresentationState, WindowAction } from '../../../electron/shared/presentation/state'
import { useT } from '../i18n/i18n'
import { SlideView } from './SlideView'
import { Overview } from './Overview'
import { NotesPanel } from './NotesPanel'
import { ControlBar, WindowControls } from './ControlBar'
import { Timer } from './Timer'
import { RoomPanel } from './room/RoomPanel'
import type { RoomPlace } from '../../../electron/shared/room/state'
import { useState } from 'react'

type Presenting = Extract<PresentationState, { status: 'presenting' }>

export function PresenterView(props: {
  readonly state: Presenting
  readonly deck: PresentedDeck
  readonly notes: DeckNotes | null
  readonly elapsedMs: number
  readonly receivedAt: number
  readonly send: (action: WindowAction) => void
  readonly buffer: string
  readonly error: string | null
}): React.JSX.Element {
  const t = useT()
  const p = t.presentation
  const { state, deck, send } = props
  const count = deck.slides.length
  const current = deck.slides[state.index]
  const next = deck.slides[state.index + 1]
  // « Recueillir les avis » takes the side column (next slide and notes) while it is open.
  const [roomOpen, setRoomOpen] = useState(false)
  const source = current?.source ?? deck.slides.find((x) => x.source !== null)?.source ?? null
  // « Reprendre la session »: back to the slide it was on (kept in its journal, even through a crash),
  // when this deck has its section (else the section's first slide, else nothing moves).
  const resumeAt = (docId: string, at: RoomPlace): void => {
    const inSection = (i: number): boolean => deck.slides[i]?.source?.docId === docId && deck.slides[i]?.source?.sectionId === at.sectionId
    const first = deck.slides.findIndex((_, i) => inSection(i))
    if (first < 0) return
    const index = inSection(first + at.slide) ? first + at.slide : first
    if (index !== state.index) send({ type: 'goto', index })
  }
  return (
    <div className="presenter" data-presentation="presenter" data-index={state.index} data-black={state.black ? 'true' : 'false'} data-overview={state.overview ? 'true' : 'false'}>
      <header className="presenter-bar">
        <h1 className="presenter-title">{deck.title || p.presenterTitle}</h1>
        <p className="presenter-position" aria-live="polite">
          <span className="sr-only">{p.position(state.index + 1, count)}</span>
          <span aria-hidden="true" data-testid="position">{state.index + 1} / {count}</span>
        </p>
        <Timer timer={state.timer} elapsedMs={props.elapsedMs} receivedAt={props.receivedAt} send={send} />
        <button type="button" className="control room-toggle" aria-pressed={roomOpen} onClick={() => setRoomOpen((o) => !o)}>
          {roomOpen ? t.room.close : t.room.open}
        </button>
        <WindowControls send={send} />
      </header>
      {props.error && <p role="alert" className="error presenter-error">{props.error}</p>}
      <main id="main" className="presenter-main">
        {state.overview ? (
          <Overview deck={deck} index={state.index} theme={state.theme} highlights={state.highlights} send={send} />
        ) : (
          <>
            <section className="presenter-current" aria-label={p.current}>
              {current && <SlideView slide={current} index={state.index} count={count} theme={state.theme} highlights={state.highlights} />}
              {state.black && <div className="black-indicator" role="status">{p.blackOn}</div>}
            </section>
            {roomOpen ? (
              <div className="presenter-side presenter-room">
                <RoomPanel docId={source?.docId ?? null} sectionId={source?.sectionId ?? null} onResume={resumeAt} />
              </div>
            ) : (
            <div className="presenter-side">
              <section className="presenter-next" aria-label={p.next}>
                <h2 className="panel-title">{p.next}</h2>
                {next ? (
                  <SlideView slide={next} index={state.index + 1} count={count} theme={state.theme} highlights={state.highlights} decorative />
                ) : (
                  <p className="end-of-deck">{p.endOfDeck}</p>
                )}
              </section>
              <NotesPanel notes={props.notes ? (props.notes.notes[state.index] ?? []) : null} />
            </div>
            )}
          </>
        )}
      </main>
      {props.buffer && <div className="jump-buffer" role="status">{p.typed(props.buffer)}</div>}
      <ControlBar state={state} send={send} />
      <p className="keys-help">{p.keysHelp}</p>
    </div>
  )
}
