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
 * shows a hidden answer or misses one just acknowledged. Indexes are small (a session keeps at most
 * 5,000 answers) and kept in memory only: rebuilt from the journals, which are the truth, at start.
 */
import type { DocumentSummary } from '../../shared/content/document'
import type { RoomState } from '../../shared/room/state'
import { answerWords, workshopAnswers } from '../../shared/room/answers'
import type { WorkshopAnswer } from '../../shared/room/answers'
import { buildRecordIndex } from './build-index'
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

/** One session's visible answers and their index. */
interface Shard {
  readonly state: RoomState
  readonly doc: DocumentSummary
  readonly answers: readonly WorkshopAnswer[]
  readonly index: FrenchIndex
}

const SNIPPET = 220
const NO_FILTER = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }

function buildShard(state: RoomState, doc: DocumentSummary): Shard {
  const answers = workshopAnswers(state)
  // No title (see the header); the document's kind for `type:`; no tags.
  const docs: StoredDoc[] = answers.map(() => ({ id: doc.id, title: '', kind: doc.kind, tags: [] }))
  const records: StoredRecord[] = answers.map((a, d) => ({ d, s: a.answerId, l: 0, h: a.group ?? '', p: [], ho: -1, bo: 0, b: answerWords(a) }))
  const stored = buildRecordIndex(docs, records, state.id, new Date(0).toISOString(), () => 1)
  return { state, doc, answers, index: FrenchIndex.load(stored) }
}

function hitFor(shard: Shard, record: number, compiled: CompiledQuery, score: number): SourceHit {
  const a = shard.answers[record]!
  const { section } = a
  const words = cutSnippet(answerWords(a), matchSpans(shard.index, compiled, record, 'body'), SNIPPET)
  return {
    source: 'answers',
    docId: shard.doc.id,
    sectionId: section.sectionId ?? '',
    heading: { text: section.sectionId === null ? '' : section.sectionTitle, marks: [] },
    path: section.sectionId === null || section.sectionTitle === '' ? [] : [section.sectionTitle],
    snippet: words,
    score: Math.round(score * 1000) / 1000,
    docTitle: highlight(shard.doc.title, []),
    kind: shard.doc.kind,
    tags: shard.doc.tags,
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
  /** Each session's shard, by session id, in the order of the sessions (oldest first). */
  let shards = new Map<string, Shard>()
  const terms = new SharedTerms()

  /** The shards as the sessions are now: a session is indexed again only when its state or its document changed. */
  async function current(): Promise<readonly Shard[]> {
    const documents = new Map(options.documents().map((d) => [d.id, d]))
    const next = new Map<string, Shard>()
    for (const state of await options.sessions()) {
      const doc = documents.get(state.section.docId)
      if (!doc) continue
      const before = shards.get(state.id)
      const shard = before && before.state === state && before.doc === doc ? before : buildShard(state, doc)
      if (shard.answers.length > 0) next.set(state.id, shard)
    }
    for (const [id, s] of shards) if (next.get(id) !== s) terms.remove(s.index)
    for (const [id, s] of next) if (shards.get(id) !== s) terms.add(s.index)
    shards = next
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
      const matches: { shard: Shard; compiled: CompiledQuery; record: number; score: number; order: number }[] = []
      const facetDocs: DocumentSummary[] = []
      all.forEach((shard, order) => {
        if (candidates && !candidates.has(shard.index)) return
        const compiled = bind(once, shard.index)
        const evaluation = evaluate(shard.index, compiled, queryFilter(q.parsed), NO_FILTER)
        if (evaluation.matched.length === 0) return
        // Facets speak of documents: the one the session presented.
        facetDocs.push(shard.doc)
        if (!docPasses(shard.doc, q.facetFilter)) return
        for (const record of evaluation.matched) matches.push({ shard, compiled, record, score: evaluation.score[record]!, order })
      })
      // Best first; ties (and queries without words: `in:notes` alone) session by session, in the cahier's order.
      matches.sort((a, b) => b.score - a.score || a.order - b.order || a.record - b.record)
      const perDoc = new Map<string, number>()
      for (const m of matches) perDoc.set(m.shard.doc.id, (perDoc.get(m.shard.doc.id) ?? 0) + 1)
      const matchedDocs: MatchedDoc[] = [...perDoc].map(([docId, sections]) => ({ docId, sections }))
      return {
        hits: matches.slice(0, q.limit).map((m) => hitFor(m.shard, m.record, m.compiled, m.score)),
        totalSections: matches.length,
        matchedDocs,
        facetDocs: facetDocs.map((d) => ({ docId: d.id, kind: d.kind, tags: d.tags })),
        ignored: once.ignored,
      }
    },
  }
}
