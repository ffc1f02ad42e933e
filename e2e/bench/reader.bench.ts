/**
 * Reader benchmark (`npm run bench reader`), in Chromium against the built renderer with the real
 * services, the way the e2e suite runs it:
 * - opening a 15,000-word document until its text is painted and its contents are ready, cold (fresh
 *   services and page: Markdown rendered, sanitised, measured) and cached (rendered document reused);
 * - the library with 500 documents: first paint, re-render, and the cost of one filter keystroke.
 * Targets from issue 4: < 100 ms for a cached document, < 16 ms (one frame) per filter keystroke.
 * Marks come from the app itself (lib/perf.ts: `reader:text-painted`, `reader:toc-ready`,
 * `library:painted`, each taken after the frame is painted).
 */
import { existsSync, realpathSync } from 'node:fs'
import { loadavg } from 'node:os'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { createServices } from '../../electron/services/services'
import type { Services } from '../../electron/services/services'
import { createHandlers } from '../../electron/services/handlers'
import type { HandlerTable } from '../../electron/shared/api/types'
import { fixedClock } from '../../electron/services/platform/clock'
import { memoryLogger } from '../../electron/services/platform/log'
import { recordingOpener } from '../../electron/services/platform/external-opener'
import { createContentLibrary } from '../../electron/services/content/content-library'
import { startStaticServer } from '../harness/static-server'
import { bindApi } from '../harness/bind-api'
import { CHROMIUM_ARGS, findChromium } from '../harness/chromium'
import { LONG_ID, generatedPack, packWithLongDocument } from './reader-packs'
import type { BenchResult } from './types'

const REPO = resolve(__dirname, '..', '..')
const BUNDLE = join(REPO, 'out', 'renderer')
const COLD_RUNS = 5
const CACHED_RUNS = 12

function stats(values: readonly number[]): { median: number; p95: number; min: number; max: number; n: number } {
  const s = [...values].sort((a, b) => a - b)
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return { median: at(0.5), p95: at(0.95), min: s[0]!, max: s.at(-1)!, n: s.length }
}

function result(name: string, values: readonly number[], extra: Partial<BenchResult> = {}, detail: Record<string, number | string> = {}): BenchResult {
  const st = stats(values)
  const round = (n: number): number => Math.round(n * 10) / 10
  return { name, value: round(st.median), unit: 'ms', ...extra, detail: { p95: round(st.p95), min: round(st.min), max: round(st.max), runs: st.n, ...detail } }
}

/** A page on a content pack: services on a temp data dir, the static server, the API bound. */
interface Session {
  readonly page: Page
  readonly origin: string
  /** Fresh services (empty render cache) behind the same page binding. */
  renew(): Promise<void>
  close(): Promise<void>
}

async function session(browser: Browser, contentDir: string): Promise<Session> {
  const dataDir = await mkdtemp(join(tmpdir(), 'passerelles-bench-data-'))
  const log = memoryLogger()
  const build = (): Promise<Services> =>
    createServices({ contentDir, dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log, openUrl: recordingOpener(), appVersion: '0.0.0-bench' })
  let services = await build()
  let handlers: HandlerTable = createHandlers(services)
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' })
  // tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(...)`; the
  // functions passed to page.evaluate are serialised with that call, so the page needs the helper.
  await page.addInitScript('window.__name = (fn) => fn')
  await bindApi(page, () => handlers, () => services.bus)
  const server = await startStaticServer({ bundle: realpathSync(BUNDLE), content: realpathSync(contentDir) }, log)
  return {
    page,
    origin: server.origin,
    async renew() {
      services = await build()
      handlers = createHandlers(services)
    },
    async close() {
      await page.close()
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Sets the hash route and resolves with the times (since then) of the given marks. */
function timeRoute(page: Page, hash: string, marks: readonly string[]): Promise<number[]> {
  return page.evaluate(
    async ({ h, names }) => {
      performance.clearMarks()
      const wait = (name: string): Promise<number> =>
        new Promise((done) => {
          const check = (): void => {
            const e = performance.getEntriesByName(name, 'mark').at(-1)
            if (e) done(e.startTime)
            else setTimeout(check, 2)
          }
          check()
        })
      const t0 = performance.now()
      location.hash = h
      return (await Promise.all(names.map(wait))).map((t) => t - t0)
    },
    { h: hash, names: [...marks] },
  )
}

/** A real page load (going through about:blank: a goto that only changes the hash would not reload). */
async function load(s: Session, hash: string, selector: string): Promise<void> {
  await s.page.goto('about:blank')
  await s.page.goto(`${s.origin}/${hash}`)
  await s.page.locator(selector).first().waitFor()
}

async function benchDocument(browser: Browser): Promise<BenchResult[]> {
  const { dir, words } = await packWithLongDocument(join(REPO, 'content'))
  const s = await session(browser, dir)
  const marks = ['reader:text-painted', 'reader:toc-ready', 'reader:data-ready', 'reader:html-set', 'reader:position-restored'] as const
  const cold: number[][] = []
  const warmService: number[][] = []
  const cached: number[][] = []
  try {
    for (let i = 0; i < COLD_RUNS; i++) {
      await s.renew()
      await load(s, '#/settings', 'h1')
      cold.push(await timeRoute(s.page, `#/doc/${LONG_ID}`, marks))
      // Same services (rendered document cached there), new page (nothing cached in the renderer).
      await load(s, '#/settings', 'h1')
      warmService.push(await timeRoute(s.page, `#/doc/${LONG_ID}`, marks))
    }
    for (let i = 0; i < CACHED_RUNS; i++) {
      await timeRoute(s.page, '#/settings', [])
      cached.push(await timeRoute(s.page, `#/doc/${LONG_ID}`, marks))
    }
    const chars = await s.page.locator('.doc-body').evaluate((el) => (el.textContent ?? '').length)
    const headings = await s.page.locator('.toc a').count()
    // The Node side alone: Markdown → sanitised HTML → text and section map, on a fresh library.
    const node: number[] = []
    for (let i = 0; i < COLD_RUNS; i++) {
      const lib = await createContentLibrary({ contentDir: dir, log: memoryLogger() })
      const t0 = performance.now()
      lib.get(LONG_ID)
      node.push(performance.now() - t0)
    }
    const col = (runs: number[][], k: number): number[] => runs.map((r) => r[k]!)
    const info = { words, characters: chars, tocEntries: headings }
    const median = (v: number[]): number => Math.round(stats(v).median * 10) / 10
    const stages = (runs: number[][]): Record<string, number> => ({
      'stage: data ready': median(col(runs, 2)),
      'stage: html set': median(col(runs, 3)),
      'stage: position restored': median(col(runs, 4)),
    })
    return [
      result('document (15,000 words): text painted, cold', col(cold, 0), {}, { ...info, ...stages(cold) }),
      result('document (15,000 words): TOC ready, cold', col(cold, 1), {}, info),
      result('document: text painted, cached', col(cached, 0), { target: 100 }, { ...info, ...stages(cached) }),
      result('document: TOC ready, cached', col(cached, 1), { target: 100 }, info),
      result('document: text painted, renderer reloaded, service cache warm', col(warmService, 0), {}, info),
      result('document: Node render (marked + DOMPurify + text map), cold', node, {}, info),
    ]
  } finally {
    await s.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** Types `text` into the focused field one key at a time; per key: keydown → layout done, and → next painted frame. */
async function timeKeystrokes(page: Page, keys: readonly string[]): Promise<{ work: number[]; frame: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: { work: number; frame: number }[]; __benchInstalled?: boolean }
    w.__keys = []
    if (w.__benchInstalled) return
    w.__benchInstalled = true
    let t0 = 0
    const start = (): void => {
      t0 = performance.now()
    }
    const settle = (): void => {
      const from = t0
      setTimeout(() => {
        void document.body.getBoundingClientRect() // style and layout of the new list
        const work = performance.now() - from
        requestAnimationFrame(() => {
          const ch = new MessageChannel()
          ch.port1.onmessage = () => w.__keys.push({ work, frame: performance.now() - from })
          ch.port2.postMessage(null)
        })
      }, 0)
    }
    // A key press dispatches keydown … input in one task; a click is timed from the click event
    // itself (the pointer down/up before it are separate harness commands, not app work).
    window.addEventListener('keydown', start, true)
    window.addEventListener('input', settle, true)
    window.addEventListener(
      'click',
      () => {
        start()
        settle()
      },
      true,
    )
  })
  for (let i = 0; i < keys.length; i++) {
    await page.keyboard.press(keys[i]!)
    await page.waitForFunction((n) => (window as unknown as { __keys: unknown[] }).__keys.length >= n, i + 1)
  }
  const all = await page.evaluate(() => (window as unknown as { __keys: { work: number; frame: number }[] }).__keys)
  return { work: all.map((k) => k.work), frame: all.map((k) => k.frame) }
}

async function benchLibrary(browser: Browser): Promise<BenchResult[]> {
  const dir = await generatedPack(500)
  const s = await session(browser, dir)
  try {
    const firstPaint: number[] = []
    const rerender: number[] = []
    for (let i = 0; i < COLD_RUNS; i++) {
      await s.page.goto('about:blank')
      await s.page.goto(`${s.origin}/#/`)
      firstPaint.push(
        await s.page.evaluate(
          () =>
            new Promise<number>((done) => {
              const check = (): void => {
                const e = performance.getEntriesByName('library:painted', 'mark').at(-1)
                if (e) done(e.startTime)
                else setTimeout(check, 2)
              }
              check()
            }),
        ),
      )
      await timeRoute(s.page, '#/settings', [])
      rerender.push((await timeRoute(s.page, '#/', ['library:painted']))[0]!)
    }
    const cards = await s.page.locator('a.card').count()
    const input = s.page.getByRole('searchbox', { name: 'Filtrer' })
    await input.focus()
    const typed = [...'cooperative energie'].map((c) => (c === ' ' ? 'Space' : c))
    const keys = [...typed, ...typed.map(() => 'Backspace')]
    const typing = await timeKeystrokes(s.page, keys)
    // Kind chips: click each, then « Tout ».
    const chips = s.page.getByRole('group', { name: 'Type de document' }).getByRole('button')
    const clicks: number[] = []
    for (let round = 0; round < 3; round++) {
      for (let i = (await chips.count()) - 1; i >= 0; i--) {
        await s.page.evaluate(() => ((window as unknown as { __keys: unknown[] }).__keys = []))
        await chips.nth(i).click()
        await s.page.waitForFunction(() => (window as unknown as { __keys: unknown[] }).__keys.length >= 1)
        clicks.push(await s.page.evaluate(() => (window as unknown as { __keys: { work: number }[] }).__keys[0]!.work))
      }
    }
    const info = { documents: 500, cardsShown: cards }
    return [
      result('library (500 documents): first paint after page load', firstPaint, {}, info),
      result('library (500 documents): render from another screen', rerender, {}, info),
      result('library (500 documents): filter keystroke → list laid out', typing.work, { target: 16 }, { ...info, keystrokes: keys.length }),
      result('library (500 documents): filter keystroke → next frame painted', typing.frame, {}, { ...info, keystrokes: keys.length, note: 'includes waiting for the next vsync' }),
      result('library (500 documents): kind filter click → list laid out', clicks, { target: 16 }, info),
    ]
  } finally {
    await s.close()
    await rm(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(join(BUNDLE, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` (or `npx electron-vite build`) first.')
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  const loadBefore = loadavg()[0]!
  try {
    const results = [...(await benchDocument(browser)), ...(await benchLibrary(browser))]
    // Wall-clock figures on a shared machine: the load says how much to trust them.
    const load = `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`
    return results.map((r) => ({ ...r, detail: { ...r.detail, 'load average (1 min)': load } }))
  } finally {
    await browser.close()
  }
}
