/**
 * The presentation keyboard map, shared by both windows (and mirrored by the exported HTML deck):
 *   → Space PageDown N         next          ← PageUp Shift+Space Backspace P   previous
 *   Home / End                 first / last  digits then Enter                  go to slide n
 *   B or . (clickers' « blank » key)   black screen     O   overview grid
 *   F   fullscreen (of the window the key was pressed in)      H   highlights on/off
 *   T   pause / resume the timer       Esc   close the overview, clear a typed number, else leave
 * Presentation clickers send PageUp/PageDown (and often B or .), so they work as they are.
 */
import type { WindowAction } from './state'

export interface KeyInput {
  readonly key: string
  readonly shiftKey: boolean
  readonly ctrlKey: boolean
  readonly altKey: boolean
  readonly metaKey: boolean
}

export type KeyOutcome =
  | { readonly kind: 'action'; readonly action: WindowAction }
  | { readonly kind: 'fullscreen' }
  /** A digit was typed or erased: the pending slide number changed. */
  | { readonly kind: 'buffer'; readonly buffer: string }
  | { readonly kind: 'ignored' }

const MAX_DIGITS = 5

/**
 * What a key press means. `buffer` is the slide number typed so far (1-based, as shown to people);
 * `overview` says whether the grid is open (Esc and Enter then act on it).
 */
export function interpretKey(e: KeyInput, ctx: { readonly buffer: string; readonly overview: boolean }): KeyOutcome {
  if (e.ctrlKey || e.altKey || e.metaKey) return { kind: 'ignored' }
  const action = (a: WindowAction): KeyOutcome => ({ kind: 'action', action: a })
  if (/^[0-9]$/.test(e.key)) {
    return ctx.buffer.length < MAX_DIGITS ? { kind: 'buffer', buffer: ctx.buffer + e.key } : { kind: 'ignored' }
  }
  if (ctx.buffer !== '') {
    if (e.key === 'Enter') {
      const n = Number(ctx.buffer)
      return n >= 1 ? action({ type: 'goto', index: n - 1 }) : { kind: 'buffer', buffer: '' }
    }
    if (e.key === 'Backspace') return { kind: 'buffer', buffer: ctx.buffer.slice(0, -1) }
    if (e.key === 'Escape') return { kind: 'buffer', buffer: '' }
  }
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
    case 'n':
    case 'N':
      return action({ type: 'next' })
    case ' ':
    case 'Spacebar':
      return action({ type: e.shiftKey ? 'previous' : 'next' })
    case 'ArrowLeft':
    case 'PageUp':
    case 'Backspace':
    case 'p':
    case 'P':
      return action({ type: 'previous' })
    case 'Home':
      return action({ type: 'first' })
    case 'End':
      return action({ type: 'last' })
    case 'b':
    case 'B':
    case '.':
      return action({ type: 'toggle-black' })
    case 'o':
    case 'O':
      return action({ type: 'toggle-overview' })
    case 'h':
    case 'H':
      return action({ type: 'toggle-highlights' })
    case 't':
    case 'T':
      return action({ type: 'timer-toggle' })
    case 'f':
    case 'F':
      return { kind: 'fullscreen' }
    case 'Enter':
      return ctx.overview ? action({ type: 'toggle-overview' }) : { kind: 'ignored' }
    case 'Escape':
      return action(ctx.overview ? { type: 'toggle-overview' } : { type: 'stop' })
    default:
      return { kind: 'ignored' }
  }
}
