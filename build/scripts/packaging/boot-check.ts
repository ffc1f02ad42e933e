/**
 * The boot test of the real artifact: the packed app.asar, extracted into a folder with nothing
 * above it, booted under plain Node with only Electron faked (boot/fake-electron.ts), one process per
 * scenario (boot/boot-driver.ts). It proves what no renderer test can: that main loads from the
 * archive's own node_modules, registers the scheme before `ready` and serves the bundle after it,
 * opens a secure window, registers every contract channel, answers IPC from the prebuilt index, sets
 * the menu and quits cleanly; that a broken start ends in a dialog and an exit; and the per-platform
 * decisions of startup-plan.ts as the packed main applies them.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'
import { extractAll } from '@electron/asar'
import { CHANNELS } from '../../../electron/shared/api/channels'
import type { CheckResult } from './checks'
import { nothingAbove, walkRequireGraph } from './require-graph'

const HERE = join(__dirname, 'boot')
/** How long one scenario may take before it counts as a hung process (a loaded 2-core machine). */
const SCENARIO_TIMEOUT_MS = 120_000

interface Call {
  readonly api: string
  readonly args: readonly unknown[]
  readonly afterReady: boolean
}
export interface BootReport {
  readonly scenario: string
  readonly exitCode: number | null
  readonly errors: readonly string[]
  readonly calls: readonly Call[]
  readonly channels: readonly string[]
  readonly [observed: string]: unknown
}

/** Extracts the archive and installs the fake electron and the driver beside out/. */
export async function prepareBootFolder(archive: string, work: string): Promise<string> {
  const root = join(work, 'boot-app')
  extractAll(archive, root)
  if (!nothingAbove(root)) throw new Error(`${root} has a node_modules above it: the boot test would not see the archive alone`)
  await mkdir(join(root, 'node_modules', 'electron'), { recursive: true })
  await writeFile(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: '0.0.0-fake', main: 'index.js' }))
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' } as const
  await build({ ...common, entryPoints: [join(HERE, 'fake-electron.ts')], outfile: join(root, 'node_modules', 'electron', 'index.js') })
  await build({ ...common, entryPoints: [join(HERE, 'boot-driver.ts')], outfile: join(root, 'boot-driver.js'), external: ['electron'] })
  return root
}

export interface Scenario {
  readonly name: string
  readonly isPackaged: boolean
  readonly platform?: NodeJS.Platform
  readonly env?: Readonly<Record<string, string>>
}

/** Runs one scenario in its own process, with its own user data folder; never waits forever. */
export async function runScenario(root: string, s: Scenario, docId: string): Promise<BootReport & { userData: string; hung: boolean; stderr: string }> {
  const tmp = await mkdtemp(join(root, '..', `run-${s.name}-`))
  const userData = join(tmp, 'userData')
  const report = join(tmp, 'report.json')
  const env: Record<string, string> = {}
  // The launch's environment only: none of this shell's Passerelles or Electron settings leak in.
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(PASSERELLES_|ELECTRON_|XDG_SESSION_TYPE|WAYLAND_DISPLAY|NODE_OPTIONS)/.test(k)) env[k] = v
  Object.assign(env, s.env ?? {}, {
    BOOT_SCENARIO: s.name,
    BOOT_REPORT: report,
    BOOT_DOC_ID: docId,
    ...(s.platform ? { BOOT_PLATFORM: s.platform } : {}),
    FAKE_ELECTRON_CONFIG: JSON.stringify({
      isPackaged: s.isPackaged,
      appPath: root,
      version: '0.1.0',
      paths: { userData, documents: join(tmp, 'Documents'), temp: join(tmp, 'temp'), home: tmp },
    }),
  })
  const child = spawn(process.execPath, [join(root, 'boot-driver.js')], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => void (stderr = (stderr + d.toString('utf8')).slice(-4000)))
  let hung = false
  const timer = setTimeout(() => {
    hung = true
    child.kill('SIGKILL')
  }, SCENARIO_TIMEOUT_MS)
  await new Promise<void>((resolve) => child.on('close', () => resolve()))
  clearTimeout(timer)
  const parsed: BootReport = existsSync(report)
    ? (JSON.parse(await readFile(report, 'utf8')) as BootReport)
    : { scenario: s.name, exitCode: null, errors: ['no report written'], calls: [], channels: [] }
  return { ...parsed, userData, hung, stderr }
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'boot', isPackaged: true, platform: 'linux', env: { DISPLAY: ':0' } },
  { name: 'broken-content', isPackaged: true, platform: 'linux', env: { PASSERELLES_CONTENT_DIR: '/nonexistent/passerelles-content' } },
  { name: 'second-instance-early', isPackaged: true, platform: 'linux' },
  { name: 'win32', isPackaged: true, platform: 'win32' },
  { name: 'wayland', isPackaged: true, platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' } },
  { name: 'unpackaged', isPackaged: false, platform: 'linux' },
  { name: 'no-paint', isPackaged: true, platform: 'linux' },
]

type Run = Awaited<ReturnType<typeof runScenario>>

const calls = (r: Run, api: string): readonly Call[] => r.calls.filter((c) => c.api === api)
const firstIndex = (r: Run, api: string): number => r.calls.findIndex((c) => c.api === api)

/** What each scenario must show; an empty list = pass. Pure, so it is unit-tested on made-up reports. */
export function judge(r: Run, expectedChannels: readonly string[], docId: string): string[] {
  const p: string[] = []
  const want = (ok: unknown, message: string): void => void (ok || p.push(message))
  if (r.hung) return [`${r.scenario}: still running after ${SCENARIO_TIMEOUT_MS / 1000} s (a start-up that never ends visibly)`, ...r.errors.slice(0, 3)]
  const expectedExit = r.scenario === 'broken-content' ? 1 : null
  want(r.errors.length === 0, `${r.scenario}: ${r.errors.map((e) => e.split('\n').slice(0, 3).join(' ').slice(0, 400)).join(' | ')}${r.stderr ? ` — stderr: ${r.stderr.slice(-600)}` : ''}`)
  want(r.exitCode === expectedExit, `${r.scenario}: exit code ${String(r.exitCode)}, expected ${String(expectedExit)}`)
  if (r.errors.length > 0) return p // what follows would only repeat the failure
  const schemes = calls(r, 'protocol.registerSchemesAsPrivileged')
  want(schemes.length === 1 && !schemes[0]!.afterReady, `${r.scenario}: the app:// scheme must be registered once, before ready`)
  want(JSON.stringify(schemes[0]?.args ?? '').includes('"codeCache":true'), `${r.scenario}: the app:// scheme has no V8 code cache`)

  switch (r.scenario) {
    case 'boot': {
      want(calls(r, 'protocol.handle').some((c) => c.afterReady && c.args[0] === 'app'), 'boot: app:// is not handled after ready')
      const ok = (key: string, type: RegExp): void => {
        const g = r[key] as { status?: number; type?: string } | null | undefined
        want(g?.status === 200 && type.test(g.type ?? ''), `boot: ${key} answered ${g?.status ?? 'nothing'} ${g?.type ?? ''}`)
      }
      ok('index', /^text\/html/)
      ok('script', /javascript/)
      ok('notices', /^application\/json/)
      want((r.traversal as { status?: number } | undefined)?.status !== 200, 'boot: a traversal out of the bundle was served')
      const win = (r.window as { options?: { webPreferences?: Record<string, unknown> }; urls?: string[] } | undefined) ?? {}
      const wp = win.options?.webPreferences ?? {}
      want(wp.contextIsolation === true && wp.sandbox === true && wp.nodeIntegration === false && wp.webSecurity === true, `boot: insecure webPreferences ${JSON.stringify(wp)}`)
      want(String(wp.preload ?? '').endsWith('out/preload/index.js') && existsSync(String(wp.preload)), `boot: the preload ${String(wp.preload)} is not in the archive`)
      want(win.urls?.[0] === 'app://reader/', `boot: the window loaded ${String(win.urls?.[0])}`)
      const missing = expectedChannels.filter((c) => !r.channels.includes(c))
      const extra = r.channels.filter((c) => !expectedChannels.includes(c))
      want(missing.length === 0 && extra.length === 0, `boot: IPC channels missing ${missing.join(', ') || '-'}, unknown ${extra.join(', ') || '-'}`)
      want(calls(r, 'Menu.setApplicationMenu').length >= 1, 'boot: no application menu')
      const status = r.searchStatus as { state?: string; origin?: string; documents?: number } | undefined
      want(status?.state === 'ready' && status.origin === 'prebuilt' && (status.documents ?? 0) > 0, `boot: search not ready from the prebuilt index: ${JSON.stringify(status)}`)
      const search = r.search as { ok?: boolean; value?: { total?: { sections?: number } } } | undefined
      want(search?.ok === true && (search.value?.total?.sections ?? 0) > 0, `boot: a search over IPC found nothing: ${String(JSON.stringify(search)).slice(0, 300)}`)
      want(typeof r.libraryCount === 'number' && r.libraryCount > 0, 'boot: library:list returned no document')
      const pdf = r.pdfImport as { ok?: boolean; value?: { items?: { ok?: boolean; format?: string; message?: string }[] } } | undefined
      want(pdf?.ok === true && pdf.value?.items?.[0]?.ok === true && pdf.value.items[0].format === 'pdf', `boot: a PDF could not be imported from the packed app: ${String(JSON.stringify(pdf)).slice(0, 300)}`)
      want((r.foreignSender as { ok?: boolean; error?: { code?: string } } | undefined)?.error?.code === 'forbidden-sender', 'boot: a call from another origin was not refused')
      want((r.badPayload as { ok?: boolean; error?: { code?: string } } | undefined)?.ok === false, 'boot: a malformed payload was not refused as a value')
      const perm = r.permissions as { clipboardOwn?: boolean; clipboardForeign?: boolean; media?: boolean } | null | undefined
      want(perm?.clipboardOwn === true && perm.clipboardForeign === false && perm.media === false, `boot: permission policy ${JSON.stringify(perm)} (clipboard write for app://reader only)`)
      want(r.shownOnPaint === true, 'boot: the window was not shown on its first paint')
      want(r.reloadsAfterCrash === 1, `boot: a crashed renderer was reloaded ${String(r.reloadsAfterCrash)} times`)
      want(r.quit === true && calls(r, 'app.quit:done').length === 1, 'boot: quitting did not complete after closing the services')
      want(firstIndex(r, 'app.requestSingleInstanceLock') >= 0 && calls(r, 'app.setPath').length === 0, 'boot: an installed Linux app keeps Electron’s profile folder')
      want(existsSync(join(r.userData, 'logs', 'passerelles.log')), 'boot: a packaged app writes no log file')
      want(calls(r, 'app.commandLine.appendSwitch').length === 0, 'boot: X11 needs no switch')
      break
    }
    case 'broken-content': {
      const box = calls(r, 'dialog.showErrorBox')[0]
      const logFile = join(r.userData, 'logs', 'passerelles.log')
      want(box !== undefined, 'broken-content: no error dialog')
      want(String(box?.args[1] ?? '').includes(logFile), 'broken-content: the dialog does not name the log file')
      want(existsSync(logFile) && readFileSync(logFile, 'utf8').includes('start-up failed'), 'broken-content: the log file does not hold the error')
      want(calls(r, 'new BrowserWindow').length === 0, 'broken-content: a window was opened on a failed start')
      break
    }
    case 'second-instance-early': {
      const urls = (r.window as { urls?: string[] } | undefined)?.urls ?? []
      want(urls[0] === `app://reader/#/doc/${docId}`, `second-instance-early: the link that came during start-up opened ${urls[0] ?? 'nothing'}`)
      want(r.shownAfterFailedLoad === true, 'second-instance-early: a window whose load failed stayed hidden')
      break
    }
    case 'win32':
      want(calls(r, 'app.setAsDefaultProtocolClient').some((c) => c.args[0] === 'passerelles'), 'win32: passerelles:// is not registered (NSIS does not do it)')
      want(calls(r, 'app.setAppUserModelId').some((c) => c.args[0] === 'org.passerelles.app'), 'win32: no AppUserModelID')
      break
    case 'wayland': {
      const sw = calls(r, 'app.commandLine.appendSwitch')
      want(sw.some((c) => !c.afterReady && c.args[0] === 'ozone-platform' && c.args[1] === 'x11'), 'wayland: ozone-platform=x11 not asked for before ready (the audience window could not be placed)')
      break
    }
    case 'unpackaged': {
      const set = calls(r, 'app.setPath')[0]
      want(set?.args[0] === 'userData' && set.args[1] === `${r.userData}-dev`, `unpackaged: the profile folder is ${JSON.stringify(set?.args)} (must be <userData>-dev)`)
      want(firstIndex(r, 'app.setPath') < firstIndex(r, 'app.requestSingleInstanceLock'), 'unpackaged: the profile moved after the single-instance lock was taken')
      want(existsSync(`${r.userData}-dev`) && !existsSync(r.userData), 'unpackaged: the notes were not kept apart from the installed copy’s')
      want(calls(r, 'app.setAsDefaultProtocolClient').length === 0, 'unpackaged: a development run must not take over the URL scheme')
      break
    }
    case 'no-paint':
      want(typeof r.shownAfterMs === 'number', 'no-paint: a window that never painted stayed hidden')
      break
  }
  return p
}

/** Runs every scenario (two at a time: two cores) and judges them. */
export async function bootCheck(archive: string, work: string, docId: string): Promise<CheckResult[]> {
  const root = await prepareBootFolder(archive, work)
  const graph = await walkRequireGraph(root, join(root, 'out', 'main', 'index.js'), ['electron'])
  const results: CheckResult[] = [
    {
      name: 'require graph of the packed main',
      summary: `${graph.files} files reached from out/main/index.js inside the archive alone, every require resolved`,
      problems: graph.missing,
    },
  ]
  const runs: Run[] = []
  const queue = [...SCENARIOS]
  const started = Date.now()
  await Promise.all(
    [0, 1].map(async () => {
      for (let s = queue.shift(); s; s = queue.shift()) runs.push(await runScenario(root, s, docId))
    }),
  )
  const problems = runs.flatMap((r) => judge(r, CHANNELS, docId))
  results.push({
    name: 'boot of the packed main (fake electron)',
    summary: `${runs.length} scenarios in ${((Date.now() - started) / 1000).toFixed(1)} s: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    problems,
  })
  return results
}
