/** One document: header (title, kind, date, tags, sources, licence), contents sidebar, sanitised body. */
import { useEffect, useRef } from 'react'
import type { RenderedDocument } from '../../../electron/shared/content/document'
import { api, unwrap } from '../lib/api'
import { useAsync } from '../lib/use-async'
import { useT } from '../i18n/i18n'
import { setSanitizedHtml } from '../lib/sanitize'
import { handleDocumentClick } from './links'
import { DocumentHeader } from './DocumentHeader'
import { TableOfContents } from './TableOfContents'
import { PresentMenu } from '../presentation/PresentMenu'
import { SearchHighlights } from '../search/highlight/SearchHighlights'

export function DocumentView({ id, anchor, highlight = null }: { id: string; anchor: string | null; highlight?: string | null }): React.JSX.Element {
  const t = useT()
  const state = useAsync(() => unwrap(api.library.get({ id })), id)
  return (
    <main id="main" tabIndex={-1} className="reader">
      {state.status === 'loading' && <p className="loading" aria-busy="true">{t.document.loading}</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {t.document.notFound} <span className="error-detail">{state.error.message}</span>
        </p>
      )}
      {state.status === 'ready' && <DocumentBody doc={state.value} anchor={anchor} highlight={highlight} />}
    </main>
  )
}

function DocumentBody({ doc, anchor, highlight }: { doc: RenderedDocument; anchor: string | null; highlight: string | null }): React.JSX.Element {
  const bodyRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = bodyRef.current
    if (!el) return
    setSanitizedHtml(el, doc.html)
    const onClick = (e: MouseEvent): void => handleDocumentClick(e, el)
    el.addEventListener('click', onClick)
    return () => el.removeEventListener('click', onClick)
  }, [doc])
  useEffect(() => {
    const target = anchor ? bodyRef.current?.querySelector<HTMLElement>(`[id="${CSS.escape(anchor)}"]`) : null
    const heading = target ?? document.getElementById('doc-title')
    if (!heading) return
    if (target) target.scrollIntoView({ block: 'start' })
    else window.scrollTo(0, 0)
    heading.setAttribute('tabindex', '-1')
    heading.focus({ preventScroll: true })
  }, [doc, anchor])

  return (
    <div className="reader-layout">
      <TableOfContents doc={doc} />
      <article className="doc" lang="fr" aria-labelledby="doc-title">
        <DocumentHeader doc={doc} />
        <PresentMenu doc={doc} />
        <div className="doc-body" ref={bodyRef} data-doc-body={doc.summary.id} />
      </article>
      <SearchHighlights doc={doc} body={bodyRef} query={highlight} anchor={anchor} />
    </div>
  )
}
