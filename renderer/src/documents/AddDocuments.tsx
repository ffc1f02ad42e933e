/**
 * « Ajouter des documents… » (the main process's open dialog, through `documents.add`) and
 * dropping files anywhere on the window (their bytes, through `documents.importFiles`). Either way
 * the report says, per file, what was added and what was refused; the library reloads on the
 * `documents.changed` event. While a batch runs, `documents.progress` drives a progress bar (files,
 * and pages of a long PDF) with « Annuler » (`documents.cancelImport`).
 */
import { useEffect, useState } from 'react'
import type { ImportProgress, ImportReport } from '../../../electron/shared/documents/model'
import type { Result } from '../../../electron/shared/result'
import { api } from '../lib/api'
import { filesPayload } from './file-bytes'
import { ImportReportView } from './import-report'
import { useDocumentsStrings } from './kind-labels'

type State = { readonly kind: 'idle' } | { readonly kind: 'busy' } | { readonly kind: 'done'; readonly report: ImportReport } | { readonly kind: 'failed'; readonly message: string }

const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files')

/** `onReport`: the report shown (null once closed), so the library does not offer its new versions twice. */
export function AddDocuments({ onReport }: { onReport?: (report: ImportReport | null) => void }): React.JSX.Element {
  const d = useDocumentsStrings()
  const [state, setState] = useState<State>({ kind: 'idle' })
  const report = state.kind === 'done' ? state.report : null
  useEffect(() => onReport?.(report), [report, onReport])
  const [dragging, setDragging] = useState(false)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  useEffect(() => api.on('documents.progress', setProgress), [])

  const run = async (call: () => Promise<Result<ImportReport | null>>): Promise<void> => {
    setProgress(null)
    setState({ kind: 'busy' })
    const r = await call()
    if (!r.ok) setState({ kind: 'failed', message: r.error.message })
    else setState(r.value === null ? { kind: 'idle' } : { kind: 'done', report: r.value })
  }

  useEffect(() => {
    const over = (e: DragEvent): void => {
      if (!hasFiles(e)) return
      e.preventDefault()
      setDragging(true)
    }
    const leave = (e: DragEvent): void => {
      if (e.relatedTarget === null) setDragging(false)
    }
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return
      e.preventDefault()
      setDragging(false)
      const files = [...(e.dataTransfer?.files ?? [])]
      if (files.length > 0) void run(async () => api.documents.importFiles({ files: await filesPayload(files) }))
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])

  return (
    <div className="add-documents">
      <button type="button" className="button" disabled={state.kind === 'busy'} onClick={() => void run(() => api.documents.add({}))}>
        {d.add}
      </button>
      <p className="hint">{d.addHint}</p>
      {state.kind === 'busy' && (
        <div className="import-progress" role="status" aria-busy="true">
          <p className="import-progress-text">{progress ? d.progress(progress.done, progress.total, progress.current, progress.page) : d.importing}</p>
          {progress && (
            <progress max={progress.total} value={progress.done + (progress.page ? progress.page.n / progress.page.of : 0)} aria-label={d.importing} />
          )}
          <button type="button" className="button" onClick={() => void api.documents.cancelImport({})}>
            {d.cancelImport}
          </button>
        </div>
      )}
      {state.kind === 'failed' && <p role="alert" className="error">{state.message}</p>}
      {state.kind === 'done' && <ImportReportView report={state.report} onClose={() => setState({ kind: 'idle' })} />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {d.dropHere}
        </div>
      )}
    </div>
  )
}
