/**
 * Checklist items that are properties of the source code, checked on every file of electron/ and
 * renderer/src (tests excluded) — so windows, sinks and calls added later are covered too.
 */
import { describe, expect, it } from 'vitest'
import { audit } from './source-audit'
import { REPO } from '../packaging/builder-config'

const facts = audit(REPO, ['electron', 'renderer/src'])
const callsTo = (pattern: RegExp): string[] => facts.calls.filter((c) => pattern.test(c.text)).map((c) => `${c.file}:${c.line} ${c.text}`)

describe('source audit', () => {
  it('reads the whole app', () => {
    expect(facts.files).toBeGreaterThan(50)
    expect(facts.windows.length).toBeGreaterThan(0)
  })

  // Items 2, 3, 4, 6, 8, 9, 10, 11: every window is created with literal, secure preferences.
  it('creates every BrowserWindow isolated, sandboxed, without Node, with web security', () => {
    for (const w of facts.windows) {
      const where = `${w.file}:${w.line}`
      expect(w.preferences, `${where}: webPreferences must be an object literal (no spread) so it can be audited`).not.toBeNull()
      expect(w.preferences, where).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
      const p = w.preferences!
      for (const on of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures', 'webviewTag']) {
        expect(p[on] === undefined || p[on] === false, `${where}: ${on} must stay off`).toBe(true)
      }
      expect(p.webSecurity === undefined || p.webSecurity === true, `${where}: webSecurity must stay on`).toBe(true)
      expect(p.enableBlinkFeatures, `${where}: no enableBlinkFeatures`).toBeUndefined()
      expect(typeof p.preload === 'string' || p.preload === null || p.preload === undefined).toBe(true)
    }
  })

  // Item 18: nothing is loaded from file://. Item 11: no <webview>.
  it('never loads file: URLs and never uses <webview>', () => {
    expect(callsTo(/\.loadFile$/)).toEqual([])
    expect(facts.suspiciousStrings.map((s) => `${s.file}:${s.line} ${s.text}`)).toEqual([])
  })

  // Item 15: the OS opener is called in one place, behind the URL check.
  it('calls shell.openExternal only in the composition root, as the checked opener port', () => {
    expect(callsTo(/(^|\.)shell\.openExternal$/).map((c) => c.split(':')[0])).toEqual(['electron/main/index.ts'])
  })

  // Items 17 and 20: IPC is registered in one file (with the sender guard); the page gets one object.
  it('registers IPC handlers only in electron/main/ipc.ts and exposes one object from the preload', () => {
    expect(new Set(callsTo(/^ipcMain\.(handle|on|once|handleOnce)$/).map((c) => c.split(':')[0]))).toEqual(new Set(['electron/main/ipc.ts']))
    expect(callsTo(/exposeInMainWorld$/)).toEqual([expect.stringMatching(/^electron\/preload\/index\.ts:\d+ contextBridge\.exposeInMainWorld$/)])
    const ipcRendererUsers = facts.imports.filter((i) => i.module === 'electron' && i.names.includes('ipcRenderer')).map((i) => i.file)
    expect(ipcRendererUsers).toEqual(['electron/preload/index.ts'])
  })

  // XSS: the renderer's only HTML sink is the sanitiser. In Node, the services parse already
  // sanitised HTML into jsdom (which runs no script) to extract text and sections.
  it('writes HTML only through renderer/src/lib/sanitize.ts', () => {
    expect(facts.htmlSinks.filter((s) => s.file.startsWith('renderer/')).map((s) => s.file)).toEqual(['renderer/src/lib/sanitize.ts'])
    expect(facts.htmlSinks.filter((s) => !s.file.startsWith('renderer/')).every((s) => s.file.startsWith('electron/services/'))).toBe(true)
    expect(callsTo(/(insertAdjacentHTML|document\.write(ln)?|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/)).toEqual([])
  })

  // Item 7 and the privacy promise: no eval, no network, no telemetry, no crash upload, no update check.
  it('has no eval, no network client, no crash reporter and no auto-updater (one server: the room’s)', () => {
    expect(callsTo(/^(eval|Function|setTimeout|setInterval)$/).filter((c) => /eval|Function/.test(c))).toEqual([])
    expect(callsTo(/executeJavaScript|insertCSS|setCertificateVerifyProc|crashReporter|autoUpdater|net\.(request|fetch)$/)).toEqual([])
    // One Chromium switch call, in main, fed only by startupPlan, which can only ask for ozone-platform=x11
    // (startup-plan.test.ts pins it): no switch weakens security (--no-sandbox, --disable-web-security…).
    expect(callsTo(/appendSwitch/).map((c) => c.split(':')[0])).toEqual(['electron/main/index.ts'])
    const network = facts.imports.filter(
      (i) => /^(node:)?(https?|http2|net|tls|dgram|dns)$/.test(i.module) || (i.module === 'electron' && i.names.some((n) => ['net', 'autoUpdater', 'crashReporter'].includes(n))),
    )
    // The one exception, a SERVER and no client: « Recueillir les avis » (issue 18) serves the room's
    // phones from a separate minimal node:http server, only while the facilitator has a session open
    // (SECURITY.md, threat 6; its routes and refusals: electron/services/room/room-service.test.ts).
    expect(network.map((i) => `${i.file}: ${i.module} {${i.names.join(', ')}}`)).toEqual([
      'electron/services/room/http-server.ts: node:http {createServer}',
      'electron/services/room/http-server.ts: node:http {IncomingMessage, ServerResponse}',
    ])
    const fetches = callsTo(/^(window\.)?fetch$/).map((c) => c.split(':')[0])
    expect(fetches, 'the renderer fetches only its own notices.json (same origin, CSP connect-src self)').toEqual(['renderer/src/about/load-notices.ts'])
  })
})

describe('the audit itself', () => {
  it('sees through a deliberately unsafe file (and ignores comments)', async () => {
    const { mkdtemp, mkdir, writeFile } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const root = await mkdtemp(join(tmpdir(), 'passerelles-audit-'))
    await mkdir(join(root, 'electron'))
    await writeFile(
      join(root, 'electron', 'bad.ts'),
      [
        "import { BrowserWindow, shell, net } from 'electron'",
        "import https from 'node:https'",
        '// win.loadFile("index.html") in a comment is not a call',
        'const prefs = { nodeIntegration: true }',
        "const a = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true, nodeIntegration: true, webviewTag: true } })",
        'const b = new BrowserWindow({ webPreferences: { ...prefs } })',
        "a.loadFile('index.html')",
        "void a.loadURL('file:///etc/passwd')",
        "document.body.innerHTML = '<b>x</b>'",
        'void shell.openExternal(String(b))',
        'void https',
        'void net',
      ].join('\n'),
    )
    const bad = audit(root, ['electron'])
    expect(bad.windows.map((w) => w.preferences)).toEqual([{ contextIsolation: false, sandbox: true, nodeIntegration: true, webviewTag: true }, null])
    expect(bad.calls.map((c) => c.text)).toEqual(expect.arrayContaining(['a.loadFile', 'shell.openExternal']))
    expect(bad.calls.filter((c) => c.text === 'a.loadFile')).toHaveLength(1)
    expect(bad.htmlSinks.map((s) => s.line)).toEqual([9])
    expect(bad.suspiciousStrings.map((s) => s.text)).toEqual(["'file:///etc/passwd'"])
    expect(bad.imports.map((i) => [i.module, i.names])).toEqual([['electron', ['BrowserWindow', 'shell', 'net']], ['node:https', []]])
  })
})
