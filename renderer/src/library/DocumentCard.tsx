import type { DocumentSummary } from '../../../electron/shared/content/document'
import { useT } from '../i18n/i18n'
import { routeHash } from '../app/route'

export function DocumentCard({ doc }: { doc: DocumentSummary }): React.JSX.Element {
  const t = useT()
  return (
    <a className={`card card-${doc.kind}`} href={routeHash({ view: 'document', id: doc.id, anchor: null })} data-doc-id={doc.id}>
      <span className="card-kicker">
        {doc.kind === 'cahier' && doc.order !== null ? t.library.chapter(doc.order) : t.library.kindSingular[doc.kind]}
      </span>
      <span className="card-title">{doc.title}</span>
      <span className="card-summary">{doc.summary}</span>
      <span className="card-meta">{t.library.minutes(doc.readingMinutes)}</span>
    </a>
  )
}
