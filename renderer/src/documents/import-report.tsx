/** The result of an import, file by file: what was added (with a link to open it) and what was refused, and why. */
import type { ImportReport } from '../../../electron/shared/documents/model'
import { routeHash } from '../app/route'
import { useDocumentsStrings } from './kind-labels'

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
            </li>
          ) : (
            <li key={n} className="import-refused">
              <strong>{d.refusedTitle}</strong> — {item.name} : {d.problems[item.problem]}. <span className="import-message">{item.message}</span>
              {item.existingId && (
                <>
                  {' '}
                  <a href={routeHash({ view: 'document', id: item.existingId, anchor: null })}>{d.openExisting}</a>
                </>
              )}
            </li>
          ),
        )}
      </ul>
      <button type="button" className="button" onClick={onClose}>
        OK
      </button>
    </div>
  )
}
