/**
 * The checks package:check runs on the configuration and on a packed app. Each returns a list of
 * problems (empty = pass) plus a one-line summary, so the same functions are unit-tested on
 * deliberately broken inputs and run on the real package.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { BuilderConfig } from './builder-config'
import { FUSE_KEYS, RELEASE_FUSES } from './fuses'
import type { FuseRow } from './fuses'
import { forbiddenFiles } from './asar-contents'
import type { Notices } from '../../../electron/shared/about/notices'

export interface CheckResult {
  readonly name: string
  readonly summary: string
  readonly problems: readonly string[]
}

export const APP_ID = 'org.passerelles.app'

export function checkConfig(c: BuilderConfig, root: string): CheckResult {
  const p: string[] = []
  const want = (cond: boolean, message: string): void => void (cond || p.push(message))
  want(c.appId === APP_ID, `appId must stay ${APP_ID} (NSIS derives its GUID from it), found ${c.appId}`)
  want(c.productName === 'Passerelles', 'productName must be Passerelles')
  want(c.asar === true, 'asar must be on (integrity and the onlyLoadAppFromAsar fuse need it)')
  want(c.npmRebuild === false, 'npmRebuild must be false (a rebuild would target Node’s ABI, not Electron’s)')
  want(c.publish === null, 'publish must be null: no update feed, no update check')
  want((c.protocols ?? []).some((pr) => pr.schemes.includes('passerelles')), 'the passerelles:// scheme must be declared under protocols')
  const linuxTargets = (c.linux?.target ?? []) as unknown[]
  want(['AppImage', 'deb'].every((t) => linuxTargets.includes(t)), 'linux.target must include AppImage and deb')
  want(typeof c.linux?.maintainer === 'string' && /<[^>]+@[^>]+>/.test(c.linux.maintainer as string), 'linux.maintainer needs a name and an e-mail (deb refuses to build without)')
  want(typeof c.linux?.category === 'string', 'linux.category (freedesktop) is required')
  want(typeof (c.linux?.desktop as { entry?: unknown } | undefined)?.entry === 'object', 'linux.desktop.entry is required')
  want(c.nsis?.perMachine === false && c.nsis?.oneClick === true && c.nsis?.allowElevation === false, 'nsis must install per user, without elevation')
  want(JSON.stringify(c.mac?.target ?? []).includes('dmg'), 'mac.target must include dmg')
  for (const key of FUSE_KEYS) {
    want(c.electronFuses?.[key] === RELEASE_FUSES[key].value, `electronFuses.${key} must be ${RELEASE_FUSES[key].value}: ${RELEASE_FUSES[key].why}`)
  }
  // Flipping fuses invalidates the ad-hoc signature; unsigned, Apple silicon refuses to launch it.
  const signed = typeof c.mac?.identity === 'string' && c.mac.identity !== '-'
  want(signed || c.electronFuses?.resetAdHocDarwinSignature === true, 'electronFuses.resetAdHocDarwinSignature must be true while macOS builds are not signed (a fuse flip breaks the signature: the app is killed at launch on Apple silicon)')
  for (const f of ['build/icon.svg', 'build/icon.png', 'build/icon.ico', 'build/icon.icns', 'build/icons/512x512.png', 'LICENSE']) {
    want(existsSync(join(root, f)), `${f} is missing (npm run icons generates the icons)`)
  }
  return { name: 'configuration', summary: `appId ${c.appId}, ${FUSE_KEYS.length} fuses, targets AppImage/deb/nsis/dmg`, problems: p }
}

/** Every file of a local folder, relative to `root`, with forward slashes. */
function localFiles(root: string, dir: string): string[] {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  return (readdirSync(abs, { recursive: true }) as string[])
    .map((f) => join(abs, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => relative(root, f).split(sep).join('/'))
}

/**
 * The compiled app and the content pack, complete: every file under out/ (but source maps) and
 * content/ — so whatever the build generates there, such as the prebuilt search index, is checked
 * too — plus the entry points named one by one.
 */
export function checkExpected(files: readonly string[], root: string): CheckResult & { readonly generated: readonly string[] } {
  const have = new Set(files)
  const named = ['package.json', 'LICENSE', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'out/renderer/notices.json', 'content/README.md']
  const local = [...localFiles(root, 'out'), ...localFiles(root, 'content')].filter((f) => forbiddenFiles([f]).length === 0)
  const missing = [...new Set([...named, ...local])].filter((f) => !have.has(f))
  const problems = missing.map((f) => `${f} is not in app.asar`)
  if (!files.some((f) => /^out\/renderer\/assets\/.+\.js$/.test(f))) problems.push('no renderer script under out/renderer/assets')
  const count = (prefix: string): number => files.filter((f) => f.startsWith(prefix)).length
  // Files the build writes besides the bundles: anything under content/ that is not Markdown or an image, and JSON next to the renderer.
  const generated = files.filter((f) => (/^content\//.test(f) && !/\.(md|png|jpe?g|svg|webp|gif)$/i.test(f)) || /^out\/.*\.json$/.test(f))
  return {
    name: 'expected files',
    summary: `out/main ${count('out/main/')}, out/preload ${count('out/preload/')}, out/renderer ${count('out/renderer/')}, content ${count('content/')} files; every local out/ and content/ file packed`,
    problems,
    generated,
  }
}

export function checkForbidden(files: readonly string[]): CheckResult {
  const found = forbiddenFiles(files)
  return {
    name: 'forbidden files',
    summary: `none of ${files.length} files is a test, fixture, source map, source or dev file`,
    problems: found.slice(0, 20).map((f) => `${f.file}: ${f.why}`).concat(found.length > 20 ? [`… and ${found.length - 20} more`] : []),
  }
}

/** node_modules in the archive and the notices must name the same packages, version for version. */
export function checkNotices(packed: ReadonlyMap<string, string>, notices: Notices): CheckResult {
  const noticed = new Set(notices.packages.filter((p) => p.packed).map((p) => `${p.name}@${p.version}`))
  const problems = [
    ...[...packed.keys()].filter((k) => !noticed.has(k)).map((k) => `${k} is packed but has no notice (add it to the notices or keep it out of the asar)`),
    ...[...noticed].filter((k) => !packed.has(k)).map((k) => `${k} has a notice as packed, but is not in app.asar`),
  ]
  const withoutText = notices.packages.filter((p) => p.text === null).map((p) => p.name)
  return {
    name: 'node_modules ↔ notices',
    summary: `${packed.size} packed packages, ${notices.packages.length} notices${withoutText.length ? ` (${withoutText.length} without a licence file: ${withoutText.join(', ')})` : ''}`,
    problems,
  }
}

export function checkFuses(rows: readonly FuseRow[]): CheckResult {
  return {
    name: 'fuses',
    summary: `${rows.filter((r) => r.ok).length}/${rows.length} fuses flipped as configured in the packed binary`,
    problems: rows.filter((r) => !r.ok).map((r) => `${r.fuse}: expected ${String(r.expected)}, binary has ${String(r.actual)}`),
  }
}
