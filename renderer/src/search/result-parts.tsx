/** Pieces shared by the search palette and the results page. */
import type { SearchResponse, SectionHit } from '../../../electron/shared/search/types'
import { routeHash } from '../app/route'
import { useT } from '../i18n/i18n'
import { HighlightedText } from './HighlightedText'

/**
 * Where a hit opens: a section opens its document there, with the query's matches highlighted; a
 * note opens its document at the note, which the reader scrolls to and flashes; a workshop answer
 * opens its document at the section its session presented (its words are not in the text).
 */
export function hitHash(hit: Pick<SectionHit, 'docId' | 'sectionId' | 'note' | 'answer'>, effectiveQuery: string): string {
  if (hit.note) return routeHash({ view: 'document', id: hit.docId, anchor: null, annotation: hit.note.annotationId })
  if (hit.answer) return routeHash({ view: 'document', id: hit.docId, anchor: hit.sectionId || null })
  return routeHash({ view: 'document', id: hit.docId, anchor: hit.sectionId || null, highlight: effectiveQuery })
}

/**
 * The query the reader's match bar gets: the effective one (typo fixes included), without the
 * prefix star that typing mode adds to the last word — a star the person never typed (« CHATONS* »).
 * A star they typed stays. The reader's locate stems words, so « chaton » still finds « CHATONS ».
 */
export function readerQuery(response: Pick<SearchResponse, 'query' | 'effective'>): string {
  return /\*\s*$/.test(response.query) ? response.effective : response.effective.replace(/\*(\s*)$/, '$1').trimEnd()
}

/** A key unique among a response's hits (several notes or answers may share a section). */
export function hitKey(hit: SectionHit): string {
  if (hit.note) return `note:${hit.note.annotationId}`
  if (hit.answer) return `answer:${hit.answer.sessionId}:${hit.answer.answerId}`
  return `${hit.source}:${hit.sectionId}`
}

/** The class of a hit's row: notes and workshop answers are set apart from the texts' sections. */
export function hitClass(hit: SectionHit, base: string): string | undefined {
  if (hit.note) return `${base}-note`
  if (hit.answer) return `${base}-answer`
  return undefined
}

/** The count line's numbers: sections and documents, and how many hits are the reader's notes and the workshops' answers. */
export function countOf(response: SearchResponse): [number, number, number, number] {
  const { sections, documents, bySource } = response.total
  return [sections, documents, bySource.annotations ?? 0, bySource.answers ?? 0]
}

function Snippet({ value }: { value: SectionHit['snippet'] }): React.JSX.Element {
  return (
    <>
      {value.truncatedStart && '… '}
      <HighlightedText value={value} />
      {value.truncatedEnd && ' …'}
    </>
  )
}

/**
 * The inside of one hit (phrasing content only: it sits in a link or an option). A section shows
 * its heading (or its place), where it is and its snippet; a note shows its colour and label,
 * where it is, the passage it highlights, its words and its tags, with the matches marked.
 */
export function HitBody({ hit, variant }: { hit: SectionHit; variant: 'palette' | 'page' }): React.JSX.Element {
  const t = useT()
  const n = hit.note
  const a = hit.answer
  if (a) {
    return (
      <span className="answer-hit" data-answer-id={a.answerId}>
        <span className="note-hit-head">
          <span className="answer-hit-label">{t.search.answerHit}</span>
          {hit.path.length > 0 && <span className="hit-path">{hit.path.join(' › ')}</span>}
          <span className="answer-hit-meta">{t.search.answerMeta(a.day, a.place)}</span>
        </span>
        <span className="answer-hit-question">{t.search.answerQuestion(a.question)}</span>
        <span className="snippet answer-hit-text">
          <Snippet value={a.text} />
          {a.pseudonym && <span className="answer-hit-by"> — {a.pseudonym}</span>}
        </span>
        <span className="note-hit-tags">
          {t.search.answerSupport(a.support, a.merged)}
          {a.group && ` · ${a.group}`}
        </span>
      </span>
    )
  }
  if (n) {
    return (
      <span className={`note-hit color-${n.color}`} data-annotation-id={n.annotationId}>
        <span className="note-hit-head">
          <span className="annot-swatch" aria-hidden="true" />
          <span className="note-hit-label">{t.search.noteHit(n.label)}</span>
          {n.status !== 'anchored' && <span className="note-hit-status">{t.annotations.status[n.status]}</span>}
          {hit.path.length > 0 && <span className="hit-path">{hit.path.join(' › ')}</span>}
        </span>
        {n.quote.text && (
          <span className="note-hit-quote">
            « <Snippet value={n.quote} /> »
          </span>
        )}
        {n.note && (
          <span className="snippet note-hit-note">
            <Snippet value={n.note} />
          </span>
        )}
        {n.tags.length > 0 && <span className="note-hit-tags">{n.tags.map((tag) => `#${tag}`).join(' ')}</span>}
      </span>
    )
  }
  const heading = hit.heading.text ? <HighlightedText value={hit.heading} /> : <SectionPath hit={hit} />
  return (
    <>
      {variant === 'palette' ? (
        <span className="palette-section">{heading}</span>
      ) : (
        <>
          <span className="result-section">{heading}</span>
          {hit.path.length > 1 && <span className="result-path">{hit.path.slice(0, -1).join(' › ')}</span>}
        </>
      )}
      {hit.snippet.text && (
        <span className="snippet">
          <Snippet value={hit.snippet} />
        </span>
      )}
    </>
  )
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

/**
 * Why the query was read differently (fallback to plain words, a misspelling answered by its
 * correction), and which words were ignored.
 */
export function QueryNotice({ response, corrected = null }: { response: SearchResponse; corrected?: { typed: string; ran: string } | null }): React.JSX.Element | null {
  const t = useT()
  const n = response.notice
  if (!n && response.ignored.length === 0 && !corrected) return null
  const plain = n?.code === 'nothing-to-search' || n?.code === 'stop-words-only'
  return (
    <div className="search-notice" role="status">
      {corrected && <p className="notice-corrected">{t.search.corrected(corrected.typed.trim(), corrected.ran)}</p>}
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
