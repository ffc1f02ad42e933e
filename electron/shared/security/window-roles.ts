/**
 * Which API channels each kind of window may call (review §16), on top of the IPC sender check
 * (ipc-guard.ts: our origin, top frame). The audience window is projected in front of a room and
 * shows slides only: it gets an ALLOW-list of exactly what its page calls, so that a compromised
 * audience page cannot read the annotations, export files or change anything else. The main
 * window and the presenter window (the facilitator's own console) may call the whole API.
 *
 * What the audience page calls (renderer/src/app/App.tsx renders only <PresentationWindow> for
 * `#/present/audience`):
 * - `settings:get` — use-settings.ts: the page's language and theme (and again on `settings.changed`);
 * - `presentation:state` — use-presentation.ts: the snapshot asked for on load;
 * - `presentation:deck` — use-presentation.ts: the slides, refetched when the deck's revision changes;
 * - `presentation:dispatch` — keys and clicks on the audience screen (next, previous, overview…);
 * - `presentation:fullscreen` — « F » on the audience screen (PresentationWindow.tsx);
 * - `room:audience` — room/use-room.ts: ONLY the answers the facilitator projected, and the
 *   invitation (address and code) when shown — never the session's other answers (`room:status`).
 * Everything else is refused, `presentation:notes` included: the speaker notes never reach the
 * projected screen. (The global text-size and theme shortcuts would call `settings:update` from
 * there too; refused, the change is rolled back by use-settings — the audience screen changes no
 * setting.)
 */
import type { Channel } from '../api/types'

export type WindowRole = 'main' | 'presenter' | 'audience'

export const AUDIENCE_CHANNELS: ReadonlySet<string> = new Set([
  'settings:get',
  'presentation:state',
  'presentation:deck',
  'presentation:dispatch',
  'presentation:fullscreen',
  'room:audience',
] satisfies readonly Channel[])

/** A reason to refuse `channel` to a window of this role, or null when it may call it. */
export function refuseForRole(role: WindowRole, channel: string): string | null {
  if (role !== 'audience' || AUDIENCE_CHANNELS.has(channel)) return null
  if (channel === 'presentation:notes') return 'the audience screen never receives speaker notes'
  return `the audience screen may call only ${[...AUDIENCE_CHANNELS].join(', ')}`
}
