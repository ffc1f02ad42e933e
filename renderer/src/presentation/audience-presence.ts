/**
 * Whether the audience window is open, as the presenter console sees it (issue 16: « Rouvrir
 * l'écran public » only when it is closed) — without asking main, which does not report it.
 *
 * The two windows share an origin and a session, so the browser itself can tell:
 * - the audience window holds a Web Lock (`AUDIENCE_LOCK`) for as long as it lives; the browser
 *   releases it when the window closes, reloads or crashes — no message to miss;
 * - the presenter waits for that lock: being granted it means the audience is gone (it releases it
 *   at once, so a reopened audience takes it back);
 * - the audience says « here » on a BroadcastChannel once it holds the lock (and answers « who »),
 *   so the presenter knows it is back.
 * Until the presenter has heard either way the presence is 'unknown' (the button stays hidden).
 * The console may load a moment before the audience window: it then says 'closed' until the
 * audience's « here » arrives.
 */
import { useEffect, useState } from 'react'

const AUDIENCE_LOCK = 'passerelles.presentation.audience'
const CHANNEL = 'passerelles.presentation.presence'
type Message = 'here' | 'who'

export type AudiencePresence = 'open' | 'closed' | 'unknown'

/** Web Locks need a secure context (app:// is registered secure; the e2e server is localhost). */
const HAS_LOCKS = typeof navigator !== 'undefined' && 'locks' in navigator && typeof BroadcastChannel !== 'undefined'

/** For the audience window: holds the lock while mounted, announces itself. */
export function useAnnounceAudience(): void {
  useEffect(() => {
    if (!HAS_LOCKS) return
    const channel = new BroadcastChannel(CHANNEL)
    const stop = new AbortController()
    let holding = false
    let release: () => void = () => undefined
    channel.onmessage = (e: MessageEvent<Message>) => {
      if (e.data === 'who' && holding) channel.postMessage('here' satisfies Message)
    }
    navigator.locks
      .request(AUDIENCE_LOCK, { signal: stop.signal }, () => {
        holding = true
        channel.postMessage('here' satisfies Message)
        return new Promise<void>((resolve) => {
          release = resolve
        })
      })
      .catch(() => undefined) // aborted on unmount
    return () => {
      holding = false
      stop.abort()
      release()
      channel.close()
    }
  }, [])
}

/** For the presenter console: is the audience window open? */
export function useAudiencePresence(): AudiencePresence {
  // Without Web Locks nothing can be known: 'closed' keeps « Rouvrir l'écran public » offered, as before.
  const [presence, setPresence] = useState<AudiencePresence>(HAS_LOCKS ? 'unknown' : 'closed')
  useEffect(() => {
    if (!HAS_LOCKS) return
    const channel = new BroadcastChannel(CHANNEL)
    const stop = new AbortController()
    let waiting = false
    let live = true
    const waitUntilGone = (): void => {
      if (waiting) return
      waiting = true
      navigator.locks
        .request(AUDIENCE_LOCK, { signal: stop.signal }, () => {
          // Granted: nobody holds it, the audience window is closed. Released on return.
          waiting = false
          if (live) setPresence('closed')
        })
        .catch(() => undefined) // aborted on unmount
    }
    channel.onmessage = (e: MessageEvent<Message>) => {
      if (e.data !== 'here' || !live) return
      setPresence('open')
      waitUntilGone()
    }
    channel.postMessage('who' satisfies Message)
    // Granted at once when no audience window holds the lock (it was closed before this console
    // loaded, or has not loaded yet: then its « here » follows within a moment).
    waitUntilGone()
    return () => {
      live = false
      stop.abort()
      channel.close()
    }
  }, [])
  return presence
}
