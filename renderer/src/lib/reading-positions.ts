/**
 * The renderer's copy of the reading positions: fetched from the reading service (library screen,
 * first document opened), updated locally on every save, so reopening a document needs no round trip.
 * The service stays the source of truth: saves go through it, and the library refreshes from it.
 */
import type { ReadingPosition, ReadingPositionInput } from '../../../electron/shared/reading'
import { api, unwrap } from './api'

let positions: Map<string, ReadingPosition> | null = null

/** Every position, fresh from the service (most recently read first). */
export async function refreshPositions(): Promise<readonly ReadingPosition[]> {
  const list = await unwrap(api.reading.list({}))
  positions = new Map(list.map((p) => [p.docId, p]))
  return list
}

/** A document's position: from the local copy when there is one, else from the service. */
export function positionOf(id: string): ReadingPosition | null | undefined {
  return positions ? (positions.get(id) ?? null) : undefined
}

export async function loadPosition(id: string): Promise<ReadingPosition | null> {
  const known = positionOf(id)
  if (known !== undefined) return known
  await refreshPositions()
  return positionOf(id) ?? null
}

/** Saves through the service; the local copy is updated at once (reopening right away lands there). */
export function savePosition(input: ReadingPositionInput): void {
  const { id, ...rest } = input
  positions?.set(id, { docId: id, ...rest, updatedAt: new Date().toISOString() })
  void api.reading.save(input).then((r) => {
    if (r.ok) positions?.set(r.value.docId, r.value)
  })
}
