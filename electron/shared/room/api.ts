/** The room's part of the contract: what the console and the audience screen ask and get. */
import { z } from 'zod'
import { DocIdSchema } from '../content/front-matter'
import { PlaceSchema, RoomIdSchema } from './model'
import type { RoomSection } from './model'
import type { RoomConsoleView, RoomProjection } from './views'

export const StartRoomSchema = z.object({
  docId: DocIdSchema,
  /** The section presented (its document's « Questions pour l’atelier » are offered); null: the whole document. */
  sectionId: z.string().max(200).nullable(),
  place: PlaceSchema.optional(),
}).strict()
export type StartRoom = z.infer<typeof StartRoomSchema>

export interface RoomStatus {
  /** The server is listening (participants can reach it). */
  readonly running: boolean
  /** The address to join, one per network of the computer (the first is shown); [] when none is running. */
  readonly urls: readonly string[]
  /** The session (open, or the last one, closed); null when there was none. */
  readonly view: RoomConsoleView | null
  /** What went wrong reading the journal back (lines skipped, a torn last line cut), or null. */
  readonly problem: string | null
  /** Grows with every change (the `room.changed` event carries it). */
  readonly revision: number
}

/** What the audience screen may know: the projected cards, and the invitation (address and code) when it is shown. */
export interface RoomAudienceView {
  readonly projection: RoomProjection
  readonly join: { readonly url: string; readonly code: string } | null
  readonly revision: number
}

/** A session kept in the data dir (`room/<id>.jsonl`), for the list of past workshops. */
export interface RoomSessionSummary {
  readonly id: string
  readonly openedAt: string
  readonly section: RoomSection
  readonly place: string
  readonly questions: number
  readonly answers: number
  readonly devices: number
  readonly closed: boolean
}

/** Which session: the open (or last) one when no id is given. */
export const SessionRefSchema = z.object({ id: RoomIdSchema.optional() }).strict()

export interface SavedCahier {
  readonly path: string
  readonly bytes: number
}
