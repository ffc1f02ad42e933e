/**
 * Under the header of one of the reader's own documents: the notice of a new version of its file
 * (NewVersionNotice), « Importer les surlignages du PDF » (a PDF only) and « Retirer de mes
 * documents », which asks first (ConfirmDialog) and says what is kept.
 */
import { useEffect, useState } from 'react'
import type { MyDocument } from '../../../electron/shared/documents/model'
import { navigate } from '../app/route'
import { api } from '../lib/api'
import { forgetLibrary } from '../lib/library-data'
import { notify } from '../lib/notify'
import { ConfirmDialog } from './ConfirmDialog'
import { useDocumentsStrings } from './kind-labels'
import { PdfMarkupsButton } from './PdfMarkups'
import { NewVersionNotice } from './NewVersionNotices'

export function MyDocumentActions({ id, title }: { id: string; title: string }): React.JSX.Element {
  const d = useDocumentsStrings()
  const [record, setRecord] = useState<MyDocument | null>(null)
  const [asking, setAsking] = useState(false)
  useEffect(() => {
    let live = true
    void api.documents.list({}).then((r) => live && r.ok && setRecord(r.value.find((x) => x.id === id) ?? null))
    return () => {
      live = false
    }
  }, [id])
  const remove = async (): Promise<void> => {
    const r = await api.documents.remove({ id })
    if (!r.ok) return void notify(r.error.message)
    // The library must not show its cached list: the change event may arrive before it listens.
    forgetLibrary()
    notify(d.removedDone(title))
    navigate({ view: 'library', kind: null, tag: null })
  }
  return (
    <>
      <NewVersionNotice id={id} title={title} />
      <div className="my-document-actions">
        {record?.format === 'pdf' && record.pdfMarkups !== 0 && <PdfMarkupsButton id={id} count={record.pdfMarkups ?? null} />}
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {d.remove}
        </button>
        {asking && (
          <ConfirmDialog
            title={d.removeTitle(title)}
            body={d.removeBody}
            confirm={d.removeConfirm}
            cancel={d.cancel}
            onCancel={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false)
              void remove()
            }}
          />
        )}
      </div>
    </>
  )
}
