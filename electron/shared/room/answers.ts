/**
 * A session's answers as the rest of the app keeps them once the workshop is over: searched with
 * the notes (services/search/answers-source.ts) and exported with them (shared/export/answers.ts).
 * The same choice as the « Cahier de l’atelier »: only what the facilitator did not hide, each
 * merged group as ONE answer (the root's words, then the visible merged answers'), with its
 * question, theme, support and the pseudonyms people chose — never a device or an address.
 */
import type { RoomSection } from './model'
import type { RoomState } from './state'
import { cardGroups } from './views'

export interface WorkshopAnswer {
  readonly sessionId: string
  /** The root answer's id (unique in its session). */
  readonly answerId: string
  /** When the session was opened (ISO), and where. */
  readonly openedAt: string
  readonly place: string
  /** The section presented: the answer belongs to it (search and exports link there). */
  readonly section: RoomSection
  readonly question: string
  /** The root answer's words, as typed (plain text, never Markdown). */
  readonly text: string
  readonly pseudonym: string
  /** When the root answer arrived (ISO). */
  readonly at: string
  /** The facilitator's theme, or null. */
  readonly group: string | null
  /** The support it stands for: itself, its « +1 » and its visible merged answers' (as on the audience screen). */
  readonly support: number
  /** The visible answers merged into it, in arrival order. */
  readonly merged: readonly { readonly text: string; readonly pseudonym: string }[]
}

/** The session's visible answers, question by question, themes in order, most supported first (the cahier's order). */
export function workshopAnswers(s: RoomState): WorkshopAnswer[] {
  const out: WorkshopAnswer[] = []
  const byId = new Map(s.answers.map((a) => [a.id, a]))
  for (const q of s.questions) {
    const roots = s.answers.filter((a) => a.questionId === q.id && !a.hidden && a.mergedInto === null)
    if (roots.length === 0) continue
    for (const g of cardGroups(s, roots)) {
      for (const c of g.cards) {
        const a = byId.get(c.id)!
        out.push({
          sessionId: s.id, answerId: c.id, openedAt: s.openedAt, place: s.place, section: s.section, question: q.text,
          text: c.text, pseudonym: c.pseudonym, at: a.at, group: g.name, support: c.weight, merged: c.merged,
        })
      }
    }
  }
  return out
}

/** Every word the answer stands for: its own, then its merged answers' (one per line). */
export function answerWords(a: WorkshopAnswer): string {
  return [a.text, ...a.merged.map((m) => m.text)].join('\n')
}
