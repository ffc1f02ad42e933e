/**
 * The audience window: the current slide filling the screen, nothing else — black when the
 * presenter blanks it, the grid in overview. It never shows notes (and never asks for them).
 */
import type { PresentedDeck } from '../../../electron/shared/presentation/deck'
import type { PresentationState, WindowAction } from '../../../electron/shared/presentation/state'
import { useT } from '../i18n/i18n'
import { SlideView } from './SlideView'
import { Overview } from './Overview'
import { useAnnounceAudience } from './audience-presence'
import { AudienceRoom } from './room/AudienceRoom'

type Presenting = Extract<PresentationState, { status: 'presenting' }>

export function AudienceView({ state, deck, send, buffer }: {
  readonly state: Presenting
  readonly deck: PresentedDeck
  readonly send: (action: WindowAction) => void
  readonly buffer: string
}): React.JSX.Element {
  const t = useT()
  // The presenter shows « Rouvrir l'écran public » only while this window is gone.
  useAnnounceAudience()
  const slide = deck.slides[state.index]
  return (
    <main id="main" className="audience" data-presentation="audience" data-index={state.index} data-black={state.black ? 'true' : 'false'} data-overview={state.overview ? 'true' : 'false'} data-slide-theme={state.theme}>
      {state.overview ? (
        <Overview deck={deck} index={state.index} theme={state.theme} highlights={state.highlights} send={send} />
      ) : (
        slide && <SlideView slide={slide} index={state.index} count={deck.slides.length} theme={state.theme} highlights={state.highlights} className="audience-slide" />
      )}
      <AudienceRoom />
      <div className="black-screen" hidden={!state.black} aria-hidden="true" />
      {buffer && <div className="jump-buffer" aria-hidden="true">{t.presentation.typed(buffer)}</div>}
      <p className="sr-only" aria-live="polite">{t.presentation.position(state.index + 1, deck.slides.length)}</p>
    </main>
  )
}
