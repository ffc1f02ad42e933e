/**
 * « Recueillir les avis » (issue 18): the participation session's data, pure. What a participant
 * may send (validated here, on the server, before anything is written), the events of the durable
 * journal (one per line, replayed by `reduceRoom`), and the limits both sides state.
 *
 * Participants' words are TEXT: never HTML, never Markdown. They are stored as typed (trimmed,
 * control characters removed) and escaped wherever they are written out (textContent on screens,
 * `escapeInline` in the « Cahier de l’atelier »).
 */
import { z } from 'zod'

/** An answer's length at most, in characters (a few sentences, read from a phone). */
export const ANSWER_MAX_CHARS = 500
/** A pseudonym's length at most. */
export const PSEUDONYM_MAX_CHARS = 40
/** A question typed by the facilitator, at most. */
export const QUESTION_MAX_CHARS = 300
/** A group's (theme's) name, at most. */
export const GROUP_MAX_CHARS = 80
/** A place (« Brest, salle du Patronage »), at most. */
export const PLACE_MAX_CHARS = 120
/** Answers a session keeps at most (then the server refuses more: the room has said a lot). */
export const SESSION_MAX_ANSWERS = 5000
/** The request body a participant may send, in bytes (an answer of 500 characters of 4 bytes, plus JSON). */
export const BODY_MAX_BYTES = 4096

/** Control characters (but tab and line breaks) and the bidi overrides, removed from what participants type. */
// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Participant text as kept: unwanted characters removed, line breaks normalised, trimmed. */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(UNWANTED, '').replace(/\n{3,}/g, '\n\n').trim()
}

const text = (max: number) => z.string().max(max * 4).transform(cleanText).pipe(z.string().min(1).max(max))

/** Ids the room gives (answers, questions): short random strings. */
export const RoomIdSchema = z.string().regex(/^[a-z0-9]{1,32}$/)

/** POST /join: the six-digit code shown on the audience screen. */
export const JoinSchema = z.object({ code: z.string().regex(/^\d{6}$/) }).strict()

/** POST /answer: an answer to the current question. */
export const AnswerInputSchema = z.object({
  questionId: RoomIdSchema,
  text: text(ANSWER_MAX_CHARS),
  pseudonym: z.string().max(PSEUDONYM_MAX_CHARS * 4).transform(cleanText).pipe(z.string().max(PSEUDONYM_MAX_CHARS)).optional(),
}).strict()
export type AnswerInput = z.infer<typeof AnswerInputSchema>

/** POST /vote: « +1 » on another answer (once per device; again = withdrawn). */
export const VoteInputSchema = z.object({ answerId: RoomIdSchema }).strict()

export const QuestionTextSchema = text(QUESTION_MAX_CHARS)
export const GroupNameSchema = text(GROUP_MAX_CHARS)
export const PlaceSchema = z.string().max(PLACE_MAX_CHARS * 4).transform(cleanText).pipe(z.string().max(PLACE_MAX_CHARS))

/** Where the session's questions come from: the section presented (its document's « Questions pour l’atelier »). */
export interface RoomSection {
  readonly docId: string
  readonly sectionId: string | null
  readonly docTitle: string
  readonly sectionTitle: string
}

/**
 * The journal: one event per line. Devices are random keys given at /join (never a name, never
 * an address), kept only to count one « +1 » per device and to rate-limit.
 */
export type RoomEvent =
  | { readonly t: 'open'; readonly id: string; readonly at: string; readonly token: string; readonly code: string; readonly section: RoomSection; readonly place: string }
  | { readonly t: 'question'; readonly id: string; readonly text: string; readonly at: string }
  | { readonly t: 'ask'; readonly questionId: string }
  | { readonly t: 'join'; readonly device: string }
  | { readonly t: 'answer'; readonly id: string; readonly questionId: string; readonly text: string; readonly pseudonym: string; readonly device: string; readonly at: string }
  | { readonly t: 'vote'; readonly answerId: string; readonly device: string }
  | { readonly t: 'hide'; readonly answerIds: readonly string[]; readonly hidden: boolean }
  | { readonly t: 'merge'; readonly into: string; readonly answerIds: readonly string[] }
  | { readonly t: 'unmerge'; readonly answerId: string }
  | { readonly t: 'group'; readonly answerIds: readonly string[]; readonly group: string | null }
  | { readonly t: 'project'; readonly answerIds: readonly string[]; readonly invitation: boolean }
  | { readonly t: 'place'; readonly place: string }
  | { readonly t: 'close'; readonly at: string }
  /** The server listened on this port (a resumed session tries it again, so phones find it where it was). */
  | { readonly t: 'listen'; readonly port: number }
  /**
   * The presenter moved to this slide of the session's document: the `slide`-th (from 0) of the
   * section `sectionId` (null: of the document presented whole). A resumed session comes back to it.
   */
  | { readonly t: 'at'; readonly sectionId: string | null; readonly title: string; readonly slide: number }

const Id = RoomIdSchema
const Ids = z.array(Id).max(SESSION_MAX_ANSWERS)
const Iso = z.string().max(40)
const Device = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

/** A journal line, validated when read back (a line edited by hand or half written is refused, never trusted). */
export const RoomEventSchema: z.ZodType<RoomEvent> = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('open'), id: Id, at: Iso, token: z.string().regex(/^[a-z0-9]{8,64}$/), code: z.string().regex(/^\d{6}$/),
    section: z.object({ docId: z.string().max(200), sectionId: z.string().max(200).nullable(), docTitle: z.string().max(500), sectionTitle: z.string().max(500) }).strict(),
    place: z.string().max(PLACE_MAX_CHARS),
  }).strict(),
  z.object({ t: z.literal('question'), id: Id, text: z.string().min(1).max(QUESTION_MAX_CHARS), at: Iso }).strict(),
  z.object({ t: z.literal('ask'), questionId: Id }).strict(),
  z.object({ t: z.literal('join'), device: Device }).strict(),
  z.object({
    t: z.literal('answer'), id: Id, questionId: Id, text: z.string().min(1).max(ANSWER_MAX_CHARS), pseudonym: z.string().max(PSEUDONYM_MAX_CHARS), device: Device, at: Iso,
  }).strict(),
  z.object({ t: z.literal('vote'), answerId: Id, device: Device }).strict(),
  z.object({ t: z.literal('hide'), answerIds: Ids, hidden: z.boolean() }).strict(),
  z.object({ t: z.literal('merge'), into: Id, answerIds: Ids }).strict(),
  z.object({ t: z.literal('unmerge'), answerId: Id }).strict(),
  z.object({ t: z.literal('group'), answerIds: Ids, group: z.string().min(1).max(GROUP_MAX_CHARS).nullable() }).strict(),
  z.object({ t: z.literal('project'), answerIds: Ids, invitation: z.boolean() }).strict(),
  z.object({ t: z.literal('place'), place: z.string().max(PLACE_MAX_CHARS) }).strict(),
  z.object({ t: z.literal('close'), at: Iso }).strict(),
  z.object({ t: z.literal('listen'), port: z.number().int().min(1).max(65535) }).strict(),
  z.object({ t: z.literal('at'), sectionId: z.string().max(200).nullable(), title: z.string().max(500), slide: z.number().int().min(0).max(100_000) }).strict(),
])
