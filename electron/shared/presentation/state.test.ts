/**
 * The reducer, exhaustively: every action type (the table below is typed by `ActionType`, so a new
 * action does not compile until it has its expectations) applied to every kind of state.
 */
import { describe, expect, it } from 'vitest'
import { INITIAL_STATE, WindowActionSchema, elapsedMs, reduce, snapshotOf } from './state'
import type { ActionType, PresentationAction, PresentationState } from './state'

type Presenting = Extract<PresentationState, { status: 'presenting' }>

const deck = { revision: 1, title: 'Deck', count: 5 }
const base: Presenting = {
  status: 'presenting', deck, index: 2, black: false, overview: false, theme: 'light', highlights: false,
  timer: { accumulatedMs: 1000, runningSince: 5000 },
}
const STATES: Record<string, PresentationState> = {
  idle: INITIAL_STATE,
  middle: base,
  first: { ...base, index: 0 },
  last: { ...base, index: 4 },
  black: { ...base, black: true },
  overview: { ...base, overview: true },
  paused: { ...base, timer: { accumulatedMs: 4000, runningSince: null } },
}
const NOW = 9000

const ACTIONS: Record<ActionType, PresentationAction> = {
  load: { type: 'load', deck: { revision: 2, title: 'Autre', count: 3 } },
  next: { type: 'next' },
  previous: { type: 'previous' },
  first: { type: 'first' },
  last: { type: 'last' },
  goto: { type: 'goto', index: 3 },
  'toggle-black': { type: 'toggle-black' },
  'toggle-overview': { type: 'toggle-overview' },
  'toggle-highlights': { type: 'toggle-highlights' },
  'set-theme': { type: 'set-theme', theme: 'contrast' },
  'timer-toggle': { type: 'timer-toggle' },
  'timer-reset': { type: 'timer-reset' },
  stop: { type: 'stop' },
}

/** What each action must do to a presenting state `s` (the result is `r`). */
const EXPECT_PRESENTING: Record<ActionType, (s: Presenting, r: PresentationState) => void> = {
  load: (s, r) => {
    expect(r).toMatchObject({ status: 'presenting', deck: ACTIONS.load.type === 'load' && ACTIONS.load.deck, index: 0, black: false, overview: false, theme: s.theme })
    expect(r.status === 'presenting' && r.timer).toEqual({ accumulatedMs: 0, runningSince: NOW })
  },
  next: (s, r) => expect(r).toMatchObject({ index: Math.min(4, s.index + 1), black: false, overview: s.overview }),
  previous: (s, r) => expect(r).toMatchObject({ index: Math.max(0, s.index - 1), black: false, overview: s.overview }),
  first: (s, r) => expect(r).toMatchObject({ index: 0, black: false, overview: s.overview }),
  last: (s, r) => expect(r).toMatchObject({ index: 4, black: false, overview: s.overview }),
  goto: (_s, r) => expect(r).toMatchObject({ index: 3, black: false, overview: false }),
  'toggle-black': (s, r) => expect(r).toEqual({ ...s, black: !s.black }),
  'toggle-overview': (s, r) => expect(r).toEqual({ ...s, overview: !s.overview }),
  'toggle-highlights': (s, r) => expect(r).toEqual({ ...s, highlights: !s.highlights }),
  'set-theme': (s, r) => expect(r).toEqual({ ...s, theme: 'contrast' }),
  'timer-toggle': (s, r) => {
    const t = (r as Presenting).timer
    if (s.timer.runningSince === null) expect(t).toEqual({ accumulatedMs: s.timer.accumulatedMs, runningSince: NOW })
    else expect(t).toEqual({ accumulatedMs: s.timer.accumulatedMs + NOW - s.timer.runningSince, runningSince: null })
  },
  'timer-reset': (s, r) => expect((r as Presenting).timer).toEqual({ accumulatedMs: 0, runningSince: s.timer.runningSince === null ? null : NOW }),
  stop: (s, r) => expect(r).toEqual({ status: 'idle', theme: s.theme, highlights: s.highlights }),
}

describe('presentation reducer', () => {
  for (const [stateName, state] of Object.entries(STATES)) {
    for (const [type, action] of Object.entries(ACTIONS) as [ActionType, PresentationAction][]) {
      it(`${type} on ${stateName}`, () => {
        const before = structuredClone(state)
        const r = reduce(state, action, NOW)
        expect(state).toEqual(before) // never mutates
        if (state.status === 'presenting') EXPECT_PRESENTING[type](state, r)
        else if (type === 'load') EXPECT_PRESENTING.load(base, r)
        else if (type === 'set-theme') expect(r).toEqual({ ...state, theme: 'contrast' })
        else if (type === 'toggle-highlights') expect(r).toEqual({ ...state, highlights: !state.highlights })
        else expect(r).toBe(state) // nothing to navigate while idle
      })
    }
  }

  it('a load clamps the starting slide into the deck', () => {
    const r = reduce(INITIAL_STATE, { type: 'load', deck: { revision: 1, title: 'x', count: 2 }, index: 9 }, 0)
    expect(r.status === 'presenting' && r.index).toBe(1)
  })

  it('goto beyond the end lands on the last slide', () => {
    expect((reduce(base, { type: 'goto', index: 99 }, 0) as Presenting).index).toBe(4)
  })

  it('the timer: runs, pauses (time stops), resumes, resets', () => {
    let s = reduce(INITIAL_STATE, { type: 'load', deck }, 1000) as Presenting
    expect(elapsedMs(s.timer, 4000)).toBe(3000)
    s = reduce(s, { type: 'timer-toggle' }, 4000) as Presenting
    expect(elapsedMs(s.timer, 60_000)).toBe(3000)
    s = reduce(s, { type: 'timer-toggle' }, 60_000) as Presenting
    expect(elapsedMs(s.timer, 61_000)).toBe(4000)
    s = reduce(s, { type: 'timer-reset' }, 61_000) as Presenting
    expect(elapsedMs(s.timer, 62_500)).toBe(1500)
    expect(snapshotOf(s, 62_500)).toEqual({ state: s, elapsedMs: 1500 })
    expect(snapshotOf(INITIAL_STATE, 62_500).elapsedMs).toBe(0)
  })

  it('windows cannot send a load, or anything outside the action list', () => {
    expect(WindowActionSchema.safeParse({ type: 'load', deck }).success).toBe(false)
    expect(WindowActionSchema.safeParse({ type: 'goto', index: -1 }).success).toBe(false)
    expect(WindowActionSchema.safeParse({ type: 'next', extra: 1 }).success).toBe(false)
    for (const a of Object.values(ACTIONS)) if (a.type !== 'load') expect(WindowActionSchema.parse(a)).toEqual(a)
  })
})
