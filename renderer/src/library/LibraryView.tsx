/**
 * Home screen: « Reprendre la lecture », then every document grouped by kind in library order (the
 * cahier by chapter), filterable by words, kind and tag; each entry shows its reading progress.
 * Kind and tag live in the route (Back returns to the same filters); typed words stay local.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { LibraryKind } from '../../../electron/shared/content/front-matter'
import { LIBRARY_KINDS } from '../../../electron/shared/content/front-matter'
import { useKindLabels } from '../documents/kind-labels'
import type { DocumentSummary } from '../../../electron/shared/content/document'
import { createLibraryIndex } from '../../../electron/shared/content/library-filter'
import type { LibraryFilter } from '../../../electron/shared/content/library-filter'
import type { ReadingPosition } from '../../../electron/shared/reading'
import type { ImportReport } from '../../../electron/shared/documents/model'
import { refreshPositions } from '../lib/reading-positions'
import { forgetLibrary, loadLibrary } from '../lib/library-data'
import { api } from '../lib/api'
import { AddDocuments } from '../documents/AddDocuments'
import { NewVersionNotices } from '../documents/NewVersionNotices'
import { useAsync } from '../lib/use-async'
import { useScrollMemory } from '../lib/use-scroll-memory'
import { markAfterPaint } from '../lib/perf'
import { historyState, replaceRoute } from '../app/route'
import { useT } from '../i18n/i18n'
import { DocumentCard } from './DocumentCard'
import { LibraryFilters } from './LibraryFilters'
import { ResumeReading, resumable } from './ResumeReading'
import { CaseStudyTable } from './CaseStudyTable'

interface LibraryData {
  readonly docs: readonly DocumentSummary[]
  readonly positions: readonly ReadingPosition[]
}

async function loadData(): Promise<LibraryData> {
  // Positions are a nicety: the library still opens if they cannot be read.
  const [docs, positions] = await Promise.all([loadLibrary(), refreshPositions().catch(() => [])])
  return { docs, positions }
}

export function LibraryView({ kind, tag }: { kind: LibraryKind | null; tag: string | null }): React.JSX.Element {
  const t = useT()
  // Imported documents added, changed or removed: read the list again.
  const [version, setVersion] = useState(0)
  useEffect(
    () =>
      api.on('documents.changed', () => {
        forgetLibrary()
        setVersion((v) => v + 1)
      }),
    [],
  )
  const state = useAsync(loadData, `library:${version}`)
  const data = state.status === 'ready' ? state.value : null
  // The documents' titles for the new versions' notices, kept while the list is read again (the notices stay in place).
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map())
  useEffect(() => {
    if (data) setTitles(new Map(data.docs.map((d) => [d.id, d.title])))
  }, [data])
  // New versions the import report on screen already offers (« Remplacer par cette version »).
  const [inReport, setInReport] = useState<ReadonlySet<string>>(new Set())
  const offeredInReport = useCallback(
    (r: ImportReport | null) => setInReport(new Set(r?.items.flatMap((i) => (!i.ok && i.versionToken ? [i.versionToken] : [])) ?? [])),
    [],
  )
  return (
    <main id="main" tabIndex={-1} className="library" aria-labelledby="library-title">
      <div className="library-head">
        <h1 id="library-title" tabIndex={-1}>{t.library.title}</h1>
        <p className="lede">{t.library.intro}</p>
        <AddDocuments onReport={offeredInReport} />
        <NewVersionNotices titleOf={(id) => titles.get(id)} except={inReport} />
      </div>
      {state.status === 'loading' && <p className="loading" aria-busy="true">{t.reader.library.loading}</p>}
      {state.status === 'error' && <p role="alert" className="error">{state.error.message}</p>}
      {data && <Shelves data={data} kind={kind} tag={tag} />}
    </main>
  )
}

const CardItem = memo(function CardItem({ doc, progress, hidden }: { doc: DocumentSummary; progress: number | undefined; hidden: boolean }): React.JSX.Element {
  return (
    <li hidden={hidden}>
      <DocumentCard doc={doc} progress={progress} />
    </li>
  )
})

function Shelves({ data, kind, tag }: { data: LibraryData; kind: LibraryKind | null; tag: string | null }): React.JSX.Element {
  const t = useT()
  const kinds = useKindLabels()
  const [query, setQuery] = useState('')
  // The case studies as cards or as a table (#15); kept for the session, like the filters.
  const [caseView, setCaseView] = useState<'cards' | 'table'>(() => (sessionStorage.getItem('passerelles.caseView') === 'table' ? 'table' : 'cards'))
  const chooseCaseView = (v: 'cards' | 'table'): void => {
    sessionStorage.setItem('passerelles.caseView', v)
    setCaseView(v)
  }
  const filter: LibraryFilter = { kind, tag, query }
  const index = useMemo(() => createLibraryIndex(data.docs), [data.docs])
  const progress = useMemo(() => new Map(data.positions.map((p) => [p.docId, p.progress])), [data.positions])
  const visible = useMemo(() => index.filter({ kind, tag, query }), [index, kind, tag, query])
  const shown = useMemo(() => new Set(visible.map((d) => d.id)), [visible])
  const counts = useMemo(() => {
    const c = Object.fromEntries(LIBRARY_KINDS.map((k) => [k, 0])) as Record<LibraryKind, number>
    for (const d of index.filter({ kind: null, tag, query })) c[d.kind]++
    return c
  }, [index, tag, query])
  // Every card stays mounted; filtering only hides some (a keystroke flips attributes instead of
  // building hundreds of cards again).
  const shelves = useMemo(() => LIBRARY_KINDS.map((k) => [k, data.docs.filter((d) => d.kind === k)] as const).filter(([, g]) => g.length > 0), [data.docs])
  const resume = useMemo(() => resumable(data.docs, data.positions), [data])
  const filtered = kind !== null || tag !== null || query.trim() !== ''

  useScrollMemory('libraryScroll', true)
  const first = useRef(true)
  useLayoutEffect(() => {
    if (!first.current) return
    first.current = false
    markAfterPaint('library:painted', { documents: data.docs.length })
    // Back from a document: focus its card again; otherwise the screen's heading.
    const from = historyState<string>('libraryFocus')
    const card = from ? document.querySelector<HTMLElement>(`[data-doc-id="${CSS.escape(from)}"]`) : null
    ;(card ?? document.getElementById('library-title'))?.focus({ preventScroll: true })
  }, [data])
  useEffect(() => {
    if (!first.current) markAfterPaint('library:filtered')
  }, [visible])

  const onChange = (f: LibraryFilter): void => {
    setQuery(f.query)
    if (f.kind !== kind || f.tag !== tag) replaceRoute({ view: 'library', kind: f.kind, tag: f.tag })
  }

  return (
    <>
      {!filtered && <ResumeReading items={resume} first={data.docs.find((d) => d.kind === 'cahier') ?? null} />}
      <LibraryFilters tags={index.tags} counts={counts} filter={filter} onChange={onChange} />
      <p className="result-count" aria-live="polite">{t.library.count(visible.length)}</p>
      {visible.length === 0 && (
        <div className="empty">
          <p>{t.library.empty}</p>
          <button type="button" className="button" onClick={() => onChange({ kind: null, tag: null, query: '' })}>
            {t.reader.library.clearFilters}
          </button>
        </div>
      )}
      {shelves.map(([k, group]) => {
        const count = group.reduce((n, d) => n + (shown.has(d.id) ? 1 : 0), 0)
        return (
          <section key={k} className={`shelf shelf-${k}`} aria-labelledby={`shelf-${k}`} hidden={count === 0}>
            <h2 id={`shelf-${k}`}>
              {kinds.plural[k]} <span className="shelf-count">{count}</span>
            </h2>
            {k === 'cas' && (
              <div className="case-view" role="group" aria-label={t.library.caseView}>
                <button type="button" className="chip" aria-pressed={caseView === 'cards'} onClick={() => chooseCaseView('cards')}>
                  {t.library.caseCards}
                </button>
                <button type="button" className="chip" aria-pressed={caseView === 'table'} onClick={() => chooseCaseView('table')}>
                  {t.library.caseTable}
                </button>
              </div>
            )}
            {k === 'cas' && caseView === 'table' ? (
              <CaseStudyTable docs={group} shown={shown} />
            ) : (
              <ul className="cards" role="list">
                {group.map((d) => (
                  <CardItem key={d.id} doc={d} progress={progress.get(d.id)} hidden={!shown.has(d.id)} />
                ))}
              </ul>
            )}
          </section>
        )
      })}
    </>
  )
}
