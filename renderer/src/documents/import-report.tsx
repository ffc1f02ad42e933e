/**
 * The result of an import, file by file: what was added (with a link to open it) and what was
 * refused, and why. A file that is another version of a document already imported offers
 * « Remplacer par cette version »; a PDF carrying highlights made in another reader offers to
 * import them.
 */
import type { ImportItem, ImportReport } from '../../../electron/shared/documents/model'
import { routeHash } from '../app/route'
import { api } from '../lib/api'
import { useAction } from '../lib/use-action'
import { useDocumentsStrings } from './kind-labels'
import { PdfMarkupsButton } from './PdfMarkups'

type Refused = Extract<ImportItem, { ok: false }>

/** « Remplacer par cette version », then what the re-anchoring did to the document's annotations. */
function ReplaceVersion({ item }: { item: Refused & { existingId: string; versionToken: string } }): React.JSX.Element {
  const d = useDocumentsStrings()
  const { state, run } = useAction(() => api.documents.replace({ id: item.existingId, versionToken: item.versionToken }))
  if (state.kind === 'done') return <p className="import-replaced" role="status">{d.replaced(state.value.annotations.counts)}</p>
  return (
    <>
      <button type="button" className="button" disabled={state.kind === 'busy'} onClick={run}>
        {state.kind === 'busy' ? d.replacing : d.replace}
      </button>
      {state.kind === 'failed' && <p role="alert" className="error">{state.message}</p>}
    </>
  )
}

function RefusedItem({ item }: { item: Refused }): React.JSX.Element {
  const d = useDocumentsStrings()
  const { existingId, versionToken } = item
  return (
    <li className={`import-refused import-${item.problem}`}>
      <strong>{item.problem === 'new-version' ? d.newVersionTitle : d.refusedTitle}</strong> — {item.name} : {d.problems[item.problem]}.{' '}
      {/* The service's sentence adds the details (what is wrong with the file); a duplicate or a new version is said in full by the words above and the actions. */}
      {!existingId && <span className="import-message">{item.message}</span>}
      {existingId && (
        <span className="import-actions">
          <a href={routeHash({ view: 'document', id: existingId, anchor: null })}>{d.openExisting}</a>
          {versionToken && <ReplaceVersion item={{ ...item, existingId, versionToken }} />}
        </span>
      )}
    </li>
  )
}

export function ImportReportView({ report, onClose }: { report: ImportReport; onClose: () => void }): React.JSX.Element {
  const d = useDocumentsStrings()
  const added = report.items.filter((i) => i.ok)
  return (
    <div className="import-report" role="status" aria-live="polite">
      {added.length > 0 && <p>{d.imported(added.length)}</p>}
      <ul className="import-items">
        {report.items.map((item, n) =>
          item.ok ? (
            <li key={n} className="import-ok">
              <a href={routeHash({ view: 'document', id: item.id, anchor: null })}>{item.title}</a> <span className="import-name">({item.name})</span>
              {item.pdfMarkups ? <PdfMarkupsButton id={item.id} count={item.pdfMarkups} /> : null}
            </li>
          ) : (
            <RefusedItem key={n} item={item} />
          ),
        )}
      </ul>
      <button type="button" className="button" onClick={onClose}>
        OK
      </button>
    </div>
  )
}
