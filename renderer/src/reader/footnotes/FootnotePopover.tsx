/**
 * A footnote shown next to its call: a non-modal dialog holding a copy of the note's nodes (cloned
 * from the sanitised body, never parsed from a string), focused when it opens, closed by Escape,
 * the close button or a click elsewhere, after which focus returns to the call. The notes also stay
 * at the end of the document; « Voir dans les notes » goes there.
 */
import { useCallback, useLayoutEffect, useRef } from 'react'
import { Icon } from '../../lib/icons'
import { useT } from '../../i18n/i18n'
import { useDismiss } from '../../lib/use-dismiss'
import { handleContentClick } from '../links'
import type { LinkHandlers } from '../links'
import { focusHeading } from '../focus'

export interface OpenFootnote {
  readonly ref: HTMLAnchorElement
  readonly note: HTMLElement
}

/** The note a footnote call points to (`href="#footnote-1"`), inside the same body. */
export function footnoteFor(ref: HTMLAnchorElement, body: HTMLElement): HTMLElement | null {
  const id = (ref.getAttribute('href') ?? '').replace(/^#/, '')
  return id ? body.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`) : null
}

export function FootnotePopover(props: { open: OpenFootnote | null; container: HTMLElement | null; links: LinkHandlers; onClose: () => void }): React.JSX.Element | null {
  const { open, container, links, onClose } = props
  const t = useT()
  const box = useRef<HTMLDivElement>(null)
  const content = useRef<HTMLDivElement>(null)
  const close = useCallback(() => onClose(), [onClose])
  useDismiss({ open: open !== null, popover: box, anchor: open?.ref ?? null, onClose: close })

  useLayoutEffect(() => {
    const c = content.current
    if (!open || !c || !container) return
    const copy = open.note.cloneNode(true) as HTMLElement
    copy.querySelectorAll('[data-footnote-backref]').forEach((a) => a.remove())
    copy.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'))
    c.replaceChildren(...Array.from(copy.childNodes))
    const refRect = open.ref.getBoundingClientRect()
    const base = container.getBoundingClientRect()
    const width = Math.min(420, base.width - 16)
    const left = Math.max(8, Math.min(refRect.left - base.left - 24, base.width - width - 8))
    const below = window.innerHeight - refRect.bottom > 220
    // Placed imperatively (React does not own these), so it is visible, hence focusable, at once.
    const el = box.current!
    el.style.top = `${below ? refRect.bottom - base.top + 8 : refRect.top - base.top - 8}px`
    el.style.left = `${left}px`
    el.dataset.placement = below ? 'below' : 'above'
    el.focus({ preventScroll: true })
    const onClick = (e: MouseEvent): void => handleContentClick(e, c, links)
    c.addEventListener('click', onClick)
    return () => c.removeEventListener('click', onClick)
  }, [open, container, links])

  if (!open) return null
  const label = open.ref.textContent ?? ''
  return (
    <div
      ref={box}
      className="popover footnote-popover"
      role="dialog"
      aria-labelledby="footnote-popover-title"
      tabIndex={-1}
    >
      <div className="popover-head">
        <h2 id="footnote-popover-title">{t.reader.footnote.title(label)}</h2>
        <button type="button" className="icon-button" aria-label={t.reader.footnote.close} onClick={() => {
          onClose()
          open.ref.focus({ preventScroll: true })
        }}>
          <Icon name="close" />
        </button>
      </div>
      <div className="popover-content" ref={content} lang="fr" />
      <button
        type="button"
        className="link-button"
        onClick={() => {
          onClose()
          open.note.scrollIntoView({ block: 'center' })
          focusHeading(open.note)
        }}
      >
        {t.reader.footnote.goTo}
      </button>
    </div>
  )
}
