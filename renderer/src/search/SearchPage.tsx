/**
 * The full results page (#/search?q=…&type=…&tag=…&source=…): a search box with the help, facets by
 * source (the texts, the reader's notes), type and tag with their counts, and every matching section grouped by document. The address follows the
 * query and the facets (replaced, not pushed), so Back returns here as it was. Up/Down arrows move
 * between results; Home/End jump to the first/last.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { FacetCount } from '../../../electron/shared/search/types'
import { replaceRoute } from '../app/route'
import { useT } from '../i18n/i18n'
import { answers, useSearch } from './use-search'
import { parseQuery } from '../../../electron/shared/search/query'
import { MAX_QUERY_LENGTH } from '../../../electron/shared/search/types'
import { HighlightedText } from './HighlightedText'
import { hitHash, HitBody, hitClass, hitKey, KindBadge, NoResults, countOf, QueryNotice, readerQuery } from './result-parts'
import { SearchHelp } from './SearchHelp'

/**
 * One facet. `fixed`: values the query itself imposes (`in:notes` → « Mes notes »): shown checked
 * and disabled, with a word saying why, so the filters never disagree with the query.
 */
function FacetGroup(props: { legend: string; name: string; counts: readonly FacetCount[]; selected: readonly string[]; fixed?: readonly string[]; fixedNote?: string; label(v: string): string; onChange(next: string[]): void }): React.JSX.Element | null {
  const { counts } = props
  const fixed = props.fixed ?? []
  const selected = [...new Set([...props.selected, ...fixed])]
  // Keep selected values visible even when the current query gives them no match.
  const shown = [...counts, ...selected.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 }))]
  if (shown.length === 0) return null
  return (
    <fieldset className="facet" data-facet={props.name}>
      <legend>{props.legend}</legend>
      {shown.map((c) => (
        <label key={c.value} className="facet-option">
          <input
            type="checkbox"
            checked={selected.includes(c.value)}
            disabled={fixed.includes(c.value)}
            onChange={(e) => props.onChange(e.target.checked ? [...props.selected, c.value] : props.selected.filter((v) => v !== c.value))}
          />
          <span className="facet-label">
            {props.label(c.value)}
            {fixed.includes(c.value) && props.fixedNote && <span className="facet-fixed"> ({props.fixedNote})</span>}
          </span>
          <span className="facet-count">{c.count}</span>
        </label>
      ))}
    </fieldset>
  )
}

export function SearchPage(props: { q: string; kinds: readonly string[]; tags: readonly string[]; sources: readonly string[] }): React.JSX.Element {
  const t = useT()
  const [q, setQ] = useState(props.q)
  const [kinds, setKinds] = useState<readonly string[]>(props.kinds)
  const [tags, setTags] = useState<readonly string[]>(props.tags)
  const [sources, setSources] = useState<readonly string[]>(props.sources)
  const search = useSearch(q, { kinds, tags, sources, limit: 200, perDocument: 5, debounce: 150 })
  const { response, pending, building, error, tooLong, corrected } = search
  const inputId = useId()
  // `in:notes` / `in:textes` in the query: the « Chercher dans » facet shows it (disabled, « dans la requête »).
  const scope = useMemo(() => parseQuery(q).query.scope, [q])
  const scopeSources = scope === 'notes' ? ['annotations', 'answers'] : scope === 'texts' ? ['library'] : []
  const list = useRef<HTMLDivElement>(null)

  useEffect(() => replaceRoute({ view: 'search', q, kinds, tags, sources }), [q, kinds, tags, sources])

  const onListKey = (e: React.KeyboardEvent): void => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key) || !list.current) return
    const links = [...list.current.querySelectorAll<HTMLAnchorElement>('a.result-link')]
    const i = links.indexOf(document.activeElement as HTMLAnchorElement)
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? links.length - 1 : Math.max(0, Math.min(links.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))
    e.preventDefault()
    links[next]?.focus()
  }

  const answered = response !== null && answers(search, q)
  return (
    <main id="main" tabIndex={-1} className="search-page" aria-labelledby="search-title">
      <h1 id="search-title">{t.search.pageTitle}</h1>
      <form role="search" className="search-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={inputId} className="visually-hidden">{t.search.label}</label>
        <input id={inputId} type="search" value={q} placeholder={t.search.placeholder} autoComplete="off" spellCheck={false} onChange={(e) => setQ(e.target.value)} autoFocus={props.q === ''} />
        <SearchHelp onExample={setQ} />
      </form>
      <div className="search-layout">
        <aside className="facets" aria-label={t.search.facets}>
          {response && (
            <>
              <FacetGroup legend={t.search.facetSources} name="source" counts={response.facets.sources} selected={sources} fixed={scopeSources} fixedNote={t.search.inQuery} label={(v) => t.search.sourceLabels[v] ?? v} onChange={setSources} />
              <FacetGroup legend={t.search.facetKinds} name="type" counts={response.facets.kinds} selected={kinds} label={(v) => t.search.kindLabels[v] ?? v} onChange={setKinds} />
              <FacetGroup legend={t.search.facetTags} name="tag" counts={response.facets.tags} selected={tags} label={(v) => v} onChange={setTags} />
            </>
          )}
          {(kinds.length > 0 || tags.length > 0 || sources.length > 0) && (
            <button type="button" className="chip" onClick={() => { setKinds([]); setTags([]); setSources([]) }}>{t.search.clearFilters}</button>
          )}
        </aside>
        <section className="results" aria-labelledby="results-title">
          <h2 id="results-title" className="visually-hidden">{t.search.results}</h2>
          <p className="result-count" aria-live="polite">
            {answered ? `${t.search.count(...countOf(response))} · ${t.search.took(response.tookMs)}` : pending ? (building ? t.search.building : t.search.searching) : ''}
          </p>
          {(tooLong || error) && <p className="search-notice" role="alert">{tooLong ? t.search.tooLong(q.length, MAX_QUERY_LENGTH) : t.search.failed(error ?? '')}</p>}
          {response && !tooLong && <QueryNotice response={response} corrected={corrected} />}
          {answered && response.total.sections === 0 && q.trim() !== '' && !response.notice?.code.match(/nothing-to-search|stop-words-only/) && <NoResults response={response} onPick={setQ} />}
          <div ref={list} onKeyDown={onListKey} className="result-groups" aria-busy={pending}>
            {response?.groups.map((g) => (
              <article key={g.docId} className="result-group" data-doc-id={g.docId} aria-labelledby={`r-${g.docId}`}>
                <h3 id={`r-${g.docId}`} className="result-doc">
                  <KindBadge kind={g.kind} /> <HighlightedText value={g.title} />
                </h3>
                <ul className="result-sections">
                  {g.sections.map((s) => (
                    <li key={hitKey(s)} className={hitClass(s, 'result')}>
                      <a className="result-link" href={hitHash(s, readerQuery(response))} data-section-id={s.sectionId}>
                        <HitBody hit={s} variant="page" />
                      </a>
                    </li>
                  ))}
                </ul>
                {g.moreSections > 0 && <p className="result-more">{t.search.more(g.moreSections)}</p>}
                {g.tags.length > 0 && <p className="tags">{g.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</p>}
              </article>
            ))}
          </div>
        </section>
      </div>
    </main>
  )
}
