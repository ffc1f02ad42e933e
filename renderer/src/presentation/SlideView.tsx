/**
 * One slide, at whatever size its box has (type scales with the box). The markup comes from the
 * shared `slideInnerHtml` (the same as the exported deck) and goes through the one sanitiser.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import type { Slide } from '../../../electron/shared/presentation/deck'
import type { PresentationTheme } from '../../../electron/shared/presentation/state'
import { isDivider, slideInnerHtml } from '../../../electron/shared/presentation/slide-markup'
import type { SlideLabels } from '../../../electron/shared/presentation/slide-markup'
import { setSanitizedHtml } from '../lib/sanitize'
import { useT } from '../i18n/i18n'
import { adoptSlideStyles } from './slide-style'
import { fitSlide } from './fit'
import { useDocumentsStrings } from '../documents/kind-labels'

export interface SlideViewProps {
  readonly slide: Slide
  readonly index: number
  readonly count: number
  readonly theme: PresentationTheme
  readonly highlights: boolean
  readonly className?: string
  /** Hidden from assistive technology (previews that duplicate what is announced elsewhere). */
  readonly decorative?: boolean
}

export function SlideView({ slide, index, count, theme, highlights, className, decorative }: SlideViewProps): React.JSX.Element {
  const t = useT()
  const frame = useRef<HTMLDivElement>(null)
  const section = useRef<HTMLElement>(null)
  const documents = useDocumentsStrings()
  const labels: SlideLabels = useMemo(() => ({ ...t.presentation.slideLabels, kinds: { ...t.presentation.slideLabels.kinds, mien: documents.kindSingular }, position: t.presentation.position }), [t, documents])

  useLayoutEffect(() => {
    adoptSlideStyles()
    const el = section.current
    if (!el) return
    setSanitizedHtml(el, slideInnerHtml(slide, index, count, labels))
    fitSlide(el)
  }, [slide, index, count, labels])

  useEffect(() => {
    const el = section.current
    const box = frame.current
    if (!el || !box) return
    let live = true
    const refit = (): void => {
      if (live) fitSlide(el)
    }
    const observer = new ResizeObserver(refit)
    observer.observe(box)
    void document.fonts.ready.then(refit)
    return () => {
      live = false
      observer.disconnect()
    }
  }, [])

  return (
    <div
      ref={frame}
      className={`slide-frame${className ? ` ${className}` : ''}`}
      data-slide-theme={theme}
      data-highlights={highlights ? 'on' : 'off'}
      data-slide-index={index}
      lang="fr"
      aria-hidden={decorative ? 'true' : undefined}
    >
      <section ref={section} className="slide" data-kind={slide.kind} data-divider={isDivider(slide) ? '' : undefined} aria-label={t.presentation.position(index + 1, count)} />
    </div>
  )
}
