/**
 * Reading installed packages: which package a bundled file belongs to, a package's declared
 * licence and its licence files, and the runtime dependency closure of a set of packages — the
 * node_modules electron-builder packs (it copies the production dependencies of package.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'

export interface PackageInfo {
  readonly dir: string
  readonly name: string
  readonly version: string
  readonly licence: string
  readonly homepage: string | null
  readonly author: string | null
  readonly text: string | null
  readonly dependencies: readonly string[]
  readonly optionalDependencies: readonly string[]
}

interface PackageJson {
  name?: string
  version?: string
  license?: string | { type?: string }
  licenses?: { type?: string }[]
  homepage?: string
  repository?: string | { url?: string }
  author?: string | { name?: string; email?: string }
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(?:[-._].*)?$/i

/** The package directory a file inside node_modules belongs to (scoped names included), or null. */
export function packageDirOf(file: string): string | null {
  const norm = file.split(sep).join('/')
  const at = norm.lastIndexOf('/node_modules/')
  if (at < 0) return null
  const rest = norm.slice(at + '/node_modules/'.length).split('/')
  const name = rest[0]?.startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1)
  if (name.length === 0 || name.some((s) => !s)) return null
  return `${norm.slice(0, at)}/node_modules/${name.join('/')}`.split('/').join(sep)
}

/** The package name of a bare import specifier (`lunr-languages/lunr.fr` → `lunr-languages`). */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
}

function licenceOf(pkg: PackageJson): string {
  if (typeof pkg.license === 'string') return pkg.license
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type
  const types = (pkg.licenses ?? []).map((l) => l.type).filter((t): t is string => typeof t === 'string')
  return types.length > 0 ? `(${types.join(' OR ')})` : 'UNKNOWN'
}

function authorOf(pkg: PackageJson): string | null {
  if (typeof pkg.author === 'string') return pkg.author
  return pkg.author?.name ?? null
}

function homepageOf(pkg: PackageJson): string | null {
  if (pkg.homepage) return pkg.homepage
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
  return repo ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : null
}

/** Reads a package's manifest and licence files; the licence texts are joined in name order. */
export function readPackage(dir: string): PackageInfo {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson
  if (!pkg.name || !pkg.version) throw new Error(`${dir}/package.json has no name or version`)
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && LICENCE_FILE.test(e.name))
    .map((e) => e.name)
    .sort()
  const text = files.length > 0 ? files.map((f) => readFileSync(join(dir, f), 'utf8').trim()).join('\n\n') : null
  return {
    dir,
    name: pkg.name,
    version: pkg.version,
    licence: licenceOf(pkg),
    homepage: homepageOf(pkg),
    author: authorOf(pkg),
    text,
    dependencies: Object.keys(pkg.dependencies ?? {}),
    optionalDependencies: Object.keys(pkg.optionalDependencies ?? {}),
  }
}

/** Node's lookup: `<from>/node_modules/<name>`, then the same in each parent directory. */
export function resolvePackageDir(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dirname(dir) === dir) return null
  }
}

/**
 * The installed packages reachable from `names` through dependencies and (installed) optional
 * dependencies, resolved from `root` the way Node would. A missing regular dependency is an error
 * (the packed app would crash); a missing optional one (another platform's binary) is skipped.
 */
export function dependencyClosure(root: string, names: readonly string[], exclude: ReadonlySet<string> = new Set()): Map<string, PackageInfo> {
  const found = new Map<string, PackageInfo>()
  const visit = (name: string, from: string, optional: boolean): void => {
    if (exclude.has(name)) return
    const dir = resolvePackageDir(name, from)
    if (!dir) {
      if (optional) return
      throw new Error(`${name} (needed from ${from}) is not installed`)
    }
    if (found.has(dir)) return
    const info = readPackage(dir)
    found.set(dir, info)
    for (const dep of info.dependencies) visit(dep, dir, false)
    for (const dep of info.optionalDependencies) visit(dep, dir, true)
  }
  for (const name of names) visit(name, root, false)
  return found
}
