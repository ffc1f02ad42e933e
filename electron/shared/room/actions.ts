/**
 * What the facilitator's console may do to a session (`room.dispatch`), validated by the contract.
 * Each becomes one journal event (`toEvent`), checked by `refusal` before it is written.
 */
import { z } from 'zod'
import { GroupNameSchema, PlaceSchema, QuestionTextSchema, RoomIdSchema, SESSION_MAX_ANSWERS } from './model'
import type { RoomEvent } from './model'

const Ids = z.array(RoomIdSchema).min(1).max(SESSION_MAX_ANSWERS)

export const RoomActionSchema = z.discriminatedUnion('type', [
  /** A question typed on the spot: asked at once. */
  z.object({ type: z.literal('question'), text: QuestionTextSchema }).strict(),
  /** Ask one of the session's questions again (the section's, or one typed earlier). */
  z.object({ type: z.literal('ask'), questionId: RoomIdSchema }).strict(),
  z.object({ type: z.literal('hide'), answerIds: Ids, hidden: z.boolean() }).strict(),
  z.object({ type: z.literal('merge'), into: RoomIdSchema, answerIds: Ids }).strict(),
  z.object({ type: z.literal('unmerge'), answerId: RoomIdSchema }).strict(),
  /** Put answers under a theme (null: under none). */
  z.object({ type: z.literal('group'), answerIds: Ids, group: GroupNameSchema.nullable() }).strict(),
  /** What the audience screen shows: these answers (grouped by theme), and/or the invitation (address and code). */
  z.object({ type: z.literal('project'), answerIds: z.array(RoomIdSchema).max(200), invitation: z.boolean() }).strict(),
  z.object({ type: z.literal('place'), place: PlaceSchema }).strict(),
  /** The presenter is on this slide of the session's document (services.ts sends it as the slides change; see the `at` event). */
  z.object({ type: z.literal('at'), sectionId: z.string().max(200).nullable(), title: z.string().max(500), slide: z.number().int().min(0).max(100_000) }).strict(),
])
export type RoomAction = z.infer<typeof RoomActionSchema>

/** The journal event of an action (`newId` gives a typed question its id, `at` its time). */
export function toEvent(a: RoomAction, newId: () => string, at: string): RoomEvent[] {
  switch (a.type) {
    case 'question': {
      const id = newId()
      return [{ t: 'question', id, text: a.text, at }, { t: 'ask', questionId: id }]
    }
    case 'ask':
      return [{ t: 'ask', questionId: a.questionId }]
    case 'hide':
      return [{ t: 'hide', answerIds: a.answerIds, hidden: a.hidden }]
    case 'merge':
      return [{ t: 'merge', into: a.into, answerIds: a.answerIds }]
    case 'unmerge':
      return [{ t: 'unmerge', answerId: a.answerId }]
    case 'group':
      return [{ t: 'group', answerIds: a.answerIds, group: a.group }]
    case 'project':
      return [{ t: 'project', answerIds: a.answerIds, invitation: a.invitation }]
    case 'place':
      return [{ t: 'place', place: a.place }]
    case 'at':
      return [{ t: 'at', sectionId: a.sectionId, title: a.title, slide: a.slide }]
  }
}
