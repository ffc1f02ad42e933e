/** Filters shared by the side panel and the global view: colour label, tag, text, order. */
import { useEffect, useId, useState } from 'react'
import { COLOR_IDS } from '../../../electron/shared/annotations/model'
import type { ColorId, ColorLabels } from '../../../electron/shared/annotations/model'
import type { ListQuery } from '../../../electron/shared/annotations/query'
import { api } from '../lib/api'
import { useT } from '../i18n/i18n'

export interface Filters {
  readonly color: ColorId | ''
  readonly tag: string
  readonly text: string
  readonly sort: 'position' | 'created'
}
export const NO_FILTERS: Filters = { color: '', tag: '', text: '', sort: 'position' }

export function toQuery(f: Filters, docId?: string): ListQuery {
  return {
    ...(docId ? { docId } : {}),
    ...(f.color ? { colors: [f.color] } : {}),
    ...(f.tag ? { tags: [f.tag] } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
    sort: f.sort,
    order: f.sort === 'created' ? 'desc' : 'asc',
  }
}

export function AnnotationFilters(props: { value: Filters; onChange: (f: Filters) => void; labels: ColorLabels }): React.JSX.Element {
  const t = useT()
  const id = useId()
  const { value: f, onChange } = props
  const [tags, setTags] = useState<readonly string[]>([])
  useEffect(() => {
    const load = (): void => void api.annotations.tags({ prefix: '' }).then((r) => r.ok && setTags(r.value.map((x) => x.tag)))
    load()
    return api.on('annotations.changed', load)
  }, [])
  return (
    <div className="annotation-filters">
      <label htmlFor={`${id}-c`}>{t.annotations.filterColor}</label>
      <select id={`${id}-c`} value={f.color} onChange={(e) => onChange({ ...f, color: e.target.value as ColorId | '' })}>
        <option value="">{t.annotations.allColors}</option>
        {COLOR_IDS.map((c) => (
          <option key={c} value={c}>{t.annotations.colorOption(c, props.labels[c])}</option>
        ))}
      </select>
      <label htmlFor={`${id}-t`}>{t.annotations.filterTag}</label>
      <select id={`${id}-t`} value={f.tag} onChange={(e) => onChange({ ...f, tag: e.target.value })}>
        <option value="">{t.annotations.allTags}</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>{tag}</option>
        ))}
      </select>
      <label htmlFor={`${id}-x`}>{t.annotations.filterText}</label>
      <input id={`${id}-x`} type="search" value={f.text} placeholder={t.annotations.filterTextHint} onChange={(e) => onChange({ ...f, text: e.target.value })} />
      <label htmlFor={`${id}-s`}>{t.annotations.sort}</label>
      <select id={`${id}-s`} value={f.sort} onChange={(e) => onChange({ ...f, sort: e.target.value as Filters['sort'] })}>
        <option value="position">{t.annotations.byPosition}</option>
        <option value="created">{t.annotations.byDate}</option>
      </select>
    </div>
  )
}
