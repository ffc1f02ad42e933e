/**
 * The global view (`#/notes`): every annotation across documents, with the same filters as the
 * panel, grouped under each document's title. « Ouvrir » goes to the passage in its document.
 */
import { useMemo } from 'react'
import { loadLibrary } from '../lib/library-data'
import { useAsync } from '../lib/use-async'
import { navigate, routeHash } from '../app/route'
import { useT } from '../i18n/i18n'
import { AnnotationItem } from './AnnotationItem'
import { FilteredAnnotations } from './FilteredAnnotations'
import { useColorLabels } from './use-annotations'

export function NotesView(): React.JSX.Element {
  const t = useT()
  const labels = useColorLabels()
  const library = useAsync(() => loadLibrary(), 'library')
  const titles = useMemo(() => new Map((library.status === 'ready' ? library.value : []).map((d) => [d.id, d.title])), [library])

  return (
    <main id="main" tabIndex={-1} className="notes-view">
      <h1>{t.annotations.globalTitle}</h1>
      <FilteredAnnotations
        labels={labels}
        renderItem={(v) => {
          const docId = v.annotation.document
          const title = titles.get(docId) ?? docId
          const open = (): void => navigate({ view: 'document', id: docId, anchor: null, annotation: v.annotation.id })
          return (
            <AnnotationItem
              key={v.annotation.id}
              view={v}
              labels={labels}
              actions={{ onOpen: open }}
              extra={
                <a href={routeHash({ view: 'document', id: docId, anchor: null, annotation: v.annotation.id })} className="annotation-doc">
                  {title}
                </a>
              }
            />
          )
        }}
      />
    </main>
  )
}
