/**
 * The session's state, rebuilt from the journal by `reduceRoom` (a fold over `RoomEvent`s). The
 * reducer is TOTAL: an event naming an answer that does not exist, a second « +1 » of a device, a
 * merge into itself… change nothing rather than throw, so that a journal always replays. What is
 * refused to a participant or the facilitator is decided BEFORE writing (`refusal`), so the journal
 * holds only events that meant something when they were written.
 */
import type { RoomEvent, RoomSection } from './model'
import { SESSION_MAX_ANSWERS } from './model'

export interface RoomQuestion {
  readonly id: string
  readonly text: string
  readonly at: string
}

export interface RoomAnswer {
  readonly id: string
  readonly questionId: string
  readonly text: string
  /** '' when the participant gave none. */
  readonly pseudonym: string
  readonly device: string
  readonly at: string
  /** Devices that gave « +1 » (never the author's). */
  readonly voters: readonly string[]
  readonly hidden: boolean
  /** The answer this one was merged into (always a root: merges are flattened); null when none. */
  readonly mergedInto: string | null
  /** The theme the facilitator put it under; null when none. */
  readonly group: string | null
}

export interface RoomState {
  readonly id: string
  readonly openedAt: string
  readonly token: string
  readonly code: string
  readonly section: RoomSection
  readonly place: string
  readonly questions: readonly RoomQuestion[]
  /** The question participants see now; null before the first one. */
  readonly current: string | null
  readonly answers: readonly RoomAnswer[]
  readonly devices: readonly string[]
  /** What the audience screen shows: the chosen answers (their merged answers follow), and the invitation (address and code). */
  readonly projection: { readonly answerIds: readonly string[]; readonly invitation: boolean }
  readonly closedAt: string | null
  /** The port the server last listened on; null before it did. */
  readonly port: number | null
  /** Where in the document the presenter was last while the session listened (at first: the section it was opened on). */
  readonly at: RoomPlace
}

/** A slide of the session's document: the `slide`-th of section `sectionId` (null: of the document presented whole), and the section's title. */
export interface RoomPlace {
  readonly sectionId: string | null
  readonly title: string
  readonly slide: number
}

/** The state of a journal's first event (`open`); every other event needs a state. */
export function openedState(e: Extract<RoomEvent, { t: 'open' }>): RoomState {
  return {
    id: e.id, openedAt: e.at, token: e.token, code: e.code, section: e.section, place: e.place,
    questions: [], current: null, answers: [], devices: [], projection: { answerIds: [], invitation: true }, closedAt: null, port: null,
    at: { sectionId: e.section.sectionId, title: e.section.sectionTitle, slide: 0 },
  }
}

function mapAnswers(s: RoomState, ids: ReadonlySet<string>, f: (a: RoomAnswer) => RoomAnswer): RoomState {
  return { ...s, answers: s.answers.map((a) => (ids.has(a.id) ? f(a) : a)) }
}

/** The root an answer is merged into (itself when it is not merged). */
export function rootOf(s: RoomState, id: string): string {
  return s.answers.find((a) => a.id === id)?.mergedInto ?? id
}

export function reduceRoom(s: RoomState, e: RoomEvent): RoomState {
  if (s.closedAt !== null) return s
  switch (e.t) {
    case 'open':
      return s
    case 'question':
      if (s.questions.some((q) => q.id === e.id)) return s
      return { ...s, questions: [...s.questions, { id: e.id, text: e.text, at: e.at }] }
    case 'ask':
      return s.questions.some((q) => q.id === e.questionId) ? { ...s, current: e.questionId } : s
    case 'join':
      return s.devices.includes(e.device) ? s : { ...s, devices: [...s.devices, e.device] }
    case 'answer':
      if (s.answers.length >= SESSION_MAX_ANSWERS || s.answers.some((a) => a.id === e.id) || !s.questions.some((q) => q.id === e.questionId)) return s
      return {
        ...s,
        answers: [...s.answers, { id: e.id, questionId: e.questionId, text: e.text, pseudonym: e.pseudonym, device: e.device, at: e.at, voters: [], hidden: false, mergedInto: null, group: null }],
      }
    case 'vote':
      return mapAnswers(s, new Set([e.answerId]), (a) =>
        a.device === e.device ? a : { ...a, voters: a.voters.includes(e.device) ? a.voters.filter((d) => d !== e.device) : [...a.voters, e.device] },
      )
    case 'hide':
      return mapAnswers(s, new Set(e.answerIds), (a) => ({ ...a, hidden: e.hidden }))
    case 'merge': {
      const into = s.answers.find((a) => a.id === e.into)
      if (!into || into.mergedInto !== null) return s
      const moving = new Set(e.answerIds.filter((id) => id !== e.into))
      // Merges are flattened: what was merged into a moving answer follows it to the new root.
      return {
        ...s,
        answers: s.answers.map((a) => {
          if (a.id === into.id) return a
          if (moving.has(a.id) || (a.mergedInto !== null && moving.has(a.mergedInto))) {
            return a.questionId === into.questionId ? { ...a, mergedInto: into.id, group: into.group } : a
          }
          return a
        }),
        projection: { ...s.projection, answerIds: s.projection.answerIds.filter((id) => !moving.has(id)) },
      }
    }
    case 'unmerge':
      return mapAnswers(s, new Set([e.answerId]), (a) => ({ ...a, mergedInto: null }))
    case 'group': {
      const ids = new Set(e.answerIds)
      return { ...s, answers: s.answers.map((a) => (ids.has(a.id) || (a.mergedInto !== null && ids.has(a.mergedInto)) ? { ...a, group: e.group } : a)) }
    }
    case 'project': {
      const known = new Set(s.answers.filter((a) => a.mergedInto === null).map((a) => a.id))
      return { ...s, projection: { answerIds: [...new Set(e.answerIds)].filter((id) => known.has(id)), invitation: e.invitation } }
    }
    case 'place':
      return { ...s, place: e.place }
    case 'listen':
      return { ...s, port: e.port }
    case 'at':
      return { ...s, at: { sectionId: e.sectionId, title: e.title, slide: e.slide } }
    case 'close':
      return { ...s, closedAt: e.at, projection: { answerIds: [], invitation: false } }
  }
}

/** Why an event must not be written in this state (null: it may). Checked before the journal is touched. */
export function refusal(s: RoomState, e: RoomEvent): string | null {
  if (s.closedAt !== null) return 'the session is closed'
  const answer = (id: string): RoomAnswer | undefined => s.answers.find((a) => a.id === id)
  switch (e.t) {
    case 'open':
      return 'the session is already open'
    case 'answer':
      if (s.answers.length >= SESSION_MAX_ANSWERS) return 'the session has all the answers it can keep'
      if (e.questionId !== s.current) return 'this question is no longer asked'
      return null
    case 'vote': {
      const a = answer(e.answerId)
      if (!a || a.hidden || a.mergedInto !== null) return 'no such answer'
      if (a.device === e.device) return 'one does not vote for one’s own answer'
      return null
    }
    case 'ask':
      return s.questions.some((q) => q.id === e.questionId) ? null : 'no such question'
    case 'hide':
    case 'group':
      return e.answerIds.every((id) => answer(id)) ? null : 'no such answer'
    case 'merge': {
      const into = answer(e.into)
      if (!into || into.mergedInto !== null) return 'no such answer to merge into'
      if (!e.answerIds.every((id) => answer(id)?.questionId === into.questionId)) return 'answers of different questions cannot be merged'
      return e.answerIds.some((id) => id !== e.into) ? null : 'nothing to merge'
    }
    case 'unmerge':
      return answer(e.answerId)?.mergedInto ? null : 'this answer is not merged'
    case 'project':
      return e.answerIds.every((id) => answer(id)?.mergedInto === null && answer(id)?.hidden === false) ? null : 'only visible answers can be projected'
    default:
      return null
  }
}
