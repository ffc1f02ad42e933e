/**
 * PRELOAD (sandboxed). Exposes exactly one object, `window.passerelles`, built from the API contract:
 * one function per contract method and `on()` for the contract's events. `ipcRenderer` itself, the
 * IPC event object (which leaks `sender`) and any other channel are never reachable from the page
 * (shared/api/ipc-transport.ts, unit-tested). It imports no zod: the names come from the plain
 * list of shared/api/channel-names.ts (preload-imports.test.ts pins what this file may reach).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createClient } from '../shared/api/client'
import { ipcTransport } from '../shared/api/ipc-transport'

contextBridge.exposeInMainWorld('passerelles', createClient(ipcTransport(ipcRenderer)))
