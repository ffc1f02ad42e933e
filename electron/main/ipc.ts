/**
 * Registers the handler table on ipcMain. Each call first checks who is calling (the pure guard of
 * shared/security/ipc-guard.ts): the top frame of one of our windows, showing our own origin.
 * Anything else gets an error value and is logged.
 */
import { BrowserWindow, ipcMain } from 'electron'
import { CHANNELS, eventChannel } from '../shared/api/channels'
import type { HandlerTable } from '../shared/api/types'
import { guardHandler } from '../shared/security/ipc-guard'
import type { EventBus } from '../services/platform/event-bus'
import type { Logger } from '../services/platform/log'

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
    ipcMain.handle(channel, guardHandler(channel, handlers[channel], opts))
  }
}

/** Pushes every service event to every window (payloads are plain data, never Electron objects). */
export function forwardEvents(bus: EventBus): void {
  bus.subscribe((name, payload) => {
    for (const w of BrowserWindow.getAllWindows()) w.webContents.send(eventChannel(name), payload)
  })
}
