/** The grid of all slides (O): click or Enter on one to go there. Shown in both windows. */
import { useEffect, useRef } from 'react'
import type { PresentedDeck } from '../../../electron/shared/presentation/deck'
import type { PresentationTheme, WindowAction } from '../../../electron/shared/presentation/state'
import { useT } from '../i18n/i18n'
import { SlideView } from './SlideView'

export function Overview(props: {
  readonly deck: PresentedDeck
  readonly index: number
  readonly theme: PresentationTheme
  readonly highlights: boolean
  readonly send: (action: WindowAction) => void
}): React.JSX.Element {
  const t = useT()
  const list = useRef<HTMLOListElement>(null)
  const { deck, index } = props
  useEffect(() => {
    list.current?.querySelector(`[data-overview-index="${index}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [index])
  return (
    <nav className="overview" aria-label={t.presentation.overview}>
      <ol ref={list}>
        {deck.slides.map((slide, i) => (
          <li key={i}>
            <button
              type="button"
              className="overview-item"
              data-overview-index={i}
              aria-current={i === index ? 'true' : undefined}
              aria-label={t.presentation.position(i + 1, deck.slides.length)}
              onClick={() => props.send({ type: 'goto', index: i })}
            >
              <SlideView slide={slide} index={i} count={deck.slides.length} theme={props.theme} highlights={props.highlights} decorative />
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
