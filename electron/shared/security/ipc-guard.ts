/**
 * The IPC sender check (Electron security checklist item 17), as a pure wrapper around one handler
 * of the table: only the top frame of one of our windows, showing our own origin, may call. Anything
 * else — no frame (it navigated away or was destroyed), an iframe, another origin — gets an error
 * value and is logged; the handler is never reached. `electron/main/ipc.ts` registers the result.
 */
import { err } from '../result'
import type { Result } from '../result'
import { isTrustedFrame } from './urls'

export interface FrameLike {
  readonly url: string
}

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null | undefined
  readonly sender: { readonly mainFrame: FrameLike; readonly id?: number }
}

export function isTrustedSender(event: InvokeEventLike, devUrl: string | undefined): boolean {
  const frame = event.senderFrame
  return isTrustedFrame(frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null, devUrl)
}

export function guardHandler(
  channel: string,
  handler: (payload: unknown) => Promise<Result<unknown>>,
  opts: {
    readonly devUrl: string | undefined
    readonly log: { warn(message: string): void }
    /** A per-window rule on top of the origin check: a reason to refuse this sender, or null. */
    readonly refuse?: (channel: string, webContentsId: number) => string | null
  },
): (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>> {
  return async (event, payload) => {
    if (!isTrustedSender(event, opts.devUrl)) {
      opts.log.warn(`IPC ${channel} refused: untrusted sender ${event.senderFrame?.url.slice(0, 200) ?? '(no frame)'}`)
      return err('forbidden-sender', `Refused ${channel}: the call did not come from the app's own page.`)
    }
    const reason = opts.refuse?.(channel, event.sender.id ?? -1) ?? null
    if (reason) {
      opts.log.warn(`IPC ${channel} refused: ${reason}`)
      return err('forbidden-sender', `Refused ${channel}: ${reason}`)
    }
    return handler(payload)
  }
}
