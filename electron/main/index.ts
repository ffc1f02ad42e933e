/**
 * Composition root of the Electron app. It only wires things together: resolve directories, build
 * the Node services, then register the protocol, IPC, security policy and menu, and open the window.
 * Behaviour lives in electron/services (tested without Electron); this room stays thin.
 */
import { app, protocol, shell } from 'electron'
import { join } from 'node:path'
import { createServices } from '../services/services'
import { createHandlers } from '../services/handlers'
import { resolveDirs } from '../services/platform/dirs'
import { systemClock } from '../services/platform/clock'
import { stderrLogger } from '../services/platform/log'
import { APP_SCHEME } from '../shared/security/urls'
import { registerAppProtocol } from './protocol'
import { registerIpc, forwardEvents } from './ipc'
import { installSecurityPolicy } from './security'
import { installMenu } from './menu'
import { createMainWindow } from './window'

// Must run before `ready`: a standard, secure scheme gives app://reader a real origin for CSP 'self'.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

const log = stderrLogger()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void main()
}

async function main(): Promise<void> {
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  // The content pack ships next to the compiled app (inside the asar when packaged).
  const contentDefault = join(app.getAppPath(), 'content')
  const dirs = resolveDirs(process.argv, process.env, { contentDir: contentDefault, dataDir: app.getPath('userData') })

  installSecurityPolicy({ devUrl, log })
  await app.whenReady()

  const services = await createServices({
    ...dirs,
    clock: systemClock,
    log,
    appVersion: app.getVersion(),
    openUrl: (url) => shell.openExternal(url),
  })
  const handlers = createHandlers(services)
  // Open the search index now (prebuilt: a few ms) rather than on the first query.
  services.search.ready().catch(() => undefined) // a failure is logged and shown by search.status
  registerAppProtocol({ bundle: join(__dirname, '../renderer'), content: dirs.contentDir }, log)
  registerIpc(handlers, { devUrl, log })
  forwardEvents(services.bus)

  let win = createMainWindow({ devUrl })
  installMenu(services.settings.get().language, services.bus)
  services.settings.onChange((s) => installMenu(s.language, services.bus))

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('activate', () => {
    if (win.isDestroyed()) win = createMainWindow({ devUrl })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
