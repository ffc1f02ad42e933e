/**
 * Where the Electron binary is, or exactly why there is none — the reason the smoke spec gives when
 * it skips. npm's `electron` package downloads the binary in its install script; three things stop
 * it: ELECTRON_SKIP_BINARY_DOWNLOAD (how CI and offline machines install), an `allowScripts` entry
 * denying electron (npm ≥ 11 then skips the script silently), or an install that failed.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export type ElectronBinary = { readonly path: string } | { readonly reason: string }

export function findElectronBinary(repo: string, env: Readonly<Record<string, string | undefined>>): ElectronBinary {
  const dir = join(repo, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (existsSync(pathFile)) {
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
    if (existsSync(bin)) return { path: bin }
  }
  const skip = env.ELECTRON_SKIP_BINARY_DOWNLOAD
  if (skip && skip !== '0' && skip !== 'false') return { reason: `No Electron binary: ELECTRON_SKIP_BINARY_DOWNLOAD=${skip} is set (CI and offline installs skip the download; install without it to run this spec).` }
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> }
  const denied = Object.entries(pkg.allowScripts ?? {}).find(([k, v]) => v === false && (k === 'electron' || k.startsWith('electron@')))
  if (denied) return { reason: `No Electron binary: package.json allowScripts denies "${denied[0]}", so npm skipped electron's install script.` }
  return { reason: `No Electron binary in ${dir}: electron's install script did not complete (no network?). Run \`node node_modules/electron/install.js\`.` }
}
