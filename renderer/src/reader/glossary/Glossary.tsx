/**
 * Glossary terms in the document: decorates the body once it is painted, keeps the definitions
 * (hidden, referenced by `aria-describedby`, so screen readers announce them on focus), and shows a
 * tooltip on hover and on keyboard focus. The tooltip stays while hovered, and Escape hides it
 * (WCAG 1.4.13).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { RenderedDocument } from '../../../../electron/shared/content/document'
import type { Glossary as GlossaryData, GlossaryTerm } from '../../../../electron/shared/content/glossary'
import { loadGlossary } from '../../lib/library-data'
import { useT } from '../../i18n/i18n'
import { decorateGlossaryTerms, definitionId } from './decorate'
import { afterNextPaint } from '../../lib/perf'

const HIDE_DELAY_MS = 200

interface Tip {
  readonly term: GlossaryTerm
  readonly el: HTMLElement
}

export function GlossaryTerms({ body, container, doc }: { body: HTMLElement | null; container: HTMLElement | null; doc: RenderedDocument }): React.JSX.Element | null {
  const t = useT()
  const [glossary, setGlossary] = useState<GlossaryData | null>(null)
  const [used, setUsed] = useState<readonly string[]>([])
  const [tip, setTip] = useState<Tip | null>(null)
  const tipRef = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState<{ top: number; left: number; above: boolean } | null>(null)

  useEffect(() => {
    let live = true
    loadGlossary().then((g) => live && setGlossary(g), () => undefined) // no glossary: no tooltips
    return () => {
      live = false
    }
  }, [])

  // Decorate once the text is on screen, when the page is idle (never delays the first paint).
  useEffect(() => {
    if (!body || !glossary) return
    let live = true
    let idle = 0
    afterNextPaint(() => {
      if (!live) return
      idle = requestIdleCallback(
        () => {
          setUsed(decorateGlossaryTerms(body, doc, glossary))
          body.dataset.glossary = 'done' // for tests and other modules: terms are in place
        },
        { timeout: 500 },
      )
    })
    return () => {
      live = false
      cancelIdleCallback(idle)
    }
  }, [body, doc, glossary])

  // Hover and focus show the tooltip; leaving (with a grace period), blur and Escape hide it.
  useEffect(() => {
    if (!body || !glossary) return
    const terms = new Map(glossary.terms.map((x) => [x.id, x]))
    let hideTimer = 0
    const termOf = (target: EventTarget | null): HTMLElement | null => (target instanceof Element ? target.closest<HTMLElement>('[data-term]') : null)
    const show = (e: Event): void => {
      const el = termOf(e.target)
      const term = el ? terms.get(el.dataset.term ?? '') : undefined
      if (!el || !term) return
      clearTimeout(hideTimer)
      setTip((current) => (current?.el === el ? current : { term, el }))
    }
    const hideSoon = (e: Event): void => {
      if (!termOf(e.target)) return
      const to = (e as MouseEvent | FocusEvent).relatedTarget as Node | null
      if (to && tipRef.current?.contains(to)) return
      clearTimeout(hideTimer)
      hideTimer = window.setTimeout(() => setTip(null), HIDE_DELAY_MS)
    }
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setTip((current) => (current ? null : current))
    }
    const tipEl = tipRef.current
    const keep = (): void => clearTimeout(hideTimer)
    const leaveTip = (): void => {
      hideTimer = window.setTimeout(() => setTip(null), HIDE_DELAY_MS)
    }
    body.addEventListener('mouseover', show)
    body.addEventListener('focusin', show)
    body.addEventListener('mouseout', hideSoon)
    body.addEventListener('focusout', hideSoon)
    document.addEventListener('keydown', onKey)
    tipEl?.addEventListener('mouseenter', keep)
    tipEl?.addEventListener('mouseleave', leaveTip)
    return () => {
      clearTimeout(hideTimer)
      body.removeEventListener('mouseover', show)
      body.removeEventListener('focusin', show)
      body.removeEventListener('mouseout', hideSoon)
      body.removeEventListener('focusout', hideSoon)
      document.removeEventListener('keydown', onKey)
      tipEl?.removeEventListener('mouseenter', keep)
      tipEl?.removeEventListener('mouseleave', leaveTip)
    }
  }, [body, glossary])

  useEffect(() => {
    if (!tip || !container) {
      setPosition(null)
      return
    }
    const r = tip.el.getBoundingClientRect()
    const base = container.getBoundingClientRect()
    const width = Math.min(360, base.width - 16)
    setPosition({ top: r.bottom - base.top + 6, left: Math.max(8, Math.min(r.left - base.left, base.width - width - 8)), above: false })
  }, [tip, container])

  // Near the bottom of the window the definition opens above the word, when there is more room there.
  useLayoutEffect(() => {
    const el = tipRef.current
    if (!tip || !container || !position || position.above || !el) return
    const box = el.getBoundingClientRect()
    if (box.bottom <= window.innerHeight - 8) return
    const word = tip.el.getBoundingClientRect()
    if (word.top - 6 - box.height < 8 && window.innerHeight - word.bottom > word.top) return
    setPosition({ ...position, top: word.top - container.getBoundingClientRect().top - 6 - box.height, above: true })
  }, [tip, container, position])

  if (!glossary) return null
  const byId = new Map(glossary.terms.map((x) => [x.id, x]))
  return (
    <>
      <div hidden>
        {used.map((id) => (
          <p key={id} id={definitionId(id)} lang="fr">
            {t.reader.glossary.definitionPrefix} {byId.get(id)?.definition}
          </p>
        ))}
      </div>
      <div
        ref={tipRef}
        className="popover glossary-tip"
        role="tooltip"
        id="glossary-tooltip"
        hidden={!tip || !position}
        style={position ? { top: position.top, left: position.left } : undefined}
      >
        {tip && (
          <>
            <p className="glossary-tip-term" lang="fr">{tip.term.term}</p>
            <p className="glossary-tip-definition" lang="fr">{firstParagraph(tip.term.definition)}</p>
            <p className="glossary-tip-hint">{t.reader.glossary.hint}</p>
          </>
        )}
      </div>
    </>
  )
}

function firstParagraph(definition: string): string {
  const first = definition.split('\n')[0] ?? ''
  return first.length > 420 ? `${first.slice(0, 400).replace(/\s+\S*$/, '')}…` : first
}
