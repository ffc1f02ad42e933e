/**
 * The global view (`#/notes`): every annotation across documents, with the same filters as the
 * panel, grouped under each document's title. « Ouvrir » goes to the passage in its document;
 * « Modifier » opens the same editor as the reader (drafts, saving on close) and « Supprimer »
 * deletes with a visible « Annuler », so notes are edited where they are reviewed.
 */
import { useMemo, useState } from 'react'
import type { Annotation } from '../../../electron/shared/annotations/model'
import { notify } from '../lib/notify'
import { FloatingAnnotationEditor } from './AnnotationEditor'
import { deleteAnnotation, undo } from './undo'
import { loadLibrary } from '../lib/library-data'
import { useAsync } from '../lib/use-async'
import { navigate, routeHash } from '../app/route'
import { useT } from '../i18n/i18n'
import { AnnotationItem } from './AnnotationItem'
import { FilteredAnnotations } from './FilteredAnnotations'
import { useColorLabels } from './use-annotations'
import { api, unwrap } from '../lib/api'
import { useDocumentsStrings } from '../documents/kind-labels'

export function NotesView(): React.JSX.Element {
  const t = useT()
  const labels = useColorLabels()
  const library = useAsync(() => loadLibrary(), 'library')
  const titles = useMemo(() => new Map((library.status === 'ready' ? library.value : []).map((d) => [d.id, d.title])), [library])
  // Notes of documents the reader removed from « Mes documents » stay, under the title they had.
  const removed = useAsync(() => unwrap(api.documents.removed({})), 'documents-removed')
  const formerTitles = useMemo(() => new Map((removed.status === 'ready' ? removed.value : []).map((d) => [d.id, d.title])), [removed])
  const d = useDocumentsStrings()
  const [editing, setEditing] = useState<Annotation | null>(null)
  const remove = (a: Annotation): void => {
    void deleteAnnotation(a.id).then(
      () => notify(t.annotations.deleted, { label: t.annotations.undo, run: () => void undo() }, 6000),
      (e: unknown) => notify(e instanceof Error ? e.message : String(e)),
    )
  }

  return (
    <main id="main" tabIndex={-1} className="notes-view">
      <h1>{t.annotations.globalTitle}</h1>
      <FilteredAnnotations
        labels={labels}
        renderItem={(v) => {
          const docId = v.annotation.document
          const title = titles.get(docId)
          const former = title === undefined ? formerTitles.get(docId) : undefined
          const open = (): void => navigate({ view: 'document', id: docId, anchor: null, annotation: v.annotation.id })
          return (
            <AnnotationItem
              key={v.annotation.id}
              view={v}
              labels={labels}
              actions={{ onOpen: open, onEdit: () => setEditing(v.annotation), onDelete: () => remove(v.annotation) }}
              extra={
                former !== undefined ? (
                  <span className="annotation-doc annotation-doc-removed">
                    {former} {d.removedSuffix}
                  </span>
                ) : (
                  <a href={routeHash({ view: 'document', id: docId, anchor: null, annotation: v.annotation.id })} className="annotation-doc">
                    {title ?? docId}
                  </a>
                )
              }
            />
          )
        }}
      />
      {editing && (
        <FloatingAnnotationEditor key={editing.id} top={72} annotation={editing} labels={labels} onClose={() => setEditing(null)} onDone={() => undefined} />
      )}
    </main>
  )
}
