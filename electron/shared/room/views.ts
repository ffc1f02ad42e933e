/**
 * What each side sees of the state. Three audiences, three views, so that nothing crosses by
 * accident: the facilitator's console (everything but the device keys and the token), a
 * participant's phone (the current question and the visible answers to it), and the audience
 * screen (ONLY what the facilitator projected: hidden answers never, even if they were chosen).
 */
import type { RoomSection } from './model'
import type { RoomAnswer, RoomPlace, RoomState } from './state'

export interface RoomAnswerView {
  readonly id: string
  readonly questionId: string
  readonly text: string
  readonly pseudonym: string
  readonly at: string
  /** « +1 » given by other devices. */
  readonly votes: number
  /** The support it stands for: itself, its « +1 », and its merged answers' (each counted alike). */
  readonly weight: number
  readonly hidden: boolean
  readonly mergedInto: string | null
  readonly group: string | null
  readonly projected: boolean
}

export interface RoomConsoleView {
  readonly id: string
  readonly openedAt: string
  readonly section: RoomSection
  readonly place: string
  readonly code: string
  readonly questions: readonly { readonly id: string; readonly text: string }[]
  readonly current: string | null
  readonly answers: readonly RoomAnswerView[]
  readonly devices: number
  readonly invitation: boolean
  readonly closed: boolean
  /** The slide the presenter was last on during the session (where « Reprendre » brings the console back). */
  readonly at: RoomPlace
}

/** One card on the audience screen or in the cahier: a root answer and the answers merged into it. */
export interface RoomCard {
  readonly id: string
  readonly text: string
  readonly pseudonym: string
  readonly weight: number
  readonly merged: readonly { readonly text: string; readonly pseudonym: string }[]
}

export interface RoomCardGroup {
  /** The theme; null for answers the facilitator put under none. */
  readonly name: string | null
  readonly cards: readonly RoomCard[]
  /** The group's total support. */
  readonly weight: number
}

export interface RoomParticipantView {
  readonly question: { readonly id: string; readonly text: string } | null
  readonly answers: readonly { readonly id: string; readonly text: string; readonly pseudonym: string; readonly votes: number; readonly mine: boolean; readonly voted: boolean }[]
  readonly closed: boolean
}

/** How many answers a phone is sent at most (the newest): a phone page stays small. */
export const PARTICIPANT_ANSWERS_SHOWN = 60

/** Children of each root (merged answers), in arrival order. */
function childrenByRoot(s: RoomState): ReadonlyMap<string, RoomAnswer[]> {
  const m = new Map<string, RoomAnswer[]>()
  for (const a of s.answers) {
    if (a.mergedInto === null) continue
    const list = m.get(a.mergedInto) ?? []
    list.push(a)
    m.set(a.mergedInto, list)
  }
  return m
}

function weigher(s: RoomState): (a: RoomAnswer) => number {
  const children = childrenByRoot(s)
  const own = (a: RoomAnswer): number => 1 + a.voters.length
  return (a) => own(a) + (children.get(a.id) ?? []).filter((c) => !c.hidden).reduce((n, c) => n + own(c), 0)
}

export function consoleView(s: RoomState): RoomConsoleView {
  const weight = weigher(s)
  const projected = new Set(s.projection.answerIds)
  return {
    id: s.id, openedAt: s.openedAt, section: s.section, place: s.place, code: s.code,
    questions: s.questions.map((q) => ({ id: q.id, text: q.text })),
    current: s.current,
    answers: s.answers.map((a) => ({
      id: a.id, questionId: a.questionId, text: a.text, pseudonym: a.pseudonym, at: a.at, votes: a.voters.length, weight: weight(a),
      hidden: a.hidden, mergedInto: a.mergedInto, group: a.group, projected: projected.has(a.id),
    })),
    devices: s.devices.length,
    invitation: s.projection.invitation,
    closed: s.closedAt !== null,
    at: s.at,
  }
}

export function participantView(s: RoomState, device: string): RoomParticipantView {
  const q = s.questions.find((x) => x.id === s.current) ?? null
  const visible = q === null ? [] : s.answers.filter((a) => a.questionId === q.id && !a.hidden && a.mergedInto === null)
  return {
    question: q && { id: q.id, text: q.text },
    answers: visible.slice(-PARTICIPANT_ANSWERS_SHOWN).reverse().map((a) => ({
      id: a.id, text: a.text, pseudonym: a.pseudonym, votes: a.voters.length, mine: a.device === device, voted: a.voters.includes(device),
    })),
    closed: s.closedAt !== null,
  }
}

/** Cards grouped by theme (themes in order of first appearance, the unthemed last), most supported first within a group. */
export function cardGroups(s: RoomState, roots: readonly RoomAnswer[]): RoomCardGroup[] {
  const weight = weigher(s)
  const children = childrenByRoot(s)
  const groups = new Map<string | null, RoomCard[]>()
  for (const a of roots) {
    const card: RoomCard = {
      id: a.id, text: a.text, pseudonym: a.pseudonym, weight: weight(a),
      merged: (children.get(a.id) ?? []).filter((c) => !c.hidden).map((c) => ({ text: c.text, pseudonym: c.pseudonym })),
    }
    const list = groups.get(a.group) ?? []
    list.push(card)
    groups.set(a.group, list)
  }
  const names = [...groups.keys()].sort((x, y) => (x === null ? 1 : 0) - (y === null ? 1 : 0))
  return names.map((name) => {
    const cards = [...groups.get(name)!].sort((x, y) => y.weight - x.weight)
    return { name, cards, weight: cards.reduce((n, c) => n + c.weight, 0) }
  })
}

export interface RoomProjection {
  /** The current question's text, shown above the cards; null when none. */
  readonly question: string | null
  readonly groups: readonly RoomCardGroup[]
  readonly invitation: boolean
}

/** Exactly what the facilitator chose, minus anything hidden since. */
export function projectionView(s: RoomState): RoomProjection {
  const byId = new Map(s.answers.map((a) => [a.id, a]))
  const chosen = s.projection.answerIds.map((id) => byId.get(id)).filter((a): a is RoomAnswer => a !== undefined && !a.hidden && a.mergedInto === null)
  const first = chosen[0]
  const question = first ? (s.questions.find((q) => q.id === first.questionId)?.text ?? null) : null
  return { question, groups: cardGroups(s, chosen), invitation: s.projection.invitation && s.closedAt === null }
}
