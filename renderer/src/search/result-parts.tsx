/** Pieces shared by the search palette and the results page. */
import type { SearchResponse, SectionHit } from '../../../electron/shared/search/types'
import { routeHash } from '../app/route'
import { useT } from '../i18n/i18n'

/** Where a hit opens: its document, at its section, with the query's matches highlighted. */
export function hitHash(hit: Pick<SectionHit, 'docId' | 'sectionId'>, effectiveQuery: string): string {
  return routeHash({ view: 'document', id: hit.docId, anchor: hit.sectionId || null, highlight: effectiveQuery })
}

/** The section's place in its document: « Partie › Sous-partie », or « Introduction ». */
export function SectionPath({ hit }: { hit: SectionHit }): React.JSX.Element {
  const t = useT()
  if (hit.path.length === 0) return <span className="hit-path">{t.search.intro}</span>
  return <span className="hit-path">{hit.path.join(' › ')}</span>
}

export function KindBadge({ kind }: { kind: string }): React.JSX.Element {
  const t = useT()
  return <span className={`kind-badge kind-${kind}`}>{t.search.kindLabels[kind] ?? kind}</span>
}

/** Why the query was read differently (fallback to plain words), and which words were ignored. */
export function QueryNotice({ response }: { response: SearchResponse }): React.JSX.Element | null {
  const t = useT()
  const n = response.notice
  if (!n && response.ignored.length === 0) return null
  const plain = n?.code === 'nothing-to-search' || n?.code === 'stop-words-only'
  return (
    <div className="search-notice" role="status">
      {n && <p className="notice-problem" data-notice={n.code}>{plain ? t.search.notices[n.code] : t.search.fallback(t.search.notices[n.code], n.near)}</p>}
      {response.ignored.length > 0 && <p className="notice-ignored">{t.search.ignored(response.ignored.join(', '))}</p>}
    </div>
  )
}

/** The « no result » state: what was searched, variants that do find something, and a tip. */
export function NoResults({ response, onPick }: { response: SearchResponse; onPick(query: string): void }): React.JSX.Element {
  const t = useT()
  return (
    <div className="no-results">
      <p className="no-results-title">{t.search.none(response.query.trim())}</p>
      {response.suggestions.length > 0 && (
        <div className="suggestions">
          <p>{t.search.tryInstead}</p>
          <ul>
            {response.suggestions.map((s) => (
              <li key={s.query}>
                <button type="button" className="suggestion" data-kind={s.kind} onClick={() => onPick(s.query)}>
                  <code>{s.query}</code> <span className="suggestion-meta">{t.search.suggestionKinds[s.kind]} · {t.search.suggestionCount(s.count)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="no-results-tip">{t.search.noneTips}</p>
    </div>
  )
}
