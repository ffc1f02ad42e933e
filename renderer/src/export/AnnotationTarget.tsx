/**
 * Where an exported link (`passerelles://open/<doc>#annotation=<id>` → `#/doc/<doc>?annotation=<id>`)
 * lands: the annotation is looked up, and the route is replaced by the document at the section
 * holding its passage (the `annotation` parameter stays, for the annotations panel to select it).
 * An unknown annotation, one of another document, or an orphan opens the document at the top and
 * says so.
 */
import { useEffect } from 'react'
import { api } from '../lib/api'
import { replaceRoute } from '../app/route'
import { useT } from '../i18n/i18n'
import { notify } from '../lib/notify'

export function useAnnotationTarget(docId: string, annotation: string | null | undefined, anchor: string | null): void {
  const t = useT()
  useEffect(() => {
    if (!annotation || anchor) return
    let live = true
    void (async () => {
      const [a, d] = await Promise.all([api.annotations.get({ id: annotation }), api.library.get({ id: docId })])
      if (!live || !d.ok) return
      const start = a.ok && a.value.annotation.document === docId && 'start' in a.value.anchor ? a.value.anchor.start : null
      if (start === null) {
        notify(t.exportNotes.annotationMissing)
        replaceRoute({ view: 'document', id: docId, anchor: null })
        return
      }
      const section = [...d.value.sections].reverse().find((s) => s.start <= start && s.id !== '')
      replaceRoute({ view: 'document', id: docId, anchor: section?.id ?? null, annotation })
    })()
    return () => void (live = false)
  }, [docId, annotation, anchor, t])
}
