/**
 * Invariants of package.json that decide whether the app starts for a user (review of the Electron
 * runtime, §2 and §14): npm ≥ 11 honours `allowScripts`, and a denied electron install script is
 * skipped silently, leaving `npm start` without a binary (« Electron uninstall »). CI and this
 * machine skip the download with ELECTRON_SKIP_BINARY_DOWNLOAD=1 instead, never by a deny.
 */
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO } from './builder-config'

interface PackageJson {
  readonly scripts: Readonly<Record<string, string>>
  readonly allowScripts?: Readonly<Record<string, boolean>>
  readonly devDependencies: Readonly<Record<string, string>>
  readonly dependencies: Readonly<Record<string, string>>
}
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as PackageJson

describe('package.json', () => {
  it('lets electron run its install script (the binary download), by name or at the pinned version', () => {
    const version = pkg.devDependencies.electron
    const entries = Object.entries(pkg.allowScripts ?? {}).filter(([k]) => k === 'electron' || k.startsWith('electron@'))
    expect(entries.some(([, v]) => v === false)).toBe(false)
    expect(entries.some(([k, v]) => v && (k === 'electron' || k === `electron@${version}`))).toBe(true)
  })

  it('npm finds electron covered (an entry npm cannot match, such as a pin without lockfile URLs, leaves it pending)', () => {
    const r = spawnSync('npm', ['install-scripts', 'ls', '--json'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } })
    expect(r.status, r.stderr).toBe(0)
    const listed = JSON.parse(r.stdout) as { allowScripts?: readonly { name: string }[] }
    expect((listed.allowScripts ?? []).map((p) => p.name)).not.toContain('electron')
  })

  it('builds once on npm start (electron-vite preview would build again without --skipBuild)', () => {
    expect(pkg.scripts.start).toMatch(/^npm run build && electron-vite preview --skipBuild$/)
  })

  it('ships no dependency that nothing imports (proper-lockfile was packed for a comment)', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('proper-lockfile')
  })
})
