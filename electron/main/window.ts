/** The main window: sandboxed, isolated, no Node; loads app://reader/ (or the dev server). */
import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN } from '../shared/security/urls'

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

/** `route`: a hash route to open at (from a validated passerelles:// link), or none for the library. */
export function createMainWindow(opts: { devUrl: string | undefined; route?: string | null }): BrowserWindow {
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
  win.once('ready-to-show', () => win.show())
  win.webContents.on('preload-error', (_e, path, error) => {
    process.stderr.write(`[passerelles] preload ${path} failed: ${error.stack ?? error.message}\n`)
  })
  void win.loadURL(`${opts.devUrl ?? `${APP_ORIGIN}/`}${opts.route ?? ''}`)
  return win
}
