/** Previous / next chapter of the cahier, at the end of a chapter (also Alt+Page↑ / Alt+Page↓). */
import { memo } from 'react'
import type { DocumentSummary } from '../../../electron/shared/content/document'
import { useT } from '../i18n/i18n'
import { routeHash } from '../app/route'
import type { Neighbours } from './chapters'

function Link({ doc, rel, label }: { doc: DocumentSummary; rel: 'prev' | 'next'; label: string }): React.JSX.Element {
  const t = useT()
  return (
    <a className={`chapter-link chapter-${rel}`} href={routeHash({ view: 'document', id: doc.id, anchor: null })} rel={rel} data-chapter={rel}>
      <span className="chapter-dir">
        {rel === 'prev' && <span aria-hidden="true">← </span>}
        {label}
        {rel === 'next' && <span aria-hidden="true"> →</span>}
      </span>
      <span className="chapter-title">
        <span className="chapter-number">{doc.order !== null ? t.library.chapter(doc.order) : ''}</span> {doc.title}
      </span>
    </a>
  )
}

export const ChapterNav = memo(function ChapterNav({ neighbours }: { neighbours: Neighbours }): React.JSX.Element {
  const t = useT()
  return (
    <nav className="chapter-nav" aria-label={t.reader.chapters.nav}>
      {neighbours.previous ? <Link doc={neighbours.previous} rel="prev" label={t.reader.chapters.previous} /> : <span />}
      {neighbours.next ? <Link doc={neighbours.next} rel="next" label={t.reader.chapters.next} /> : <span />}
    </nav>
  )
})
