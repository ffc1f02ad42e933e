/**
 * The document body: a plain container whose `textContent` is exactly the document's text. It is
 * filled once per document through the one HTML sink (setSanitizedHtml), before paint; other modules
 * (glossary, find, annotations) decorate it without changing its text, and find it through
 * `onReady` / the reader context. Clicks on links are routed by reader/links.ts.
 */
import { memo, useLayoutEffect, useRef } from 'react'
import type { RenderedDocument } from '../../../electron/shared/content/document'
import { setSanitizedHtml } from '../lib/sanitize'
import { markAfterPaint } from '../lib/perf'
import { handleContentClick } from './links'
import type { LinkHandlers } from './links'

export const DocumentBody = memo(function DocumentBody(props: {
  doc: RenderedDocument
  links: LinkHandlers
  onReady: (el: HTMLDivElement | null) => void
}): React.JSX.Element {
  const { doc, links, onReady } = props
  const ref = useRef<HTMLDivElement>(null)
  const linksRef = useRef(links)
  linksRef.current = links

  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    setSanitizedHtml(el, doc.html)
    performance.mark('reader:html-set')
    markAfterPaint('reader:text-painted', { characters: doc.text.length })
    const onClick = (e: MouseEvent): void => handleContentClick(e, el, linksRef.current)
    // A middle click must not try to open a window either.
    const onAux = (e: MouseEvent): void => {
      if ((e.target as Element | null)?.closest('a')) e.preventDefault()
    }
    el.addEventListener('click', onClick)
    el.addEventListener('auxclick', onAux)
    onReady(el)
    return () => {
      el.removeEventListener('click', onClick)
      el.removeEventListener('auxclick', onAux)
      onReady(null)
    }
  }, [doc, onReady])

  return <div className="doc-body" ref={ref} data-doc-body={doc.summary.id} />
})
