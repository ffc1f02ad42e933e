/**
 * Registers the handler table on ipcMain. Each call first checks who is calling: the top frame of
 * one of our windows, showing our own origin. Anything else gets an error value and is logged.
 */
import { BrowserWindow, ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { CHANNELS, eventChannel } from '../shared/api/channels'
import type { HandlerTable } from '../shared/api/types'
import { err } from '../shared/result'
import { isTrustedFrame } from '../shared/security/urls'
import type { EventBus } from '../services/platform/event-bus'
import type { Logger } from '../services/platform/log'

export function isTrustedSender(event: IpcMainInvokeEvent, devUrl: string | undefined): boolean {
  const frame = event.senderFrame
  return isTrustedFrame(frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null, devUrl)
}

export function registerIpc(
  handlers: HandlerTable,
  opts: {
    devUrl: string | undefined
    log: Logger
    /** A per-window rule on top of the origin check: a reason to refuse this sender, or null. */
    refuse?: (channel: string, webContentsId: number) => string | null
  },
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event, opts.devUrl)) {
        opts.log.warn(`IPC ${channel} refused: untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`)
        return err('forbidden-sender', `Refused ${channel}: the call did not come from the app's own page.`)
      }
      const reason = opts.refuse?.(channel, event.sender.id) ?? null
      if (reason) {
        opts.log.warn(`IPC ${channel} refused: ${reason}`)
        return err('forbidden-sender', `Refused ${channel}: ${reason}`)
      }
      return handlers[channel](payload)
    })
  }
}

/** Pushes every service event to every window (payloads are plain data, never Electron objects). */
export function forwardEvents(bus: EventBus): void {
  bus.subscribe((name, payload) => {
    for (const w of BrowserWindow.getAllWindows()) w.webContents.send(eventChannel(name), payload)
  })
}
