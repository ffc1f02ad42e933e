/** Builds room states from events, for the tests of the room's pure parts and of its service. */
import type { RoomEvent } from './model'
import { openedState, reduceRoom } from './state'
import type { RoomState } from './state'

export const OPEN: Extract<RoomEvent, { t: 'open' }> = {
  t: 'open', id: 'sess1', at: '2026-11-28T10:00:00.000Z', token: 'abcdefghjkmn', code: '123456',
  section: { docId: 'cahier-07-renforcer-les-passerelles', sectionId: null, docTitle: 'Renforcer les passerelles', sectionTitle: 'Questions pour l’atelier' },
  place: 'Brest, salle du Patronage',
}

export const DEV = ['deviceaaaa', 'devicebbbb', 'devicecccc', 'devicedddd'] as const

export function roomOf(events: readonly RoomEvent[]): RoomState {
  return events.reduce(reduceRoom, openedState(OPEN))
}

/** An answer event to question `q1` by `device`. */
export function answer(id: string, text: string, device: string, pseudonym = ''): RoomEvent {
  return { t: 'answer', id, questionId: 'q1', text, pseudonym, device, at: '2026-11-28T10:05:00.000Z' }
}

export const ASKED: readonly RoomEvent[] = [
  { t: 'question', id: 'q1', text: 'Quel chantier votre structure peut-elle porter ?', at: '2026-11-28T10:01:00.000Z' },
  { t: 'ask', questionId: 'q1' },
]
