/** Home screen: every document, grouped by kind in library order, filterable by kind and tag. */
import { useMemo, useState } from 'react'
import type { DocumentKind } from '../../../electron/shared/content/front-matter'
import { DOCUMENT_KINDS } from '../../../electron/shared/content/front-matter'
import type { DocumentSummary } from '../../../electron/shared/content/document'
import { api, unwrap } from '../lib/api'
import { useAsync } from '../lib/use-async'
import { useT } from '../i18n/i18n'
import { DocumentCard } from './DocumentCard'
import { LibraryFilters } from './LibraryFilters'
import type { Filter } from './LibraryFilters'

export function filterDocuments(docs: readonly DocumentSummary[], f: Filter): DocumentSummary[] {
  return docs.filter((d) => (f.kind === null || d.kind === f.kind) && (f.tag === null || d.tags.includes(f.tag)))
}

export function LibraryView(): React.JSX.Element {
  const t = useT()
  const state = useAsync(() => unwrap(api.library.list({})), 'library')
  const [filter, setFilter] = useState<Filter>({ kind: null, tag: null })
  const docs = useMemo(() => (state.status === 'ready' ? state.value : []), [state])
  const visible = useMemo(() => filterDocuments(docs, filter), [docs, filter])
  const groups = useMemo(
    () => DOCUMENT_KINDS.map((kind) => [kind, visible.filter((d) => d.kind === kind)] as [DocumentKind, DocumentSummary[]]).filter(([, g]) => g.length > 0),
    [visible],
  )

  return (
    <main id="main" tabIndex={-1} className="library" aria-labelledby="library-title">
      <div className="library-head">
        <h1 id="library-title">{t.library.title}</h1>
        <p className="lede">{t.library.intro}</p>
      </div>
      {state.status === 'error' && <p role="alert" className="error">{state.error.message}</p>}
      {state.status === 'ready' && (
        <>
          <LibraryFilters docs={docs} filter={filter} onChange={setFilter} />
          <p className="result-count" aria-live="polite">{t.library.count(visible.length)}</p>
          {groups.length === 0 && <p className="empty">{t.library.empty}</p>}
          {groups.map(([kind, group]) => (
            <section key={kind} className={`shelf shelf-${kind}`} aria-labelledby={`shelf-${kind}`}>
              <h2 id={`shelf-${kind}`}>{t.library.kinds[kind]}</h2>
              <ul className="cards" role="list">
                {group.map((d) => (
                  <li key={d.id}>
                    <DocumentCard doc={d} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </main>
  )
}
