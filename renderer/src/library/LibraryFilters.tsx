/** Kind and tag filters for the library (a toolbar of toggle buttons and a tag select). */
import { useId, useMemo } from 'react'
import type { DocumentKind } from '../../../electron/shared/content/front-matter'
import { DOCUMENT_KINDS } from '../../../electron/shared/content/front-matter'
import type { DocumentSummary } from '../../../electron/shared/content/document'
import { useT } from '../i18n/i18n'

export interface Filter {
  readonly kind: DocumentKind | null
  readonly tag: string | null
}

export function LibraryFilters(props: { docs: readonly DocumentSummary[]; filter: Filter; onChange(f: Filter): void }): React.JSX.Element {
  const t = useT()
  const tagId = useId()
  const tags = useMemo(() => [...new Set(props.docs.flatMap((d) => d.tags))].sort((a, b) => a.localeCompare(b, 'fr')), [props.docs])
  const { filter, onChange } = props
  return (
    <div className="filters" role="search">
      <div className="kind-filter" role="group" aria-label={t.library.filterKind}>
        {[null, ...DOCUMENT_KINDS].map((k) => (
          <button
            key={k ?? 'all'}
            type="button"
            className="chip"
            aria-pressed={filter.kind === k}
            onClick={() => onChange({ ...filter, kind: k })}
          >
            {k === null ? t.library.allKinds : t.library.kinds[k]}
          </button>
        ))}
      </div>
      <label className="tag-filter" htmlFor={tagId}>
        <span>{t.library.filterTag}</span>
        <select id={tagId} value={filter.tag ?? ''} onChange={(e) => onChange({ ...filter, tag: e.target.value || null })}>
          <option value="">—</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
