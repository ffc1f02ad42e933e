/**
 * « Importer les surlignages du PDF (n) »: the highlights and notes another reader saved in the PDF
 * become annotations (`documents.importPdfMarkups`); the result is reported per markup — added,
 * already imported, or its passage not found — with where the anchoring engine put it.
 */
import type { PdfMarkupsReport } from '../../../electron/shared/documents/model'
import { useT } from '../i18n/i18n'
import { api } from '../lib/api'
import { useAction } from '../lib/use-action'
import { useDocumentsStrings } from './kind-labels'

function MarkupsReport({ report }: { report: PdfMarkupsReport }): React.JSX.Element {
  const d = useDocumentsStrings()
  const t = useT()
  const count = (o: string): number => report.items.filter((i) => i.outcome === o).length
  return (
    <div className="markups-report" role="status">
      <p>{d.markupsDone(count('added'), count('already'), count('not-placed'))}</p>
      <ul>
        {report.items.map((i) => (
          <li key={i.key} className={`markup-${i.outcome}`}>
            <span className={`annot-swatch color-${i.color}`} aria-hidden="true" /> {d.markupPage(i.page)} — {i.quote ? `« ${i.quote} »` : d.markupNote}
            {i.note && <span className="markup-note"> : {i.note}</span>} — <strong>{d.markupOutcome[i.outcome]}</strong>
            {i.status && i.outcome !== 'not-placed' && i.status !== 'anchored' && i.status !== 'note' ? ` (${t.annotations.status[i.status] ?? i.status})` : ''}
            {i.reason && <span className="import-message"> ({i.reason})</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}

export function PdfMarkupsButton({ id, count }: { id: string; count: number | null }): React.JSX.Element {
  const d = useDocumentsStrings()
  const { state, run } = useAction(() => api.documents.importPdfMarkups({ id }))
  if (state.kind === 'done') return <MarkupsReport report={state.value} />
  return (
    <>
      {' '}
      <button type="button" className="button" disabled={state.kind === 'busy'} onClick={run}>
        {state.kind === 'busy' ? d.importingMarkups : d.importMarkups(count)}
      </button>
      {state.kind === 'failed' && <p role="alert" className="error">{state.message}</p>}
    </>
  )
}
