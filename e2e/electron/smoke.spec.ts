/**
 * Smoke test of the real Electron app (window opens, the API object is there, no Node in the page,
 * navigation denied). It needs an Electron binary: npm's `electron` package downloads one at install
 * time, which is impossible on machines without internet access (install with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1). There it reports itself skipped with that reason.
 */
import { test, expect, _electron as electron } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const REPO = resolve(__dirname, '..', '..')

function electronBinary(): string | null {
  const dir = join(REPO, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? bin : null
}

const binary = electronBinary()

test.describe('Electron app', () => {
  test.skip(binary === null, 'No Electron binary: node_modules/electron was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (no network access to download it).')

  test('opens a secure window with the API and without Node', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [REPO, '--no-sandbox'],
      env: { ...process.env, PASSERELLES_DATA_DIR: mkdtempSync(join(tmpdir(), 'passerelles-electron-')) },
    })
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
