/**
 * npm run boot:installed -- <executable> — starts a packaged or installed Passerelles (the real
 * binary, fuses flipped, app.asar) on a fresh data dir and waits for its log to say a window was
 * shown; fails on « start-up failed », on an early exit, or after 90 s. For the hosted CI that has
 * Electron binaries (.github/workflows/desktop.yml); this machine has none (the same main is booted
 * under a fake electron by package:check). Playwright cannot drive a packaged build (the inspect
 * fuse is off), hence the log.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { LOG_FILE_NAME } from '../../electron/services/platform/startup-plan'

const executable = process.argv[2]
if (!executable || !existsSync(executable)) {
  process.stderr.write(`usage: boot-installed <path to the Passerelles executable> (not found: ${String(executable)})\n`)
  process.exit(2)
}
const dataDir = mkdtempSync(join(tmpdir(), 'passerelles-installed-'))
// An explicit data dir puts the profile in <dataDir>/chromium-profile (startup-plan.ts); macOS keeps logs in ~/Library/Logs.
const logs = [join(dataDir, 'chromium-profile', 'logs', LOG_FILE_NAME), join(homedir(), 'Library', 'Logs', 'Passerelles', LOG_FILE_NAME)]
const args = process.platform === 'linux' ? ['--no-sandbox'] : [] // CI runners run as root on Linux
const child = spawn(executable, args, { env: { ...process.env, PASSERELLES_DATA_DIR: dataDir }, stdio: ['ignore', 'inherit', 'inherit'] })
let exited: number | null = null
child.on('exit', (code) => (exited = code ?? -1))

const started = Date.now()
const timer = setInterval(() => {
  const text = logs.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')).join('\n')
  const verdict = /start-up failed/.test(text) ? 'failed' : /window shown/.test(text) ? 'ok' : exited !== null ? 'exited' : Date.now() - started > 90_000 ? 'timeout' : null
  if (!verdict) return
  clearInterval(timer)
  process.stdout.write(`boot-installed: ${verdict} after ${((Date.now() - started) / 1000).toFixed(1)} s\n${text}\n`)
  child.kill()
  process.exitCode = verdict === 'ok' ? 0 : 1
}, 250)
