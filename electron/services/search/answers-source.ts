/**
 * The workshops' answers as a search source (id `answers`, issue #18): the answers participants
 * gave in every participation session kept in the data dir (`room/<session>.jsonl`), searched with
 * the same French index, query language and scoring as the notes, and merged with them.
 *
 * What is searched is what the « Cahier de l’atelier » keeps (shared/room/answers.ts): hidden
 * answers are left out entirely — the facilitator hid them, search never shows them —, and an
 * answer with the answers merged into it is ONE record (its words, then theirs). Each record: the
 * answer's words in `body`, the facilitator's theme in `headings`, nothing in `title` (the
 * document's title would match every answer of the session, as for notes' own matches). The
 * question is shown as the hit's context, not searched: every answer to it would match its words.
 *
 * A hit points at the section the session presented (its document opens there). `in:notes` keeps
 * the notes and the answers; `in:textes` leaves the answers out; answers have no colour, so a
 * query with `couleur:` finds none, and a `tag:` finds none (their tags are empty); `type:` and the
 * facets apply to the kind and tags of the document presented. A session whose document is no
 * longer in the library is left out (search cannot open it).
 *
 * Freshness: every query asks the room service for the sessions' states (the open session from
 * memory, the others from their journals, read again only when one changed) and re-indexes a
 * session only when its state is another object — a new answer, a hide, a merge — so a query never
 * shows a hidden answer or misses one just acknowledged; then only the chunks of answers whose
 * words changed are indexed again (`ANSWERS_PER_CHUNK`). Indexes are kept in memory only: built
 * from the journals, which are the truth, on the first query after start.
 */
import type { DocumentSummary } from '../../shared/content/document'
import type { RoomState } from '../../shared/room/state'
import { answerWords, workshopAnswers } from '../../shared/room/answers'
import type { WorkshopAnswer } from '../../shared/room/answers'
import { buildTfIndex } from './tf-index'
import { compileQuery } from './compile'
import type { CompiledQuery } from './compile'
import { docPasses, evaluate } from './evaluate'
import { FrenchIndex } from './french-index'
import type { StoredDoc, StoredRecord } from './index-format'
import { queryFilter } from './index-search'
import { bind, SharedTerms } from './shared-terms'
import { cutSnippet, highlight, matchSpans } from './snippet'
import { EMPTY_RESULT } from './source'
import type { MatchedDoc, SearchSource, SourceHit, SourceQuery, SourceResult } from './source'

export interface AnswersSourceOptions {
  /** Every session's state (RoomService.states): a changed session is another object. */
  readonly sessions: () => Promise<readonly RoomState[]>
  /** The library's documents (title, kind, tags): a session's document must be one of them. */
  readonly documents: () => readonly DocumentSummary[]
}

/** A session's visible answers (by root id) and its document; `chunks` index them. */
interface Session {
  readonly state: RoomState
  readonly doc: DocumentSummary
  readonly answers: ReadonlyMap<string, WorkshopAnswer>
  readonly chunks: readonly Chunk[]
}

/** The index of the visible answers among a slice of the session's answers (by arrival). */
interface Chunk {
  readonly fingerprint: string
  readonly index: FrenchIndex
  /** Root answer id of each record. */
  readonly ids: readonly string[]
}

/**
 * Answers per chunk, by their place in the session's arrival order (which only grows): a new
 * answer re-indexes the last chunk, a hide or a merge the one or two chunks it touches, a « +1 »
 * none (support is shown, not searched).
 */
export const ANSWERS_PER_CHUNK = 200

const SNIPPET = 220
const NO_FILTER = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }

function buildChunk(doc: DocumentSummary, answers: readonly WorkshopAnswer[], fingerprint: string): Chunk {
  // No title (see the header); the document's kind for `type:`; no tags.
  const docs: StoredDoc[] = answers.map(() => ({ id: doc.id, title: '', kind: doc.kind, tags: [] }))
  const records: StoredRecord[] = answers.map((a, d) => ({ d, s: a.answerId, l: 0, h: a.group ?? '', p: [], ho: -1, bo: 0, b: answerWords(a) }))
  const stored = buildTfIndex(docs, records, fingerprint, new Date(0).toISOString(), () => 1)
  return { fingerprint, index: FrenchIndex.load(stored), ids: answers.map((a) => a.answerId) }
}

/** The session's chunks as its state is now, keeping those whose indexed words did not change. */
function sessionOf(state: RoomState, doc: DocumentSummary, before: Session | undefined): Session {
  const visible = workshopAnswers(state)
  const answers = new Map(visible.map((a) => [a.answerId, a]))
  const arrival = new Map(state.answers.map((a, i) => [a.id, i]))
  const slices: WorkshopAnswer[][] = []
  for (const a of visible) (slices[Math.floor(arrival.get(a.answerId)! / ANSWERS_PER_CHUNK)] ??= []).push(a)
  const kept = new Map((before?.doc === doc ? before.chunks : []).map((c) => [c.fingerprint, c]))
  const chunks: Chunk[] = []
  for (const slice of slices) {
    if (!slice) continue
    slice.sort((x, y) => arrival.get(x.answerId)! - arrival.get(y.answerId)!)
    const fingerprint = JSON.stringify(slice.map((a) => [a.answerId, a.group, answerWords(a)]))
    chunks.push(kept.get(fingerprint) ?? buildChunk(doc, slice, fingerprint))
  }
  return { state, doc, answers, chunks }
}

function hitFor(session: Session, chunk: Chunk, record: number, compiled: CompiledQuery, score: number): SourceHit {
  const a = session.answers.get(chunk.ids[record]!)!
  const { section } = a
  const words = cutSnippet(answerWords(a), matchSpans(chunk.index, compiled, record, 'body'), SNIPPET)
  return {
    source: 'answers',
    docId: session.doc.id,
    sectionId: section.sectionId ?? '',
    heading: { text: section.sectionId === null ? '' : section.sectionTitle, marks: [] },
    path: section.sectionId === null || section.sectionTitle === '' ? [] : [section.sectionTitle],
    snippet: words,
    score: Math.round(score * 1000) / 1000,
    docTitle: highlight(session.doc.title, []),
    kind: session.doc.kind,
    tags: session.doc.tags,
    answer: {
      sessionId: a.sessionId,
      answerId: a.answerId,
      question: a.question,
      text: words,
      pseudonym: a.pseudonym,
      day: a.openedAt.slice(0, 10),
      place: a.place,
      group: a.group,
      support: a.support,
      merged: a.merged.length,
    },
  }
}

export function createAnswersSource(options: AnswersSourceOptions): SearchSource {
  /** Each session with answers, by session id, oldest first. */
  let sessions = new Map<string, Session>()
  const terms = new SharedTerms()

  /** The sessions as they are now: a session whose state is the same object is kept whole. */
  async function current(): Promise<readonly Session[]> {
    const documents = new Map(options.documents().map((d) => [d.id, d]))
    const next = new Map<string, Session>()
    for (const state of await options.sessions()) {
      const doc = documents.get(state.section.docId)
      if (!doc) continue
      const before = sessions.get(state.id)
      const session = before && before.state === state && before.doc === doc ? before : sessionOf(state, doc, before)
      if (session.chunks.length > 0) next.set(state.id, session)
    }
    const was = new Set([...sessions.values()].flatMap((x) => x.chunks.map((c) => c.index)))
    const now = new Set([...next.values()].flatMap((x) => x.chunks.map((c) => c.index)))
    for (const index of was) if (!now.has(index)) terms.remove(index)
    for (const index of now) if (!was.has(index)) terms.add(index)
    sessions = next
    return [...next.values()]
  }

  return {
    id: 'answers',
    ready: async () => void (await current()),

    async search(q: SourceQuery): Promise<SourceResult> {
      if (q.parsed.scope === 'texts' || q.parsed.colors.length > 0) return EMPTY_RESULT
      const all = await current()
      if (all.length === 0) return EMPTY_RESULT
      const once = compileQuery(terms, q.parsed, q.typing)
      if (once.emptied || once.positive.some((r) => r.atoms.some((a) => a.alternatives.length === 0))) return { ...EMPTY_RESULT, ignored: once.ignored }
      const candidates = terms.candidates(once)
      const matches: { session: Session; chunk: Chunk; compiled: CompiledQuery; record: number; score: number; order: number }[] = []
      const facetDocs: DocumentSummary[] = []
      let order = 0
      for (const session of all) {
        let matched = false
        for (const chunk of session.chunks) {
          order++
          if (candidates && !candidates.has(chunk.index)) continue
          const compiled = bind(once, chunk.index)
          const evaluation = evaluate(chunk.index, compiled, queryFilter(q.parsed), NO_FILTER)
          if (evaluation.matched.length === 0) continue
          matched = true
          if (!docPasses(session.doc, q.facetFilter)) continue
          for (const record of evaluation.matched) matches.push({ session, chunk, compiled, record, score: evaluation.score[record]!, order })
        }
        // Facets speak of documents: the one the session presented.
        if (matched) facetDocs.push(session.doc)
      }
      // Best first; ties (and queries without words: `in:notes` alone) session by session, in arrival order.
      matches.sort((a, b) => b.score - a.score || a.order - b.order || a.record - b.record)
      const perDoc = new Map<string, number>()
      for (const m of matches) perDoc.set(m.session.doc.id, (perDoc.get(m.session.doc.id) ?? 0) + 1)
      const matchedDocs: MatchedDoc[] = [...perDoc].map(([docId, sections]) => ({ docId, sections }))
      return {
        hits: matches.slice(0, q.limit).map((m) => hitFor(m.session, m.chunk, m.record, m.compiled, m.score)),
        totalSections: matches.length,
        matchedDocs,
        facetDocs: facetDocs.map((d) => ({ docId: d.id, kind: d.kind, tags: d.tags })),
        ignored: once.ignored,
      }
    },
  }
}
