/**
 * Click routing inside a rendered document: internal links become in-app navigation, in-page anchors
 * (footnotes, headings) scroll, external links go to the safe opener. The browser never follows a
 * link from document content by itself.
 */
import { api } from '../lib/api'
import { navigate } from '../app/route'

export function handleDocumentClick(e: MouseEvent, container: HTMLElement): void {
  const a = (e.target as Element | null)?.closest('a')
  if (!a || !container.contains(a)) return
  e.preventDefault()
  const doc = a.dataset.doc
  if (doc) {
    navigate({ view: 'document', id: doc, anchor: a.dataset.anchor ?? null })
    return
  }
  if (a.dataset.external === 'true') {
    void api.app.openExternal({ url: a.getAttribute('href') ?? '' }) // eng-disable OPEN_EXTERNAL_JS_CHECK — our API: main re-checks the URL
    return
  }
  const href = a.getAttribute('href') ?? ''
  if (href.startsWith('#') && !href.startsWith('#/')) {
    const id = decodeURIComponent(href.slice(1))
    const target = container.querySelector(`[id="${CSS.escape(id)}"]`)
    if (target instanceof HTMLElement) {
      target.scrollIntoView({ block: 'start' })
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
      target.focus({ preventScroll: true })
    }
  }
}
