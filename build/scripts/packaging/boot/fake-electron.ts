/**
 * A recording stand-in for the `electron` module, to boot the packed main process under plain Node
 * (no Electron binary can be downloaded here). boot-check.ts bundles this file into
 * `node_modules/electron/index.js` of an extracted app.asar; `out/main/index.js` then requires it as
 * it would require Electron. Only what main uses is provided, with Electron's observable contract
 * (events, ordering rules such as « schemes are registered before ready, handled after »); every call
 * is recorded for the checks. An export main asks for that is not here throws a clear error, so a
 * new API in main fails the boot test loudly instead of passing unexercised.
 *
 * Configured by FAKE_ELECTRON_CONFIG (JSON, see FakeConfig). The driver reaches the recorder
 * through the `_fake` export.
 */
import { EventEmitter } from 'node:events'
import { join } from 'node:path'

export interface FakeConfig {
  readonly isPackaged: boolean
  readonly appPath: string
  readonly version: string
  readonly paths: Readonly<Record<string, string>>
}

export interface Call {
  readonly api: string
  readonly args: unknown
  readonly afterReady: boolean
}

const config = JSON.parse(process.env.FAKE_ELECTRON_CONFIG ?? '{}') as FakeConfig
const calls: Call[] = []
let isReady = false
let resolveReady: () => void = () => undefined
const ready = new Promise<void>((r) => (resolveReady = r))

/** Arguments as plain data (functions and Electron objects are named, not kept). */
function plain(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[function]'
  if (value === null || typeof value !== 'object') return value
  if (depth > 4) return '[deep]'
  if (value instanceof EventEmitter) return `[${value.constructor.name}]`
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, depth + 1)]))
}
function record(api: string, ...args: unknown[]): void {
  calls.push({ api, args: plain(args), afterReady: isReady })
}

class PreventableEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

const paths: Record<string, string> = { ...config.paths }
const hooks: { onExit: (code: number) => void; onQuit: () => void } = {
  onExit: (code) => process.exit(code),
  onQuit: () => undefined,
}

const app = Object.assign(new EventEmitter(), {
  isPackaged: config.isPackaged,
  commandLine: { appendSwitch: (name: string, value?: string): void => record('app.commandLine.appendSwitch', name, value) },
  whenReady: (): Promise<void> => ready,
  isReady: (): boolean => isReady,
  getPath(name: string): string {
    if (name === 'logs' && !paths.logs) return join(app.getPath('userData'), 'logs')
    const p = paths[name]
    if (!p) throw new Error(`fake electron: no path "${name}"`)
    return p
  },
  setPath(name: string, value: string): void {
    record('app.setPath', name, value)
    paths[name] = value
  },
  getAppPath: (): string => config.appPath,
  getVersion: (): string => config.version,
  getName: (): string => 'Passerelles',
  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock', paths.userData)
    return true
  },
  setAppUserModelId: (id: string): void => record('app.setAppUserModelId', id),
  isDefaultProtocolClient: (scheme: string): boolean => (record('app.isDefaultProtocolClient', scheme), false),
  setAsDefaultProtocolClient: (scheme: string): boolean => (record('app.setAsDefaultProtocolClient', scheme), true),
  quit(): void {
    record('app.quit')
    const e = new PreventableEvent()
    app.emit('before-quit', e)
    if (e.defaultPrevented) return
    record('app.quit:done')
    hooks.onQuit()
  },
  exit(code = 0): void {
    record('app.exit', code)
    hooks.onExit(code)
  },
})

class FakeWebContents extends EventEmitter {
  private static nextId = 1
  readonly id = FakeWebContents.nextId++
  readonly mainFrame = { url: '' }
  readonly sent: string[] = []
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null
  getURL(): string {
    return this.mainFrame.url
  }
  send(channel: string): void {
    this.sent.push(channel)
  }
  reload(): void {
    record('webContents.reload', this.id)
  }
  setWindowOpenHandler(fn: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = fn
  }
}

class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = []
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((w) => !w.destroyed)
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows()[0] ?? null
  }
  readonly webContents = new FakeWebContents()
  readonly urls: string[] = []
  visible = false
  destroyed = false
  fullScreen = false
  constructor(readonly options: Record<string, unknown>) {
    super()
    if (!isReady) throw new Error('fake electron: BrowserWindow created before ready')
    record('new BrowserWindow', options)
    BrowserWindow.all.push(this)
    app.emit('web-contents-created', new PreventableEvent(), this.webContents)
  }
  loadURL(url: string): Promise<void> {
    record('BrowserWindow.loadURL', url)
    this.urls.push(url)
    this.webContents.mainFrame.url = url
    return Promise.resolve()
  }
  show(): void {
    record('BrowserWindow.show', this.webContents.id)
    this.visible = true
  }
  showInactive(): void {
    this.visible = true
  }
  isVisible = (): boolean => this.visible
  isDestroyed = (): boolean => this.destroyed
  isMinimized = (): boolean => false
  isFullScreen = (): boolean => this.fullScreen
  restore(): void {}
  focus(): void {
    record('BrowserWindow.focus', this.webContents.id)
  }
  getTitle(): string {
    return String(this.options.title ?? '')
  }
  maximize(): void {}
  setMenuBarVisibility(): void {}
  setFullScreen(on: boolean): void {
    this.fullScreen = on
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: Number(this.options.width ?? 800), height: Number(this.options.height ?? 600) }
  }
  setBounds(): void {}
  close(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('closed')
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed')
  }
}

type Handler = (...args: never[]) => unknown
const ipcHandlers = new Map<string, Handler>()
const protocolHandlers = new Map<string, Handler>()
const permission: { request: Handler | null; check: Handler | null } = { request: null, check: null }

const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, internal: true }

const api: Record<string, unknown> = {
  app,
  BrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown): void => record('protocol.registerSchemesAsPrivileged', schemes),
    handle(scheme: string, fn: Handler): void {
      record('protocol.handle', scheme)
      if (!isReady) throw new Error('fake electron: protocol.handle before ready')
      protocolHandlers.set(scheme, fn)
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: Handler): void => void ((permission.request = fn), record('session.setPermissionRequestHandler')),
      setPermissionCheckHandler: (fn: Handler): void => void ((permission.check = fn), record('session.setPermissionCheckHandler')),
    },
  },
  ipcMain: {
    handle(channel: string, fn: Handler): void {
      if (ipcHandlers.has(channel)) throw new Error(`fake electron: a second handler for ${channel}`)
      ipcHandlers.set(channel, fn)
    },
  },
  Menu: {
    buildFromTemplate: (template: unknown): { template: unknown } => ({ template }),
    setApplicationMenu: (menu: unknown): void => record('Menu.setApplicationMenu', menu),
  },
  dialog: {
    showErrorBox: (title: string, content: string): void => record('dialog.showErrorBox', title, content),
    showSaveDialog: async (): Promise<{ canceled: boolean }> => ({ canceled: true }),
    showOpenDialog: async (): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] }),
  },
  shell: { openExternal: async (url: string): Promise<void> => record('shell.openExternal', url) },
  screen: Object.assign(new EventEmitter(), {
    getPrimaryDisplay: () => display,
    getDisplayMatching: () => display,
    getAllDisplays: () => [display],
  }),
  powerSaveBlocker: { start: (): number => 1, stop: (): void => undefined },
  /** The driver's handle on the recorder (not part of Electron). */
  _fake: {
    calls,
    hooks,
    ipcHandlers,
    protocolHandlers,
    permission,
    windows: (): BrowserWindow[] => BrowserWindow.all,
    emitReady(): void {
      isReady = true
      app.emit('ready')
      resolveReady()
    },
  },
}

module.exports = new Proxy(api, {
  get(target, name) {
    if (typeof name === 'string' && !(name in target) && name !== '__esModule' && name !== 'default' && name !== 'then') {
      throw new Error(`fake electron: main uses electron.${name}, which the boot test's fake does not provide (add it to build/scripts/packaging/boot/fake-electron.ts)`)
    }
    return target[name as string]
  },
})
