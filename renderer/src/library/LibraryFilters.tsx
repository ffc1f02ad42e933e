/** The library's filters: words (title, summary, tags), kind (toggle buttons) and tag (a select). */
import { useId } from 'react'
import type { LibraryKind } from '../../../electron/shared/content/front-matter'
import { LIBRARY_KINDS } from '../../../electron/shared/content/front-matter'
import { useKindLabels } from '../documents/kind-labels'
import type { LibraryFilter } from '../../../electron/shared/content/library-filter'
import { useT } from '../i18n/i18n'

export function LibraryFilters(props: {
  tags: readonly string[]
  counts: Readonly<Record<LibraryKind, number>>
  filter: LibraryFilter
  onChange(f: LibraryFilter): void
}): React.JSX.Element {
  const t = useT()
  const kinds = useKindLabels()
  const tagId = useId()
  const queryId = useId()
  const { filter, onChange, counts } = props
  const total = LIBRARY_KINDS.reduce((n, k) => n + counts[k], 0)
  return (
    <div className="filters" role="search" aria-label={t.reader.library.filters}>
      <div className="filter-query">
        <label htmlFor={queryId}>{t.reader.library.filterWords}</label>
        <input
          id={queryId}
          type="search"
          value={filter.query}
          placeholder={t.reader.library.filterPlaceholder}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange({ ...filter, query: e.target.value })}
        />
      </div>
      <div className="kind-filter" role="group" aria-label={t.library.filterKind}>
        {[null, ...LIBRARY_KINDS].filter((k) => k !== 'mien' || counts.mien > 0).map((k) => (
          <button key={k ?? 'all'} type="button" className="chip" aria-pressed={filter.kind === k} onClick={() => onChange({ ...filter, kind: k })}>
            {k === null ? t.library.allKinds : kinds.plural[k]}
            <span className="chip-count">{k === null ? total : counts[k]}</span>
          </button>
        ))}
      </div>
      <div className="tag-filter">
        <label htmlFor={tagId}>{t.library.filterTag}</label>
        <select id={tagId} value={filter.tag ?? ''} onChange={(e) => onChange({ ...filter, tag: e.target.value || null })}>
          <option value="">{t.reader.library.allTags}</option>
          {props.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
