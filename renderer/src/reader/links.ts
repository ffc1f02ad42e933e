/**
 * Click routing inside rendered document content (the body, and footnote popovers): links to
 * documents and sections become in-app navigation (a history entry: Back returns), footnote calls
 * open their popover, other in-page anchors (footnote back-links) scroll and move focus, external
 * links go to the checked opener. The browser never follows a link from content by itself.
 */
import { navigate } from '../app/route'
import { focusHeading } from './focus'

export interface LinkHandlers {
  /** The id of the document the content belongs to (in-page section links become routes). */
  readonly docId: string
  readonly openExternal: (url: string) => void
  readonly onFootnoteRef?: (ref: HTMLAnchorElement) => void
}

export function handleContentClick(e: MouseEvent, container: HTMLElement, h: LinkHandlers): void {
  if (e.button !== 0) return
  const a = (e.target as Element | null)?.closest('a')
  if (!a || !container.contains(a)) return
  e.preventDefault()
  if (a.hasAttribute('data-footnote-ref') && h.onFootnoteRef) {
    h.onFootnoteRef(a)
    return
  }
  const doc = a.dataset.doc
  if (doc) {
    navigate({ view: 'document', id: doc, anchor: a.dataset.anchor ?? null })
    return
  }
  if (a.dataset.external === 'true') {
    h.openExternal(a.getAttribute('href') ?? '') // eng-disable OPEN_EXTERNAL_JS_CHECK — the reader's handler, which calls our API: main re-checks the URL
    return
  }
  if (a.dataset.anchor !== undefined) {
    navigate({ view: 'document', id: h.docId, anchor: a.dataset.anchor || null })
    return
  }
  const href = a.getAttribute('href') ?? ''
  if (href.startsWith('#') && !href.startsWith('#/')) {
    let id = href.slice(1)
    try {
      id = decodeURIComponent(id)
    } catch {
      return
    }
    const target = document.getElementById(id)
    if (target && (container.contains(target) || target.closest('.doc-body'))) {
      target.scrollIntoView({ block: 'center' })
      focusHeading(target)
    }
  }
}
