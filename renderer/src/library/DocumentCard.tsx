/** One document in the library: kind or chapter, title, summary, reading time and progress. */
import { memo } from 'react'
import type { DocumentSummary } from '../../../electron/shared/content/document'
import { useT } from '../i18n/i18n'
import { routeHash, updateHistoryState } from '../app/route'
import { ProgressBar } from './ProgressBar'
import { isBegun } from './begun'
import { useKindLabels } from '../documents/kind-labels'
import type { KindLabels } from '../documents/kind-labels'

export function kicker(doc: DocumentSummary, t: ReturnType<typeof useT>, kinds: KindLabels): string {
  return doc.kind === 'cahier' && doc.order !== null ? t.library.chapter(doc.order) : kinds.singular[doc.kind]
}

export const DocumentCard = memo(function DocumentCard({ doc, progress }: { doc: DocumentSummary; progress: number | undefined }): React.JSX.Element {
  const t = useT()
  const kinds = useKindLabels()
  const read = progress !== undefined && isBegun({ offset: 0, progress }) // opened and left at the top does not count
  return (
    <a
      className={`card card-${doc.kind}`}
      href={routeHash({ view: 'document', id: doc.id, anchor: null })}
      data-doc-id={doc.id}
      onClick={() => updateHistoryState({ libraryFocus: doc.id })}
    >
      <span className="card-kicker">{kicker(doc, t, kinds)}</span>
      <span className="card-title">{doc.title}</span>
      <span className="card-summary">{doc.summary}</span>
      <span className="card-meta">
        <span>{t.library.minutes(doc.readingMinutes)}</span>
        {read && <span className="card-progress-label">{progress >= 0.98 ? t.reader.library.done : t.reader.library.percentRead(Math.round(progress * 100))}</span>}
      </span>
      {read && <ProgressBar value={progress} />}
    </a>
  )
})
