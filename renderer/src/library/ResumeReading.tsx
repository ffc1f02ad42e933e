/** « Reprendre la lecture »: the last documents opened and not finished, with their progress. */
import type { DocumentSummary } from '../../../electron/shared/content/document'
import type { ReadingPosition } from '../../../electron/shared/reading'
import { useT } from '../i18n/i18n'
import { routeHash, updateHistoryState } from '../app/route'
import { ProgressBar } from './ProgressBar'
import { kicker } from './DocumentCard'
import { useKindLabels } from '../documents/kind-labels'
import { isBegun } from './begun'

const MAX = 4

export function resumable(docs: readonly DocumentSummary[], positions: readonly ReadingPosition[]): { doc: DocumentSummary; position: ReadingPosition }[] {
  const byId = new Map(docs.map((d) => [d.id, d]))
  return positions
    // Begun (not just opened at the top) and not finished.
    .filter((p) => isBegun(p) && p.progress < 0.98 && byId.has(p.docId))
    .slice(0, MAX)
    .map((position) => ({ doc: byId.get(position.docId)!, position }))
}

/** Nothing begun yet: an invitation to start with the cahier's first chapter. */
function StartReading({ doc }: { doc: DocumentSummary }): React.JSX.Element {
  const t = useT()
  const kinds = useKindLabels()
  return (
    <section className="resume resume-start" aria-labelledby="resume-title">
      <h2 id="resume-title">{t.reader.library.start}</h2>
      <a className="start-card" href={routeHash({ view: 'document', id: doc.id, anchor: null })} data-resume-id={doc.id}>
        <span className="card-kicker">{kicker(doc, t, kinds)}</span>
        <span className="start-title">{doc.title}</span>
        <span className="start-summary">{doc.summary}</span>
        <span className="start-meta">
          {t.library.minutes(doc.readingMinutes)} · {t.reader.library.startAction} <span aria-hidden="true">→</span>
        </span>
      </a>
    </section>
  )
}

export function ResumeReading({ items, first }: { items: ReturnType<typeof resumable>; first: DocumentSummary | null }): React.JSX.Element | null {
  const t = useT()
  const kinds = useKindLabels()
  const r = t.reader.library
  if (items.length === 0) return first ? <StartReading doc={first} /> : null
  return (
    <section className="resume" aria-labelledby="resume-title">
      <h2 id="resume-title">{r.resume}</h2>
      <ul className="resume-list" role="list">
        {items.map(({ doc, position }) => {
          const percent = Math.round(position.progress * 100)
          const left = Math.max(1, Math.round(doc.readingMinutes * (1 - position.progress)))
          return (
            <li key={doc.id}>
              <a
                className="resume-card"
                href={routeHash({ view: 'document', id: doc.id, anchor: null })}
                data-resume-id={doc.id}
                onClick={() => updateHistoryState({ libraryFocus: doc.id })}
              >
                <span className="card-kicker">{kicker(doc, t, kinds)}</span>
                <span className="resume-title">{doc.title}</span>
                <span className="resume-meta">
                  <span>{r.percentRead(percent)}</span>
                  <span>{r.minutesLeft(left)}</span>
                </span>
                <ProgressBar value={position.progress} />
              </a>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
