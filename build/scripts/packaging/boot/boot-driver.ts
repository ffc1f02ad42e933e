/**
 * Boots the packed main process under the fake `electron` (fake-electron.ts) and plays one
 * scenario, then writes what it observed as JSON to BOOT_REPORT. It runs from an extracted app.asar
 * with nothing above it: `require` sees only what the archive ships (plus the fake). The checks on
 * the report are made by boot-check.ts, which also chooses the scenario (BOOT_SCENARIO) and the
 * launch's environment. Waits are for states (a recorded call, a window), never fixed delays; each
 * has a deadline after which the report says what was still missing.
 */
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

interface FakeWindow {
  readonly webContents: { readonly id: number; readonly mainFrame: { url: string }; emit(event: string, ...args: unknown[]): boolean }
  readonly urls: readonly string[]
  readonly visible: boolean
  readonly options: Record<string, unknown>
  emit(event: string, ...args: unknown[]): boolean
}
interface Fake {
  readonly calls: readonly { api: string; args: unknown; afterReady: boolean }[]
  readonly hooks: { onExit: (code: number) => void; onQuit: () => void }
  readonly ipcHandlers: ReadonlyMap<string, (event: unknown, payload: unknown) => Promise<unknown>>
  readonly protocolHandlers: ReadonlyMap<string, (request: { method: string; url: string }) => Promise<Response>>
  readonly permission: { request: ((...a: unknown[]) => void) | null; check: ((...a: unknown[]) => boolean) | null }
  windows(): readonly FakeWindow[]
  emitReady(): void
}
type Electron = { _fake: Fake; app: { emit(event: string, ...args: unknown[]): boolean; quit(): void } }

const scenario = process.env.BOOT_SCENARIO ?? 'boot'
const reportPath = process.env.BOOT_REPORT ?? 'boot-report.json'
if (process.env.BOOT_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.BOOT_PLATFORM })

const observed: Record<string, unknown> = { scenario }
const errors: string[] = []
process.on('uncaughtException', (e) => errors.push(`uncaught: ${e.stack ?? e.message}`))
process.on('unhandledRejection', (e) => errors.push(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`))

function writeReport(exitCode: number | null): void {
  const electron = loaded
  writeFileSync(reportPath, JSON.stringify({ ...observed, exitCode, errors, calls: electron?._fake.calls ?? [], channels: [...(electron?._fake.ipcHandlers.keys() ?? [])] }, null, 1))
}

let loaded: Electron | null = null
/** Polls `probe` (sync or async) every 10 ms until it gives a value; throws after `ms`, naming what was awaited. */
async function until<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await probe()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

async function get(fake: Fake, url: string): Promise<{ status: number; type: string | null; bytes: number; body: string }> {
  const handler = fake.protocolHandlers.get('app')
  if (!handler) throw new Error('no app:// handler')
  const r = await handler({ method: 'GET', url })
  const body = Buffer.from(await r.arrayBuffer())
  return { status: r.status, type: r.headers.get('content-type'), bytes: body.length, body: body.toString('utf8') }
}

async function invoke(fake: Fake, win: FakeWindow, channel: string, payload: unknown, frameUrl = win.webContents.mainFrame.url): Promise<unknown> {
  const handler = fake.ipcHandlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  const frame = frameUrl === win.webContents.mainFrame.url ? win.webContents.mainFrame : { url: frameUrl }
  return handler({ sender: win.webContents, senderFrame: frame }, payload)
}

/** A one-page PDF with a text layer (« Bonjour l’ESS »), written by hand: xref-less, which pdf.js repairs. */
const TINY_PDF = [
  '%PDF-1.4',
  '1 0 obj<</Type/Catalog/Pages 2 0 R/Lang(fr)>>endobj',
  '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj',
  '4 0 obj<</Length 58>>stream',
  'BT /F1 18 Tf 20 100 Td (Bonjour ESS, un texte a importer) Tj ET',
  'endstream endobj',
  '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj',
  'trailer<</Root 1 0 R>>',
  '%%EOF',
].join('\n')

const menuSet = (fake: Fake): boolean => fake.calls.some((c) => c.api === 'Menu.setApplicationMenu')

async function play(electron: Electron): Promise<void> {
  const fake = electron._fake
  if (scenario === 'second-instance-early') {
    // A link clicked while the services are still starting (Windows/Linux forward it as argv).
    fake.emitReady()
    electron.app.emit('second-instance', {}, ['passerelles', `passerelles://doc/${process.env.BOOT_DOC_ID}`], process.cwd())
  } else {
    await new Promise((r) => setImmediate(r))
    fake.emitReady()
  }
  if (scenario === 'broken-content') return // the exit hook reports
  await until('the menu (services built, window opened)', () => menuSet(fake))
  const win = await until('the main window', () => fake.windows()[0])
  observed.window = { options: win.options, urls: win.urls }

  if (scenario === 'no-paint') {
    // The first paint never comes: the window must still be shown.
    const started = Date.now()
    await until('the window shown without a paint', () => win.visible, 15_000)
    observed.shownAfterMs = Date.now() - started
    return
  }
  if (scenario === 'second-instance-early') {
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', win.urls[0], true)
    observed.shownAfterFailedLoad = win.visible
    return
  }
  if (scenario !== 'boot') return

  const index = await get(fake, 'app://reader/')
  observed.index = { ...index, body: undefined }
  const script = /(assets\/[^"']+\.js)/.exec(index.body)
  observed.script = script ? { ...(await get(fake, `app://reader/${script[1]}`)), body: undefined } : null
  observed.notices = { ...(await get(fake, 'app://reader/notices.json')), body: undefined }
  observed.traversal = { ...(await get(fake, 'app://reader/..%2f..%2fpackage.json')), body: undefined }

  // The prebuilt index is read from the archive when the services start: wait for its status.
  observed.searchStatus = await until('the search index', async () => {
    const s = (await invoke(fake, win, 'search:status', {})) as { ok: boolean; value?: { state: string } }
    return s.ok && s.value && s.value.state !== 'building' && s.value.state !== 'idle' ? s.value : null
  })
  observed.search = await invoke(fake, win, 'search:query', { q: 'coopérative' })
  observed.libraryCount = ((await invoke(fake, win, 'library:list', {})) as { value?: unknown[] }).value?.length ?? null
  // One PDF imported from the archive's own node_modules (pdf.js with the pure-JS DOMMatrix, no native canvas).
  observed.pdfImport = await invoke(fake, win, 'documents:importFiles', { files: [{ name: 'bonjour.pdf', base64: Buffer.from(TINY_PDF, 'latin1').toString('base64') }] })
  observed.foreignSender = await invoke(fake, win, 'library:list', {}, 'https://evil.example/')
  observed.badPayload = await invoke(fake, win, 'library:get', { id: 42 })

  const check = fake.permission.check
  observed.permissions = check
    ? {
        clipboardOwn: check(win.webContents, 'clipboard-sanitized-write', 'app://reader', { requestingUrl: 'app://reader/' }),
        clipboardForeign: check(win.webContents, 'clipboard-sanitized-write', 'https://evil.example', { requestingUrl: 'https://evil.example/' }),
        media: check(win.webContents, 'media', 'app://reader', { requestingUrl: 'app://reader/' }),
      }
    : null

  win.emit('ready-to-show')
  observed.shownOnPaint = win.visible
  win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
  observed.reloadsAfterCrash = fake.calls.filter((c) => c.api === 'webContents.reload').length

  // Quitting waits for the services to close, then quits for real.
  const quit = new Promise<void>((resolve) => (fake.hooks.onQuit = resolve))
  electron.app.quit()
  await Promise.race([quit, until('the quit', () => false, 20_000)])
  observed.quit = true
}

async function run(): Promise<void> {
  // Loaded at run time from the extracted archive's folder (never bundled into this driver).
  const load = createRequire(__filename)
  const electron = load('electron') as Electron
  loaded = electron
  electron._fake.hooks.onExit = (code) => {
    writeReport(code)
    process.exit(code)
  }
  load(join(__dirname, 'out', 'main', 'index.js'))
  await play(electron)
  if (scenario === 'broken-content') return
  writeReport(null)
  process.exit(0)
}

run().catch((e: unknown) => {
  errors.push(`driver: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  writeReport(null)
  process.exit(3)
})
