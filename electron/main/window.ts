/** The main window: sandboxed, isolated, no Node; loads app://reader/ (or the dev server). */
import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN } from '../shared/security/urls'

/** `route`: a hash route to open at (from a validated passerelles:// link), or none for the library. */
export function createMainWindow(opts: { devUrl: string | undefined; route?: string | null }): BrowserWindow {
  const win = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK — a middle click can only ask for a new window, which the policy denies (web-contents-policy.test.ts)
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Passerelles',
    backgroundColor: '#f7f4ee',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK — reviewed: exposes the contract's functions only (ipc-transport.test.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.on('preload-error', (_e, path, error) => {
    process.stderr.write(`[passerelles] preload ${path} failed: ${error.stack ?? error.message}\n`)
  })
  void win.loadURL(`${opts.devUrl ?? `${APP_ORIGIN}/`}${opts.route ?? ''}`)
  return win
}
