/**
 * PRELOAD (sandboxed). Exposes exactly one object, `window.passerelles`, built from the API contract:
 * one function per contract method and `on()` for the contract's events. `ipcRenderer` itself, the
 * IPC event object (which leaks `sender`) and any other channel are never reachable from the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createClient } from '../shared/api/client'
import { EVENT_NAMES, eventChannel } from '../shared/api/channels'

const eventChannels = new Set(EVENT_NAMES.map(eventChannel))

contextBridge.exposeInMainWorld(
  'passerelles',
  createClient({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe(channel, listener) {
      if (!eventChannels.has(channel)) return () => undefined
      const strip = (_event: unknown, payload: unknown): void => listener(payload)
      ipcRenderer.on(channel, strip)
      return () => void ipcRenderer.removeListener(channel, strip)
    },
  }),
)
