/**
 * The presentation as a window sees it: the state main pushes (`presentation.state` events, plus a
 * snapshot asked for on load), the slides of the current deck (refetched when its revision changes)
 * and, for the presenter only, the speaker notes. Windows never change the state themselves: they
 * call `send`, main reduces and broadcasts.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PresentationSnapshot, WindowAction } from '../../../electron/shared/presentation/state'
import type { DeckNotes, PresentedDeck } from '../../../electron/shared/presentation/deck'
import { api, unwrap } from '../lib/api'

export interface PresentationView {
  /** Null until the first snapshot arrives. */
  readonly snapshot: PresentationSnapshot | null
  /** `performance.now()` when the snapshot arrived (the timer runs on from there). */
  readonly receivedAt: number
  readonly deck: PresentedDeck | null
  readonly notes: DeckNotes | null
  readonly error: string | null
  readonly send: (action: WindowAction) => void
}

export function usePresentation(withNotes: boolean): PresentationView {
  const [snap, setSnap] = useState<{ snapshot: PresentationSnapshot; at: number } | null>(null)
  const [deck, setDeck] = useState<PresentedDeck | null>(null)
  const [notes, setNotes] = useState<DeckNotes | null>(null)
  const [error, setError] = useState<string | null>(null)
  const gotEvent = useRef(false)

  useEffect(() => {
    const off = api.on('presentation.state', (s) => {
      gotEvent.current = true
      setSnap({ snapshot: s, at: performance.now() })
    })
    void unwrap(api.presentation.state({})).then(
      (s) => {
        // An event that arrived meanwhile is newer than this reply.
        if (!gotEvent.current) setSnap({ snapshot: s, at: performance.now() })
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    )
    return off
  }, [])

  const state = snap?.snapshot.state
  const revision = state?.status === 'presenting' ? state.deck.revision : null
  useEffect(() => {
    if (revision === null) return
    let live = true
    void unwrap(api.presentation.deck({})).then(
      (d) => live && setDeck(d),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    )
    if (withNotes) {
      void unwrap(api.presentation.notes({})).then(
        (n) => live && setNotes(n),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      )
    }
    return () => {
      live = false
    }
  }, [revision, withNotes])

  const send = useCallback((action: WindowAction) => {
    void api.presentation.dispatch({ action }).then((r) => {
      if (!r.ok) setError(r.error.message)
    })
  }, [])

  const current = deck && deck.revision === revision ? deck : null
  return {
    snapshot: snap?.snapshot ?? null,
    receivedAt: snap?.at ?? 0,
    deck: current,
    notes: notes && notes.revision === revision ? notes : null,
    error,
    send,
  }
}
