/**
 * « Recueillir les avis »: the presenter console stays responsive under the room's load (issue 18:
 * « no frame over 50 ms »). The built renderer's presenter window, in Chromium, bound to the real
 * services (as the e2e harness binds them), presents a chapter with the room panel open and a
 * session running; ROOM_PHONES simulated phones (default 200, `room-load.ts`) answer and vote for
 * BENCH_ROOM_CONSOLE_SECONDS (default 60; `BENCH_ROOM_CONSOLE_SECONDS=15 npm run bench room-console`
 * for a short run). The console refetches the state on each `room.changed` and renders the answers.
 *
 * Measured in the page: every frame's length (requestAnimationFrame deltas) and the main thread's
 * long tasks (PerformanceObserver 'longtask', > 50 ms) — longest, p95/p99, count over 50 ms — first
 * with the session idle, then under load. These are wall times: on a shared, loaded machine (the
 * 200 phones run in this very process) a task waits for a core and a frame is late with no app work
 * at all. So a Chrome trace of the load also gives each main-thread task's CPU time (thread time):
 * what the console itself costs. The API's replies reach the page as JSON strings (bind-api.ts's
 * `replies: 'json'`, closer to Electron's IPC than Playwright's reply-as-a-script, whose compilation
 * alone took 40–56 ms per status of ~800 answers). Also: the answers the console lists at the end
 * (every acknowledged one) and how many state fetches it made. ROOM_CONSOLE_TRACE=<file.json> keeps
 * the trace.
 */
import { realpathSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { mkdtemp, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import type { Page } from '@playwright/test'
import { createServices } from '../../electron/services/services'
import type { Services } from '../../electron/services/services'
import { createHandlers } from '../../electron/services/handlers'
import { fixedClock } from '../../electron/services/platform/clock'
import { memoryLogger } from '../../electron/services/platform/log'
import { recordingOpener } from '../../electron/services/platform/external-opener'
import type { PresentationWindows } from '../../electron/services/presentation/windows'
import { startStaticServer } from '../harness/static-server'
import { bindApi } from '../harness/bind-api'
import type { Binding } from '../harness/bind-api'
import { CHROMIUM_ARGS, findChromium } from '../harness/chromium'
import { percentile, simulatePhones, wait } from './room-load'
import type { BenchResult } from './types'

const REPO = resolve(__dirname, '..', '..')
const DOC = 'cahier-07-renforcer-les-passerelles'
const IDLE_SECONDS = 5

interface Frames {
  readonly frames: number[]
  readonly longTasks: number[]
}

/** Starts recording frame lengths and long tasks in the page (from now on, until `stopFrames`). */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: { frames: number[]; longTasks: number[]; stop: () => void } }
    const frames: number[] = []
    const longTasks: number[] = []
    let last = -1
    let live = true
    const tick = (t: number): void => {
      if (!live) return
      if (last >= 0) frames.push(t - last)
      last = t
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration)
    })
    observer.observe({ type: 'longtask' })
    const stop = (): void => {
      live = false
      observer.disconnect()
    }
    const rec = { frames, longTasks, stop }
    w.__frames = rec
  })
}

async function stopFrames(page: Page): Promise<Frames> {
  return page.evaluate(() => {
    const rec = (window as unknown as { __frames: { frames: number[]; longTasks: number[]; stop: () => void } }).__frames
    rec.stop()
    return { frames: rec.frames, longTasks: rec.longTasks }
  })
}

function frameStats(f: Frames): Record<string, number> {
  const s = [...f.frames].sort((a, b) => a - b)
  const round = (n: number): number => Math.round(n * 10) / 10
  return {
    frames: s.length,
    longest: round(s.at(-1) ?? NaN),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    over50: s.filter((x) => x > 50).length,
    longTasks: f.longTasks.length,
    longestTask: round(Math.max(0, ...f.longTasks)),
  }
}

interface TraceEvent {
  readonly ph?: string
  readonly name?: string
  readonly pid?: number
  readonly tid?: number
  /** Wall time and thread (CPU) time of a complete event, in µs. */
  readonly dur?: number
  readonly tdur?: number
  readonly args?: { readonly name?: string }
}

/**
 * The renderer main thread's tasks in a Chrome trace: their CPU time (thread time) and wall time, in
 * ms. A task whose wall time is long but CPU time short was waiting for a core (the machine was
 * busy), not doing the console's work: the CPU time is what the page itself costs.
 */
function mainThreadTasks(trace: unknown): { cpu: number[]; wall: number[] } {
  const events: readonly TraceEvent[] = Array.isArray(trace) ? trace : typeof trace === 'object' && trace !== null && 'traceEvents' in trace && Array.isArray(trace.traceEvents) ? trace.traceEvents : []
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  const byThread = new Map<string, TraceEvent[]>()
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`
    if (e.ph !== 'X' || e.name !== 'RunTask' || !mains.has(k)) continue
    const list = byThread.get(k)
    if (list) list.push(e)
    else byThread.set(k, [e])
  }
  // The presenter's renderer: the busiest main thread traced.
  const tasks = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? []
  return { cpu: tasks.map((e) => (e.tdur ?? 0) / 1000), wall: tasks.map((e) => (e.dur ?? 0) / 1000) }
}

export async function run(): Promise<BenchResult[]> {
  const phones = Number(process.env.ROOM_PHONES ?? 200)
  const seconds = Number(process.env.BENCH_ROOM_CONSOLE_SECONDS ?? 60)
  const dataDir = await mkdtemp(join(tmpdir(), 'passerelles-room-console-'))
  const log = memoryLogger()
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  const server = await startStaticServer({ bundle: realpathSync(join(REPO, 'out', 'renderer')), content: realpathSync(join(REPO, 'content')) }, log)
  let presenter: Page | null = null
  let binding: Binding | null = null
  let services: Services | null = null
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' })
  // The presentation service opens its windows through this port: the presenter's page only (the
  // audience's is not what is measured).
  const windows: PresentationWindows = {
    async open() {
      if (presenter) return
      const page = await context.newPage()
      await page.addInitScript('window.__name = (fn) => fn') // tsx's keepNames helper, for page.evaluate
      binding = await bindApi(page, () => handlers, () => services!.bus, 'presenter', 'json')
      await page.goto(`${server.origin}/#/present/presenter`)
      await page.locator('.presenter').waitFor()
      presenter = page
    },
    async close() {
      await presenter?.close()
    },
    async toggleFullscreen() {},
  }
  services = await createServices({
    contentDir: join(REPO, 'content'), dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log, openUrl: recordingOpener(), appVersion: '0.0.0-bench',
    presentationWindows: windows, roomHost: '127.0.0.1',
    // Every simulated phone comes from 127.0.0.1: the per-address join limit would hold them back.
    roomLimits: { joinPerAddress: { capacity: phones + 10, everyMs: 1 } },
  })
  const handlers = createHandlers(services)
  try {
    const sectionId = services.library.get(DOC).sections.find((s) => s.level === 2)!.id
    const shown = await handlers['presentation:start']({ source: { kind: 'section', docId: DOC, sectionId } })
    if (!shown.ok) throw new Error(shown.error.message)
    const page = presenter as Page | null
    if (!page) throw new Error('the presenter window did not open')
    await page.getByRole('button', { name: 'Recueillir les avis' }).click()
    await page.locator('.room-panel').getByRole('button', { name: 'Ouvrir la session' }).click()
    await page.locator('.room-panel[data-room="running"]').waitFor()
    const status = services.room.status()
    const url = new URL(status.urls[0]!)
    const target = { port: Number(url.port), token: url.pathname.slice(1), code: status.view!.code, questionId: status.view!.current! }

    await startFrames(page)
    await wait(IDLE_SECONDS * 1000)
    const idle = frameStats(await stopFrames(page))

    const callsBefore = binding!.calls
    await startFrames(page)
    // ROOM_CONSOLE_TRACE=<file.json> keeps the trace (open it in Chrome's Performance panel).
    const keep = process.env.ROOM_CONSOLE_TRACE
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', ...(keep ? ['v8', 'disabled-by-default-v8.compile'] : [])], ...(keep ? { path: keep } : {}) })
    const load = await simulatePhones(target, phones, seconds)
    const trace: unknown = JSON.parse((await browser.stopTracing()).toString('utf8'))
    const tasks = mainThreadTasks(trace)
    const loaded = frameStats(await stopFrames(page))
    const fetches = binding!.calls - callsBefore
    // The console lists every acknowledged answer (the list is the current question's roots).
    await page.locator('.room-count').first().filter({ hasText: `${load.acked.length} réponse` }).waitFor({ timeout: 10_000 })
    const listed = await page.locator('.room-answer').count()

    const cpu = [...tasks.cpu].sort((a, b) => a - b)
    const round = (n: number): number => Math.round(n * 10) / 10
    const taskDetail = { tasks: cpu.length, p99: round(percentile(cpu, 99)), cpuOver50: cpu.filter((x) => x > 50).length, wallOver50: tasks.wall.filter((x) => x > 50).length, longestWall: round(Math.max(0, ...tasks.wall)) }
    const detail = { phones, seconds, acked: load.acked.length, listed, fetches, statuses: load.statuses, errors: load.errors, load1: Math.round(loadavg()[0]! * 100) / 100 }
    return [
      { name: `console under load: longest frame (${phones} phones, ${seconds} s)`, value: loaded.longest!, unit: 'ms', target: 50, detail: { ...loaded, ...detail } },
      { name: 'console under load: frames over 50 ms', value: loaded.over50!, unit: 'count', target: 0, detail: loaded },
      { name: 'console under load: frame p95', value: loaded.p95!, unit: 'ms', detail: { p99: loaded.p99! } },
      { name: 'console under load: frame p99', value: loaded.p99!, unit: 'ms' },
      { name: 'console under load: long tasks (> 50 ms, wall time)', value: loaded.longTasks!, unit: 'count', target: 0, detail: { longest: loaded.longestTask! } },
      { name: 'console under load: longest main-thread task, CPU time', value: round(cpu.at(-1) ?? 0), unit: 'ms', target: 50, detail: taskDetail },
      { name: `console idle (${IDLE_SECONDS} s, no phone): longest frame`, value: idle.longest!, unit: 'ms', detail: idle },
      { name: 'console idle: frames over 50 ms', value: idle.over50!, unit: 'count', detail: idle },
      { name: 'answers listed by the console at the end', value: listed, unit: 'count', lowerIsBetter: false, detail: { acked: load.acked.length } },
    ]
  } finally {
    await context.close()
    await browser.close()
    await services.close()
    await server.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
