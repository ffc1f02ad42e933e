/**
 * Composition root of the Electron app. It only wires things together: decide what must happen
 * before `ready` (startup-plan.ts, pure and tested), build the Node services, then register the
 * protocol, IPC, security policy and menu, and open the window. Behaviour lives in
 * electron/services (tested without Electron); this room stays thin. The packed build of this
 * file is booted under a recording fake `electron` by `npm run package:check` (boot-check.ts).
 *
 * Start-up always ends visibly: either a window, or an error dialog naming the log file and an
 * exit (a process without a window would hold the single-instance lock, and every later launch
 * would silently do nothing).
 */
import { app, dialog, protocol, shell, BrowserWindow } from 'electron'
import { extname, join } from 'node:path'
import { createServices } from '../services/services'
import type { Services } from '../services/services'
import { createHandlers } from '../services/handlers'
import { SUPPORTED_EXTENSIONS } from '../services/documents/convert/convert-file'
import { resolveDirs } from '../services/platform/dirs'
import { systemClock } from '../services/platform/clock'
import { fileLogger, stderrLogger, teeLogger } from '../services/platform/log'
import { LOG_FILE_NAME, startupPlan } from '../services/platform/startup-plan'
import { APP_SCHEME } from '../shared/security/urls'
import { DEEP_LINK_SCHEME, deepLinkArgument, describeRouteProblem, resolveDeepLink } from '../shared/links/deep-link'
import { refuseForRole } from '../shared/security/window-roles'
import { registerAppProtocol } from './protocol'
import { registerIpc, forwardEvents } from './ipc'
import { installSecurityPolicy } from './security'
import { installMenu } from './menu'
import { createMainWindow } from './window'
import { createPresentationWindows } from './presentation-windows'

const plan = startupPlan({ platform: process.platform, env: process.env, isPackaged: app.isPackaged, argv: process.argv }, app.getPath('userData'))
for (const [name, value] of plan.switches) app.commandLine.appendSwitch(name, value)
// Before anything reads it (the single-instance lock is keyed on this folder).
if (plan.profileDir) app.setPath('userData', plan.profileDir)
if (plan.appUserModelId) app.setAppUserModelId(plan.appUserModelId)

// Must run before `ready`: a standard, secure scheme gives app://reader a real origin for CSP 'self';
// codeCache keeps V8's compiled renderer bundle between launches.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
])

const logFile = plan.logToFile ? join(app.getPath('logs'), LOG_FILE_NAME) : null
const log = logFile ? teeLogger(stderrLogger(), fileLogger(logFile)) : stderrLogger()

/**
 * passerelles:// links: on Windows and Linux they arrive as an argument (of this launch, or of a
 * second launch forwarded by the single-instance lock); on macOS as `open-url`, which must be
 * listened to before `ready`. Each is validated into a hash route (shared/links/deep-link.ts) before
 * anything uses it; a refused link is logged with the reason. A link that arrives while the services
 * are still starting waits in `pendingRoute` for the window.
 */
function linkRoute(link: string | null): string | null {
  if (link === null) return null
  const r = resolveDeepLink(link)
  if (r.ok) return r.hash
  log.warn(`passerelles:// link refused: ${describeRouteProblem(r.problem)}`)
  return null
}
let openRoute: ((route: string | null) => void) | null = null
let pendingRoute: string | null = linkRoute(deepLinkArgument(process.argv))
const route = (r: string | null): void => {
  if (openRoute) openRoute(r)
  else if (r) pendingRoute = r
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('open-url', (event, url) => {
    event.preventDefault()
    route(linkRoute(url))
  })
  app.on('second-instance', (_event, argv) => route(linkRoute(deepLinkArgument(argv))))
  app.on('activate', () => openRoute?.(null))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  main().catch(failStartup)
}

function failStartup(e: unknown): void {
  log.error('start-up failed', e)
  const message = e instanceof Error ? e.message : String(e)
  const where = logFile ? `\n\nDétails dans le journal / details in the log:\n${logFile}` : ''
  dialog.showErrorBox('Passerelles n’a pas pu démarrer', `${message}${where}`)
  app.exit(1)
}

async function main(): Promise<void> {
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  // The content pack ships next to the compiled app (inside the asar when packaged).
  const contentDefault = join(app.getAppPath(), 'content')
  const dirs = resolveDirs(process.argv, process.env, { contentDir: contentDefault, dataDir: app.getPath('userData') })
  log.info(`starting ${app.getVersion()}: content ${dirs.contentDir}, data ${dirs.dataDir}`)

  installSecurityPolicy({ devUrl, log })
  await app.whenReady()
  // Windows: NSIS does not register the scheme (see startup-plan.ts); HKCU, this user only.
  if (plan.registerSchemeHandler && !app.isDefaultProtocolClient(DEEP_LINK_SCHEME)) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME) // eng-disable PROTOCOL_HANDLER_JS_CHECK — links are parsed into a few route shapes, never loaded (links/deep-link.test.ts)

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
    // « Ajouter des documents… »: the formats the importers read (services/documents/convert).
    chooseFiles: async () => {
      const parent = BrowserWindow.getFocusedWindow()
      const options = {
        title: 'Ajouter des documents',
        defaultPath: app.getPath('documents'),
        properties: ['openFile' as const, 'multiSelections' as const],
        filters: [{ name: 'Documents', extensions: [...SUPPORTED_EXTENSIONS] }],
      }
      const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths
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
    // The audience screen is projected: an allow-list of what its page calls (never the speaker notes).
    refuse: (channel, id) => refuseForRole(presentationWindows.isAudience(id) ? 'audience' : 'main', channel),
  })
  forwardEvents(services.bus)
  closeServicesOnQuit(services)

  win = createMainWindow({ devUrl, route: pendingRoute, log })
  pendingRoute = null
  openRoute = (r) => {
    if (!win || win.isDestroyed()) {
      win = createMainWindow({ devUrl, route: r, log })
      return
    }
    if (win.isMinimized()) win.restore()
    win.focus()
    if (r) services.bus.emit('app.navigate', { route: r })
  }
  installMenu(services.settings.get().language, services.bus)
  services.settings.onChange((s) => installMenu(s.language, services.bus))
}

/** Quitting waits (a few seconds at most) for the annotation store's compaction and backups. */
function closeServicesOnQuit(services: Services): void {
  let state: 'open' | 'closing' | 'closed' = 'open'
  app.on('before-quit', (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref())
    Promise.race([services.close(), timeout])
      .catch((e: unknown) => log.error('closing the services failed', e))
      .finally(() => {
        state = 'closed'
        app.quit()
      })
  })
}
