/**
 * The workshops' answers in the global search, as services.ts composes it: a real participation
 * session on the loopback interface (phones answering over HTTP, the journal on disk in a temp
 * data dir), then the search through the handler table, then a restart on the same data dir.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createServices } from '../services'
import type { Services } from '../services'
import { createHandlers } from '../handlers'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { tempDir, writePack } from '../testing/temp-pack'
import { playWorkshop, WORKSHOP_PACK } from '../testing/room-client'
import { inProcessClient } from '../../shared/api/in-process'
import type { SearchResponse, SectionHit } from '../../shared/search/types'
import { answer, ASKED, OPEN, roomOf } from '../../shared/room/testing'
import { reduceRoom } from '../../shared/room/state'
import type { RoomState } from '../../shared/room/state'
import { parseQuery } from '../../shared/search/query'
import type { DocumentSummary } from '../../shared/content/document'
import { ANSWERS_PER_CHUNK, createAnswersSource } from './answers-source'

const open: Services[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})

async function setup(dirs?: { contentDir: string; dataDir: string }): Promise<Services & { dirs: { contentDir: string; dataDir: string } }> {
  const d = dirs ?? { contentDir: await writePack(WORKSHOP_PACK), dataDir: await tempDir() }
  const s = await createServices({ ...d, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test', roomHost: '127.0.0.1' })
  open.push(s)
  return Object.assign(s, { dirs: d })
}

async function search(s: Services, q: string, more: Record<string, unknown> = {}): Promise<SearchResponse> {
  const r = await inProcessClient(createHandlers(s)).search.query({ q, perDocument: 50, ...more })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const hits = (r: SearchResponse): SectionHit[] => r.groups.flatMap((g) => g.sections)
const answerTexts = (r: SearchResponse): string[] => hits(r).flatMap((h) => (h.answer ? [h.answer.text.text] : []))

/** Plays a workshop on the « Questions pour l’atelier » section; returns the answers' ids. */
async function workshop(s: Services, answers: readonly { text: string; pseudonym?: string }[]): Promise<string[]> {
  const sectionId = s.reader.get('cahier-passerelles').sections.find((x) => x.title === 'Questions pour l’atelier')!.id
  return playWorkshop(s.room, { docId: 'cahier-passerelles', sectionId }, answers)
}

describe('the workshops’ answers in the global search', () => {
  it('finds an answer just given by its words (stemmed, accents ignored), at its section, with its question', async () => {
    const s = await setup()
    await workshop(s, [{ text: 'Une mutualisation des outils numériques entre associations', pseudonym: 'Anne' }, { text: 'Le covoiturage' }])
    const r = await search(s, 'mutualiser numerique')
    const hit = hits(r).find((h) => h.answer)!
    expect(hit).toMatchObject({ source: 'answers', docId: 'cahier-passerelles', sectionId: 'questions-pour-l-atelier', path: ['Questions pour l’atelier'] })
    expect(hit.answer).toMatchObject({ question: 'Quel chantier votre structure peut-elle porter ?', pseudonym: 'Anne', day: '2026-11-28', place: 'Brest', support: 1, merged: 0 })
    expect(hit.answer!.text.marks.map(([a, b]) => hit.answer!.text.text.slice(a, b))).toEqual(['mutualisation', 'numériques'])
    expect(r.total.bySource).toMatchObject({ answers: 1 })
    expect(r.facets.sources).toContainEqual({ value: 'answers', count: 1 })
    // The document's title is not the answer's own word: it does not find every answer.
    expect(answerTexts(await search(s, 'passerelles'))).toEqual([])
  })

  it('in:notes includes the answers, in:textes leaves them out; couleur: and tag: find none', async () => {
    const s = await setup()
    await workshop(s, [{ text: 'Un financement participatif des associations' }])
    expect(answerTexts(await search(s, 'associations in:notes'))).toEqual(['Un financement participatif des associations'])
    expect(hits(await search(s, 'associations in:textes')).map((h) => h.source)).toEqual(['library'])
    expect(hits(await search(s, 'associations')).map((h) => h.source).sort()).toEqual(['answers', 'library'])
    // With no word, in:notes lists every visible answer.
    expect(answerTexts(await search(s, 'in:notes'))).toHaveLength(1)
    expect(answerTexts(await search(s, 'associations couleur:question'))).toEqual([])
    expect(answerTexts(await search(s, 'associations tag:reseaux'))).toEqual([])
    // The sources facet keeps only the answers; type: applies to the document presented.
    expect(hits(await search(s, 'associations', { sources: ['answers'] })).map((h) => h.source)).toEqual(['answers'])
    expect(answerTexts(await search(s, 'associations type:cas'))).toEqual([])
  })

  it('is fresh after every change: a hidden answer is never found again, merged answers are one hit, unhidden ones come back', async () => {
    const s = await setup()
    const [a, b, c] = await workshop(s, [
      { text: 'Former les bénévoles au logiciel libre', pseudonym: 'Léa' },
      { text: 'Former aussi les salariés' },
      { text: 'Insulte à cacher, ne rien former' },
    ])
    expect(answerTexts(await search(s, 'former'))).toHaveLength(3)
    await s.room.dispatch({ type: 'hide', answerIds: [c!], hidden: true })
    const afterHide = await search(s, 'former')
    expect(answerTexts(afterHide)).toHaveLength(2)
    expect(answerTexts(await search(s, 'insulte'))).toEqual([])
    await s.room.dispatch({ type: 'merge', into: a!, answerIds: [b!] })
    const merged = hits(await search(s, 'salariés')).filter((h) => h.answer)
    expect(merged).toHaveLength(1)
    expect(merged[0]!.answer).toMatchObject({ answerId: a, merged: 1, support: 2 })
    expect(merged[0]!.answer!.text.text).toContain('Former aussi les salariés')
    // The root's own words find the same one hit.
    expect(hits(await search(s, 'bénévoles')).filter((h) => h.answer).map((h) => h.answer!.answerId)).toEqual([a])
    await s.room.dispatch({ type: 'hide', answerIds: [c!], hidden: false })
    expect(answerTexts(await search(s, 'insulte'))).toHaveLength(1)
  })

  it('finds the answers of past sessions after a restart, read from their journals in the data dir', async () => {
    const first = await setup()
    await workshop(first, [{ text: 'Une coopérative de territoire' }])
    await first.room.end()
    await first.close()
    open.splice(open.indexOf(first), 1)
    const again = await setup(first.dirs)
    expect(answerTexts(await search(again, 'cooperative'))).toEqual(['Une coopérative de territoire'])
    // A new session adds its answers to the past ones'.
    await workshop(again, [{ text: 'Une autre coopérative, d’usagers' }])
    expect(answerTexts(await search(again, 'cooperative')).sort()).toEqual(['Une autre coopérative, d’usagers', 'Une coopérative de territoire'])
    // The past session is read from its journal once, not at every query (same state object while the file is unchanged).
    const past = (await again.room.states()).find((x) => x.closedAt !== null)!
    expect(past.answers.map((a) => a.text)).toEqual(['Une coopérative de territoire'])
    expect((await again.room.states()).find((x) => x.id === past.id)).toBe(past)
  })

  it('a session larger than a chunk: hides and merges across chunks are seen at once', async () => {
    const n = ANSWERS_PER_CHUNK * 2 + 50
    let state: RoomState = roomOf([...ASKED, ...Array.from({ length: n }, (_, i) => answer(`a${i}`, i % 2 === 0 ? `vélo numéro ${i}` : `covoiturage numéro ${i}`, `device${String(i).padStart(6, '0')}`))])
    const doc: DocumentSummary = {
      id: OPEN.section.docId, title: 'Renforcer les passerelles', kind: 'cahier', order: 7, summary: '', tags: [], date: '2026-11-28', wordCount: 0, readingMinutes: 0, path: 'cahier/07.md', hash: '',
    }
    const source = createAnswersSource({ sessions: async () => [state], documents: () => [doc] })
    const count = async (q: string): Promise<number> =>
      (await source.search({ parsed: parseQuery(q).query, typing: false, facetFilter: { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }, limit: 1000 })).totalSections
    expect(await count('vélo')).toBe(n / 2)
    const last = `a${n - 2}` // in the last chunk; a0 in the first
    state = reduceRoom(state, { t: 'hide', answerIds: ['a0'], hidden: true })
    expect(await count('vélo')).toBe(n / 2 - 1)
    state = reduceRoom(state, { t: 'merge', into: 'a2', answerIds: [last] })
    expect(await count('vélo')).toBe(n / 2 - 2)
    // The merged answer's words are found in its root's one hit.
    const hits = (await source.search({ parsed: parseQuery(`"numéro ${n - 2}"`).query, typing: false, facetFilter: { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }, limit: 10 })).hits
    expect(hits.map((h) => [h.answer!.answerId, h.answer!.merged])).toEqual([['a2', 1]])
    state = reduceRoom(state, { t: 'answer', id: 'late', questionId: 'q1', text: 'un vélo de plus', pseudonym: '', device: 'devicelate01', at: '2026-11-28T10:09:00.000Z' })
    expect(await count('vélo')).toBe(n / 2 - 1)
  })
})
