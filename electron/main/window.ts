/** The main window: sandboxed, isolated, no Node; loads app://reader/ (or the dev server). */
import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN } from '../shared/security/urls'

/** The hardened preferences every window of the app gets (main, presenter, audience). */
export function secureWebPreferences(): Electron.WebPreferences {
  return {
    preload: join(__dirname, '../preload/index.js'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
  }
}

export function createMainWindow(opts: { devUrl: string | undefined }): BrowserWindow {
  const win = new BrowserWindow({
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
  void win.loadURL(opts.devUrl ?? `${APP_ORIGIN}/`)
  return win
}
