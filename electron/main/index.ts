/**
 * Composition root of the Electron app. It only wires things together: resolve directories, build
 * the Node services, then register the protocol, IPC, security policy and menu, and open the window.
 * Behaviour lives in electron/services (tested without Electron); this room stays thin.
 */
import { app, dialog, protocol, shell, BrowserWindow } from 'electron'
import { extname, join } from 'node:path'
import { createServices } from '../services/services'
import { createHandlers } from '../services/handlers'
import { resolveDirs } from '../services/platform/dirs'
import { systemClock } from '../services/platform/clock'
import { stderrLogger } from '../services/platform/log'
import { APP_SCHEME } from '../shared/security/urls'
import { deepLinkFromArgv, deepLinkRoute } from '../shared/security/deep-link'
import { registerAppProtocol } from './protocol'
import { registerIpc, forwardEvents } from './ipc'
import { installSecurityPolicy } from './security'
import { installMenu } from './menu'
import { createMainWindow } from './window'
import { createPresentationWindows } from './presentation-windows'

// Must run before `ready`: a standard, secure scheme gives app://reader a real origin for CSP 'self'.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

const log = stderrLogger()

/**
 * passerelles:// links: on Windows and Linux they arrive as an argument (of this launch, or of a
 * second launch forwarded by the single-instance lock); on macOS as `open-url`, which must be
 * listened to before `ready`. Each is validated into a hash route before anything uses it.
 */
let openRoute: ((route: string) => void) | null = null
let pendingRoute: string | null = deepLinkFromArgv(process.argv)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('open-url', (event, url) => {
    event.preventDefault()
    const route = deepLinkRoute(url)
    if (route && openRoute) openRoute(route)
    else if (route) pendingRoute = route
  })
  void main()
}

async function main(): Promise<void> {
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  // The content pack ships next to the compiled app (inside the asar when packaged).
  const contentDefault = join(app.getAppPath(), 'content')
  const dirs = resolveDirs(process.argv, process.env, { contentDir: contentDefault, dataDir: app.getPath('userData') })

  installSecurityPolicy({ devUrl, log })
  await app.whenReady()

  let win: BrowserWindow | null = null
  // Late-bound: the windows report a closed presenter to the service built just below.
  let onPresenterClosed = (): void => undefined
  const presentationWindows = createPresentationWindows({ devUrl, mainWindow: () => win, onPresenterClosed: () => onPresenterClosed(), log })
  const services = await createServices({
    ...dirs,
    clock: systemClock,
    log,
    appVersion: app.getVersion(),
    openUrl: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK — only reached through createExternalOpener: https:/mailto: only (urls.test.ts)
    presentationWindows,
    chooseSavePath: async (suggestedName) => {
      const parent = BrowserWindow.getFocusedWindow()
      // The filter follows the suggested name: a deck is .html, notes .md, .csv or .json.
      const extension = extname(suggestedName).slice(1) || 'html'
      const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: extension.toUpperCase(), extensions: [extension] }] }
      const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      return r.canceled || !r.filePath ? null : r.filePath
    },
    chooseFolder: async () => {
      const parent = BrowserWindow.getFocusedWindow()
      const options = { defaultPath: app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] }
      const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0]
    },
  })
  onPresenterClosed = () => services.presentation.windowsClosed()
  const handlers = createHandlers(services)
  // Open the search index now (prebuilt: a few ms) rather than on the first query.
  services.search.ready().catch(() => undefined) // a failure is logged and shown by search.status
  registerAppProtocol({ bundle: join(__dirname, '../renderer'), content: dirs.contentDir }, log)
  registerIpc(handlers, {
    devUrl,
    log,
    // The audience screen is projected: it never receives the speaker notes.
    refuse: (channel, id) => (channel === 'presentation:notes' && presentationWindows.isAudience(id) ? 'the audience screen never receives speaker notes' : null),
  })
  forwardEvents(services.bus)

  win = createMainWindow({ devUrl, route: pendingRoute })
  pendingRoute = null
  const show = (route: string | null): void => {
    if (!win || win.isDestroyed()) {
      win = createMainWindow({ devUrl, route })
      return
    }
    if (win.isMinimized()) win.restore()
    win.focus()
    if (route) services.bus.emit('app.navigate', { route })
  }
  openRoute = show
  installMenu(services.settings.get().language, services.bus)
  services.settings.onChange((s) => installMenu(s.language, services.bus))

  app.on('second-instance', (_event, argv) => show(deepLinkFromArgv(argv)))
  app.on('activate', () => {
    if (!win || win.isDestroyed()) win = createMainWindow({ devUrl })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
