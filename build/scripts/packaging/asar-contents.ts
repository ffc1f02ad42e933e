/**
 * What is inside an app.asar, read with @electron/asar (the library electron-builder packs with):
 * its files, a directory reader over the archive's own header (to run the content library's
 * listing exactly as the packaged app will), the packages in its node_modules, and the rules for
 * what must never be packed.
 */
import { extractFile, getRawHeader } from '@electron/asar'
import type { DirEntry, ReadDir } from '../../../electron/services/content/list-files'

interface HeaderNode {
  readonly files?: Readonly<Record<string, HeaderNode>>
  readonly size?: number
  readonly link?: string
}

function root(archive: string): HeaderNode {
  return getRawHeader(archive).header as HeaderNode
}

/** Every regular file in the archive, as a relative path with forward slashes, sorted. */
export function asarFiles(archive: string): string[] {
  const out: string[] = []
  const walk = (node: HeaderNode, prefix: string): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name
      if (child.files) walk(child, path)
      else if (child.link === undefined) out.push(path)
    }
  }
  walk(root(archive), '')
  return out.sort()
}

/**
 * A `readdir(dir, { withFileTypes: true })` over the archive, for paths written `<archive>/<inside>`:
 * the same view Electron's asar fs patch gives the app at run time.
 */
export function asarReadDir(archive: string): ReadDir {
  const header = root(archive)
  return async (dir) => {
    if (dir !== archive && !dir.startsWith(`${archive}/`)) throw new Error(`${dir} is not inside ${archive}`)
    let node: HeaderNode | undefined = header
    for (const part of dir.slice(archive.length).split('/').filter(Boolean)) node = node?.files?.[part]
    if (!node?.files) throw Object.assign(new Error(`ENOENT: no directory ${dir} in the archive`), { code: 'ENOENT' })
    return Object.entries(node.files).map(
      ([name, child]): DirEntry => ({ name, isDirectory: () => child.files !== undefined, isFile: () => child.files === undefined && child.link === undefined }),
    )
  }
}

export function readAsarJson<T>(archive: string, file: string): T {
  return JSON.parse(extractFile(archive, file).toString('utf8')) as T
}

/** Installed packages inside the archive's node_modules (nested ones included): `name@version` → directory. */
export function asarPackages(archive: string, files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const f of files) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(f)
    if (!m) continue
    const dir = m[1]!
    const pkg = readAsarJson<{ name?: string; version?: string }>(archive, `${dir}/package.json`)
    if (pkg.name && pkg.version) out.set(`${pkg.name}@${pkg.version}`, dir)
  }
  return out
}

export interface Rule {
  readonly pattern: RegExp
  readonly why: string
}

/** Must never be in the asar. */
export const FORBIDDEN: readonly Rule[] = [
  { pattern: /\.map$/, why: 'source map' },
  { pattern: /\.(ts|tsx|mts|cts)$/, why: 'TypeScript source or typings' },
  { pattern: /\.(test|spec)\.[cm]?[jt]sx?$/, why: 'test file' },
  { pattern: /(^|\/)(e2e|fixtures|__tests__|tests?|\.artifacts|coverage)\//, why: 'tests or fixtures' },
  { pattern: /^(electron|renderer|scripts|build|release|dist|\.ci|\.github|\.git)\//, why: 'sources, build tooling or outputs of other builds' },
  { pattern: /^(tsconfig[^/]*\.json|[^/]*\.config\.[cm]?[jt]s|eslint[^/]*|package-lock\.json|\.env[^/]*|\.gitignore|electron-builder\.yml)$/, why: 'development configuration' },
  { pattern: /^node_modules\/(tsx|esbuild|@esbuild|get-tsconfig|resolve-pkg-maps)\//, why: 'the CLI TypeScript loader (NOT_SHIPPED)' },
  { pattern: /^node_modules\/\.bin\//, why: 'npm bin links' },
]

export function forbiddenFiles(files: readonly string[]): { file: string; why: string }[] {
  return files.flatMap((file) => {
    const rule = FORBIDDEN.find((r) => r.pattern.test(file))
    return rule ? [{ file, why: rule.why }] : []
  })
}
