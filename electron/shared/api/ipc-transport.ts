/**
 * The preload's transport, as a pure function of the three ipcRenderer methods it uses (Electron
 * security checklist item 20: don't expose Electron APIs to untrusted content). The page gets
 * `createClient(ipcTransport(ipcRenderer))`: functions only. It can subscribe to the contract's
 * event channels and no other, and a listener receives the payload only — never the IPC event
 * object, whose `sender` would hand the page a way back into Electron.
 */
// The plain names (no zod): this file runs in the preload.
import { EVENT_NAME_LIST, eventChannel } from './channel-names'
import type { Transport } from './client'

/** The slice of Electron's `ipcRenderer` the transport needs. */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
}

const EVENT_CHANNELS: ReadonlySet<string> = new Set(EVENT_NAME_LIST.map(eventChannel))

export function ipcTransport(ipc: IpcRendererLike): Transport {
  return {
    invoke: (channel, payload) => ipc.invoke(channel, payload),
    subscribe(channel, listener) {
      if (!EVENT_CHANNELS.has(channel)) return () => undefined
      const strip = (_event: unknown, payload: unknown): void => listener(payload)
      ipc.on(channel, strip)
      return () => void ipc.removeListener(channel, strip)
    },
  }
}
