/**
 * Smoke test of the real Electron app (window opens, the API object is there, no Node in the page,
 * navigation denied, its profile kept inside its own data dir). It needs an Electron binary: npm's
 * `electron` package downloads one at install time, which is impossible on machines without
 * internet access. There it reports itself skipped, saying exactly why (binary.ts). The packed app
 * is booted without a binary by `npm run package:check` (build/scripts/packaging/boot-check.ts).
 */
import { test, expect, _electron as electron } from '@playwright/test'
import { mkdtempSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { findElectronBinary } from './binary'

const REPO = resolve(__dirname, '..', '..')
const found = findElectronBinary(REPO, process.env)
const binary = 'path' in found ? found.path : null

test.describe('Electron app', () => {
  test.skip(binary === null, 'reason' in found ? found.reason : '')

  test('opens a secure window with the API and without Node', async () => {
    const dataDir = realpathSync(mkdtempSync(join(tmpdir(), 'passerelles-electron-')))
    const app = await electron.launch({
      executablePath: binary!,
      // --no-sandbox: CI runners run as root, where Chromium refuses its sandbox (not a user setting).
      args: [REPO, '--no-sandbox'],
      env: { ...process.env, PASSERELLES_DATA_DIR: dataDir },
    })
    // Its own profile and single-instance lock: it never collides with an installed copy.
    expect(await app.evaluate(({ app: a }) => a.getPath('userData'))).toBe(join(dataDir, 'chromium-profile'))
    const win = await app.firstWindow()
    await expect(win.locator('.app[data-ready="true"]')).toBeVisible()
    expect(win.url()).toMatch(/^app:\/\/reader\//)
    const page = await win.evaluate(() => ({
      api: typeof window.passerelles,
      require: typeof (window as unknown as Record<string, unknown>).require,
      process: typeof (window as unknown as Record<string, unknown>).process,
    }))
    expect(page).toEqual({ api: 'object', require: 'undefined', process: 'undefined' })
    const prefs = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => {
        // Undocumented but present at runtime: the preferences the renderer was really created with.
        const wc = w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null }
        const p = wc.getLastWebPreferences()
        return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration }
      }),
    )
    for (const p of prefs) expect(p).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    await win.evaluate(() => {
      window.location.href = 'https://example.org/'
    })
    await win.waitForTimeout(500)
    expect(win.url()).toMatch(/^app:\/\/reader\//)
    await app.close()
  })
})
