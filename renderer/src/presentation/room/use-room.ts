/**
 * The room session as a window may see it, kept current: fetched on load and again on each
 * `room.changed` event (at most one request per animation frame and one at a time; events that
 * arrive meanwhile cause one more fetch, so a burst of 200 answers costs a few requests). The
 * presenter asks `room.status` (everything), the audience screen `room.audience` (only what was
 * projected): the event itself carries nothing.
 */
import { useEffect, useState } from 'react'
import type { Result } from '../../../../electron/shared/result'
import type { RoomAudienceView, RoomStatus } from '../../../../electron/shared/room/api'
import { api } from '../../lib/api'

export interface RoomFetch<T> {
  readonly value: T | null
  readonly error: string | null
  /** Sets the value from an action's reply (the event's refetch follows). */
  readonly set: (v: T) => void
}

function useRoomFetch<T>(ask: () => Promise<Result<T>>): RoomFetch<T> {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let inFlight = false
    let again = false
    let alive = true
    const load = async (): Promise<void> => {
      if (inFlight) {
        again = true
        return
      }
      inFlight = true
      do {
        again = false
        const r = await ask()
        if (!alive) return
        if (r.ok) {
          setValue(r.value)
          setError(null)
        } else setError(r.error.message)
      } while (again)
      inFlight = false
    }
    // Events are coalesced to one fetch per animation frame (and one in flight): a room's burst of
    // answers and « +1 » never asks faster than the window paints.
    let frame = 0
    const off = api.on('room.changed', () => {
      if (frame !== 0) return
      frame = requestAnimationFrame(() => {
        frame = 0
        void load()
      })
    })
    void load()
    return () => {
      alive = false
      cancelAnimationFrame(frame)
      off()
    }
  }, [ask])
  return { value, error, set: setValue }
}

const status = (): Promise<Result<RoomStatus>> => api.room.status({})
const audience = (): Promise<Result<RoomAudienceView>> => api.room.audience({})

/** The presenter's console: the whole session. */
export const useRoomStatus = (): RoomFetch<RoomStatus> => useRoomFetch(status)
/** The audience screen: only what the facilitator projected. */
export const useRoomAudience = (): RoomFetch<RoomAudienceView> => useRoomFetch(audience)
