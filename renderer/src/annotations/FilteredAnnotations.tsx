/**
 * What the side panel and the global view share: the filters (colour label, tag, text, order), the
 * count, an error if the list cannot be read, then the annotations — or « none ». The filter state
 * and the live list live here; the caller renders each annotation (with its key).
 */
import { useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import type { ColorLabels } from '../../../electron/shared/annotations/model'
import type { AnnotationView } from '../../../electron/shared/annotations/query'
import { useT } from '../i18n/i18n'
import { AnnotationFilters, NO_FILTERS, toQuery } from './AnnotationFilters'
import type { Filters } from './AnnotationFilters'
import { useAnnotationList } from './use-annotations'

export function FilteredAnnotations(props: { docId?: string; labels: ColorLabels; renderItem: (v: AnnotationView) => ReactNode }): React.JSX.Element {
  const { docId, labels, renderItem } = props
  const t = useT()
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const query = useMemo(() => toQuery(filters, docId), [filters, docId])
  const { items, error } = useAnnotationList(query)
  return (
    <>
      <AnnotationFilters value={filters} onChange={setFilters} labels={labels} />
      <p className="annotation-count" aria-live="polite">{t.annotations.count(items.length)}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {items.length === 0 ? <p>{t.annotations.empty}</p> : <ol className="annotation-list">{items.map(renderItem)}</ol>}
    </>
  )
}
