/**
 * Presentation state, owned by main (the presentation service) and pushed to every window. Windows
 * never change it themselves: they send actions, the service reduces them here and broadcasts the
 * result, so the presenter and audience windows always show the same slide.
 *
 * The reducer is pure; time comes in as a parameter (`now`, monotonic milliseconds) so the elapsed
 * timer is computed from timestamps, never from a ticking counter that could drift between windows.
 */
import { z } from 'zod'

export const THEMES = ['light', 'dark', 'contrast'] as const
export type PresentationTheme = (typeof THEMES)[number]

export interface Timer {
  /** Milliseconds counted before the current run (everything before the last resume). */
  readonly accumulatedMs: number
  /** Monotonic time of the last start/resume; null while paused. */
  readonly runningSince: number | null
}

export interface DeckHeader {
  /** Changes each time a deck is (re)built: windows refetch the slides when it changes. */
  readonly revision: number
  readonly title: string
  readonly count: number
}

export type PresentationState =
  | { readonly status: 'idle'; readonly theme: PresentationTheme; readonly highlights: boolean }
  | {
      readonly status: 'presenting'
      readonly deck: DeckHeader
      readonly index: number
      readonly black: boolean
      readonly overview: boolean
      readonly theme: PresentationTheme
      readonly highlights: boolean
      readonly timer: Timer
    }

export const INITIAL_STATE: PresentationState = { status: 'idle', theme: 'light', highlights: false }

/** What a window may ask for (validated at the boundary by the contract). */
export const WindowActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('next') }).strict(),
  z.object({ type: z.literal('previous') }).strict(),
  z.object({ type: z.literal('first') }).strict(),
  z.object({ type: z.literal('last') }).strict(),
  z.object({ type: z.literal('goto'), index: z.number().int().min(0).max(100_000) }).strict(),
  z.object({ type: z.literal('toggle-black') }).strict(),
  z.object({ type: z.literal('toggle-overview') }).strict(),
  z.object({ type: z.literal('toggle-highlights') }).strict(),
  z.object({ type: z.literal('set-theme'), theme: z.enum(THEMES) }).strict(),
  z.object({ type: z.literal('timer-toggle') }).strict(),
  z.object({ type: z.literal('timer-reset') }).strict(),
  z.object({ type: z.literal('stop') }).strict(),
])
export type WindowAction = z.infer<typeof WindowActionSchema>

/** Every action the reducer knows: the windows' ones, plus loading a deck (done by the service). */
export type PresentationAction = WindowAction | { readonly type: 'load'; readonly deck: DeckHeader; readonly index?: number }

export type ActionType = PresentationAction['type']

function clamp(i: number, count: number): number {
  return Math.max(0, Math.min(count - 1, i))
}

/** Elapsed presenting time at `now` (monotonic ms). */
export function elapsedMs(timer: Timer, now: number): number {
  return timer.accumulatedMs + (timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince))
}

export function reduce(state: PresentationState, action: PresentationAction, now: number): PresentationState {
  if (action.type === 'load') {
    return {
      status: 'presenting',
      deck: action.deck,
      index: clamp(action.index ?? 0, action.deck.count),
      black: false,
      overview: false,
      theme: state.theme,
      highlights: state.highlights,
      timer: { accumulatedMs: 0, runningSince: now },
    }
  }
  if (state.status === 'idle') {
    switch (action.type) {
      case 'set-theme':
        return { ...state, theme: action.theme }
      case 'toggle-highlights':
        return { ...state, highlights: !state.highlights }
      default:
        return state
    }
  }
  const go = (index: number, leaveOverview: boolean): PresentationState => ({
    ...state,
    index: clamp(index, state.deck.count),
    black: false,
    overview: leaveOverview ? false : state.overview,
  })
  switch (action.type) {
    case 'next':
      return go(state.index + 1, false)
    case 'previous':
      return go(state.index - 1, false)
    case 'first':
      return go(0, false)
    case 'last':
      return go(state.deck.count - 1, false)
    case 'goto':
      return go(action.index, true)
    case 'toggle-black':
      return { ...state, black: !state.black }
    case 'toggle-overview':
      return { ...state, overview: !state.overview }
    case 'toggle-highlights':
      return { ...state, highlights: !state.highlights }
    case 'set-theme':
      return { ...state, theme: action.theme }
    case 'timer-toggle':
      return {
        ...state,
        timer:
          state.timer.runningSince === null
            ? { ...state.timer, runningSince: now }
            : { accumulatedMs: elapsedMs(state.timer, now), runningSince: null },
      }
    case 'timer-reset':
      return { ...state, timer: { accumulatedMs: 0, runningSince: state.timer.runningSince === null ? null : now } }
    case 'stop':
      return { status: 'idle', theme: state.theme, highlights: state.highlights }
    default:
      return assertNever(action)
  }
}

function assertNever(x: never): never {
  throw new Error(`Unhandled presentation action: ${JSON.stringify(x)}`)
}

/** What windows receive: the state, and the elapsed time when it was sent (no clock is shared). */
export interface PresentationSnapshot {
  readonly state: PresentationState
  /** Elapsed presenting time at the moment the snapshot was taken (0 when idle). */
  readonly elapsedMs: number
}

export function snapshotOf(state: PresentationState, now: number): PresentationSnapshot {
  return { state, elapsedMs: state.status === 'presenting' ? elapsedMs(state.timer, now) : 0 }
}
