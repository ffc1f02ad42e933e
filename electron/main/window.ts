/** The main window: sandboxed, isolated, no Node; loads app://reader/ (or the dev server). */
import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN } from '../shared/security/urls'
import type { Logger } from '../services/platform/log'

/** The hardened preferences every window of the app gets (main, presenter, audience). */
export function secureWebPreferences(): Electron.WebPreferences {
  return {
    preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK — reviewed: exposes the contract's functions only (ipc-transport.test.ts)
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
  }
}

/** A window still hidden this long after loading is shown anyway (its first paint never came). */
export const SHOW_ANYWAY_AFTER_MS = 5000
/** A renderer that dies is reloaded, at most this many times a minute (then it stays as it is). */
const MAX_RELOADS_PER_MINUTE = 3

/**
 * Every window of the app ends up visible and alive: `show` runs on the first paint, or when the
 * load fails, or after SHOW_ANYWAY_AFTER_MS — a window hidden forever is a process the user cannot
 * see or quit. A renderer that crashes or is killed is reloaded (bounded, so a page that crashes at
 * load does not loop). Everything is logged, to the log file in a packaged app.
 */
export function superviseWindow(win: BrowserWindow, log: Logger, show: () => void): void {
  let shown = false
  const showOnce = (): void => {
    if (shown || win.isDestroyed()) return
    shown = true
    clearTimeout(timer)
    show()
    // build/scripts/boot-installed.ts waits for this line in the log of an installed build.
    log.info(`window shown: ${win.getTitle()}`)
  }
  const timer = setTimeout(() => {
    log.warn(`window not painted after ${SHOW_ANYWAY_AFTER_MS} ms: shown anyway`)
    showOnce()
  }, SHOW_ANYWAY_AFTER_MS)
  win.once('ready-to-show', showOnce)
  win.on('closed', () => clearTimeout(timer))
  const wc = win.webContents
  wc.on('preload-error', (_e, path, error) => log.error(`preload ${path} failed`, error))
  wc.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
    if (!isMainFrame) return
    log.error(`loading ${url.slice(0, 200)} failed: ${description} (${code})`)
    showOnce()
  })
  const reloads: number[] = []
  wc.on('render-process-gone', (_e, details) => {
    log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`)
    const now = Date.now()
    while (reloads.length && now - reloads[0]! > 60_000) reloads.shift()
    if (details.reason !== 'clean-exit' && reloads.length < MAX_RELOADS_PER_MINUTE && !win.isDestroyed()) {
      reloads.push(now)
      wc.reload()
    }
    showOnce()
  })
}

/** `route`: a hash route to open at (from a validated passerelles:// link), or none for the library. */
export function createMainWindow(opts: { devUrl: string | undefined; route?: string | null; log: Logger }): BrowserWindow {
  const win = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK — webPreferences come from secureWebPreferences() (window.ts): isolated, sandboxed, no Node; source-audit.test.ts reads that literal for every window; middle clicks can only ask for a window, which the policy denies
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Passerelles',
    backgroundColor: '#f7f4ee',
    webPreferences: secureWebPreferences(),
  })
  superviseWindow(win, opts.log, () => win.show())
  void win.loadURL(`${opts.devUrl ?? `${APP_ORIGIN}/`}${opts.route ?? ''}`)
  return win
}
