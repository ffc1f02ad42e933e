/**
 * The e2e fixture: a temp data dir, the real Node services on a content pack, the built renderer
 * served with the production CSP, and the page's API bound to the real handler table. `restart()`
 * rebuilds the services on the same data dir and reloads the page (an app restart, minus Electron).
 */
import { test as base, expect } from '@playwright/test'
import type { Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServices } from '../../electron/services/services'
import type { Services } from '../../electron/services/services'
import { createHandlers } from '../../electron/services/handlers'
import { inProcessClient } from '../../electron/shared/api/in-process'
import type { PasserellesApi } from '../../electron/shared/api/types'
import { fixedClock } from '../../electron/services/platform/clock'
import { memoryLogger } from '../../electron/services/platform/log'
import { recordingOpener } from '../../electron/services/platform/external-opener'
import { startStaticServer } from './static-server'
import type { StaticServer } from './static-server'
import { bindApi } from './bind-api'
import type { Binding } from './bind-api'
import type { WindowRole } from '../../electron/shared/security/window-roles'
import { grantAsElectron } from './permissions'
import { mkdir } from 'node:fs/promises'
import type { PresentationWindows } from '../../electron/services/presentation/windows'

export const REPO = resolve(__dirname, '..', '..')
export const SHIPPED_CONTENT = join(REPO, 'content')
export const FIXTURE_PACKS = join(REPO, 'e2e', 'fixtures')
export const ARTIFACTS = join(REPO, 'e2e', '.artifacts')

export interface AppHarness {
  readonly page: Page
  readonly services: Services
  /** The contract's API in process (shared/api/in-process.ts), typed like the page's: set up data with it. */
  readonly api: PasserellesApi
  readonly dataDir: string
  readonly origin: string
  readonly log: ReturnType<typeof memoryLogger>
  readonly opened: string[]
  /** Loads the app at a hash route (`#/`, `#/doc/<id>`…) and waits until settings are applied. */
  open(hash?: string): Promise<void>
  /** New services on the same data dir, then a reload: what survives is what was persisted. */
  restart(): Promise<void>
  screenshot(name: string): Promise<string>
  /** Another page (window) of the app at a hash route, bound to the SAME services, as a main window. */
  openPage(hash: string): Promise<Page>
  /**
   * API calls refused by a window's role (`audience annotations:list`…), in every page: each page is
   * bound with its role (the audience window with the audience's allow-list), as main does.
   */
  readonly refused: readonly string[]
  /**
   * The presentation windows, as main would open them: the service's window port opens two pages
   * (`#/present/presenter`, `#/present/audience`) bound to the same services, and closes them.
   */
  readonly presentation: {
    /** open / close / fullscreen:<role>, in order. */
    readonly calls: readonly string[]
    /** Waits until the service has opened both windows (and they have loaded), then returns them. */
    windows(): Promise<{ presenter: Page; audience: Page }>
  }
  /**
   * What « Ajouter des documents… » (the open dialog port) answers next: the paths a test set here
   * (null: the user cancels). Each answer is used once.
   */
  chooseFilesNext(paths: readonly string[] | null): void
  /**
   * Holds import batches between two files until the returned function is called (a batch then
   * waits after its first file: « Annuler » lands mid-batch on any machine).
   */
  holdImports(): () => void
  /** Paths the « save as » port answered with (exports land in the data dir). */
  readonly saved: readonly string[]
}

export interface HarnessOptions {
  /** The content pack to serve (default: the shipped content/). */
  contentDir: string
}

export const test = base.extend<HarnessOptions & { app: AppHarness }>({
  contentDir: [SHIPPED_CONTENT, { option: true }],
  app: async ({ page, contentDir }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'passerelles-e2e-'))
    const log = memoryLogger()
    const opener = recordingOpener()
    const server: StaticServer = await startStaticServer(
      { bundle: realpathSync(join(REPO, 'out', 'renderer')), content: realpathSync(contentDir) },
      log,
    )
    const bindings: Binding[] = []
    const openPage = async (hash: string, role: WindowRole = 'main'): Promise<Page> => {
      const p = await page.context().newPage()
      bindings.push(await bindApi(p, () => handlers, () => services.bus, role))
      await p.goto(`${server.origin}/${hash}`)
      await expect(p.locator('.app[data-ready="true"]')).toBeVisible()
      return p
    }
    const calls: string[] = []
    const windows: { presenter: Page | null; audience: Page | null } = { presenter: null, audience: null }
    const presentationWindows: PresentationWindows = {
      async open() {
        calls.push('open')
        for (const role of ['presenter', 'audience'] as const) {
          if (!windows[role] || windows[role].isClosed()) windows[role] = await openPage(`#/present/${role}`, role)
        }
      },
      async close() {
        calls.push('close')
        for (const role of ['presenter', 'audience'] as const) await windows[role]?.close()
      },
      async toggleFullscreen(role) {
        calls.push(`fullscreen:${role}`)
      },
    }
    const saved: string[] = []
    const chooseSavePath = async (name: string): Promise<string> => {
      const dir = join(dataDir, 'exports')
      await mkdir(dir, { recursive: true })
      saved.push(join(dir, name))
      return join(dir, name)
    }
    // « Un fichier par document »: the folder the dialog would return, inside the temp data dir.
    const chooseFolder = async (): Promise<string> => join(dataDir, 'exports-per-document')
    // « Ajouter des documents… »: the files the test said the user picks (then: cancelled).
    let chosenFiles: readonly string[] | null = null
    const chooseFiles = async (): Promise<readonly string[] | null> => {
      const answer = chosenFiles
      chosenFiles = null
      return answer
    }
    // Import batches' pace: free unless a test holds them (holdImports).
    let importGate: Promise<void> | null = null
    const betweenImportFiles = (): Promise<void> => importGate ?? Promise.resolve()
    const build = (): Promise<Services> =>
      createServices({
        contentDir, dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log, openUrl: opener, appVersion: '0.0.0-e2e',
        presentationWindows, chooseSavePath, chooseFolder, chooseFiles, betweenImportFiles,
        // The participation server listens on the loopback interface only in tests.
        roomHost: '127.0.0.1',
      })
    let services = await build()
    let handlers = createHandlers(services)
    const binding = await bindApi(page, () => handlers, () => services.bus)
    bindings.push(binding)
    // Every page of the context gets the permissions Electron's policy would give (and no other).
    await grantAsElectron(page.context(), server.origin)
    const harness: AppHarness = {
      page,
      get services() {
        return services
      },
      get api() {
        return inProcessClient(handlers, (listener) => services.bus.subscribe(listener))
      },
      dataDir,
      origin: server.origin,
      log,
      opened: opener.opened,
      async open(hash = '#/') {
        await page.goto(`${server.origin}/${hash}`)
        await expect(page.locator('.app[data-ready="true"]')).toBeVisible()
      },
      async restart() {
        await services.close() // like an app quitting: background work finished, files released
        services = await build()
        handlers = createHandlers(services)
        binding.resubscribe()
        await page.reload()
        await expect(page.locator('.app[data-ready="true"]')).toBeVisible()
      },
      async screenshot(name) {
        const path = join(ARTIFACTS, 'screenshots', `${name}.png`)
        await page.screenshot({ path, fullPage: false })
        return path
      },
      openPage: (hash) => openPage(hash),
      get refused() {
        return bindings.flatMap((b) => b.refused)
      },
      presentation: {
        calls,
        async windows() {
          await expect.poll(() => windows.presenter !== null && windows.audience !== null, { message: 'the presentation windows open' }).toBe(true)
          return { presenter: windows.presenter!, audience: windows.audience! }
        },
      },
      saved,
      chooseFilesNext: (paths) => void (chosenFiles = paths),
      holdImports() {
        let release = (): void => {}
        importGate = new Promise<void>((resolve) => (release = resolve))
        return () => {
          importGate = null
          release()
        }
      },
    }
    await use(harness)
    // The pages first: a page still open could save (reading position…) while the data dir goes away.
    for (const p of page.context().pages()) await p.close()
    await services.close()
    await server.close()
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
  },
})

export { expect }
