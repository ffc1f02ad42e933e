/**
 * Builds the notices shown in « À propos » (schema: electron/shared/about/notices.ts):
 *
 * - every package whose code the bundler put into out/main, out/preload or out/renderer (the
 *   module ids rolldown reports for each chunk, collected by vite-plugin.ts);
 * - every package electron-builder packs into app.asar: the production dependency closure of
 *   package.json, minus NOT_SHIPPED (scripts/package-check.ts verifies that the packed
 *   node_modules and this list agree, package for package and version for version);
 * - Electron itself, the runtime every installer ships;
 * - the app's own licence (LICENSE) and the content pack's (its paragraph in content/README.md).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Notices, PackageNotice } from '../../../electron/shared/about/notices'
import { dependencyClosure, packageDirOf, readPackage, resolvePackageDir } from './packages'
import type { PackageInfo } from './packages'

export type BundleTarget = 'main' | 'preload' | 'renderer'
export type BundleReport = Readonly<Record<BundleTarget, readonly string[]>>

/**
 * Production dependencies the packaged app never loads, kept out of app.asar by electron-builder.yml
 * (with their own dependencies): tsx is the CLI's TypeScript loader.
 */
export const NOT_SHIPPED: readonly string[] = ['tsx']
/**
 * Packages left out of app.asar wherever they sit in the tree (electron-builder.yml drops them too):
 * pdfjs-dist's optional native canvas, for page rendering, which text extraction never loads.
 */
export const NOT_PACKED: ReadonlySet<string> = new Set(['@napi-rs/canvas'])

export const CONTENT_LICENCE = { licence: 'CC-BY-SA-4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/legalcode.fr' }

/** The package a bundled module id belongs to: a file under node_modules, or a bundler runtime (`\0rolldown/runtime.js`). */
function packageOfModule(root: string, id: string): string | null {
  if (id.startsWith('\0')) {
    const name = id.slice(1).split(/[/?]/)[0]!
    return name ? resolvePackageDir(name, root) : null
  }
  return packageDirOf(id.split('?')[0]!)
}

/** The licence paragraph of content/README.md (the one that starts « **Licence du corpus »). */
export function contentLicenceNotice(readme: string): string {
  const paragraphs = readme.split(/\n\s*\n/)
  const found = paragraphs.find((p) => p.trimStart().startsWith('**Licence du corpus'))
  if (!found) throw new Error('content/README.md does not state the content licence (a paragraph starting « **Licence du corpus »)')
  return found.replace(/\s*\n\s*/g, ' ').trim()
}

export function buildNotices(root: string, bundles: BundleReport): Notices {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string
    productName?: string
    version: string
    license: string
    dependencies?: Record<string, string>
  }
  const entries = new Map<string, { info: PackageInfo; bundledIn: Set<BundleTarget>; packed: boolean }>()
  const add = (info: PackageInfo, how: { target?: BundleTarget; packed?: boolean }): void => {
    const key = `${info.name}@${info.version}`
    const e = entries.get(key) ?? { info, bundledIn: new Set<BundleTarget>(), packed: false }
    if (how.target) e.bundledIn.add(how.target)
    if (how.packed) e.packed = true
    entries.set(key, e)
  }

  const shipped = Object.keys(manifest.dependencies ?? {}).filter((d) => !NOT_SHIPPED.includes(d))
  for (const info of dependencyClosure(root, shipped, NOT_PACKED).values()) add(info, { packed: true })

  for (const target of ['main', 'preload', 'renderer'] as const) {
    const dirs = new Set(bundles[target].map((id) => packageOfModule(root, id)).filter((d): d is string => d !== null))
    for (const dir of dirs) add(readPackage(dir), { target })
  }

  const packages: PackageNotice[] = [...entries.values()]
    .map(({ info, bundledIn, packed }) => ({
      name: info.name,
      version: info.version,
      licence: info.licence,
      homepage: info.homepage,
      author: info.author,
      bundledIn: [...bundledIn].sort(),
      packed,
      text: info.text,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'))

  const electron = readPackage(join(root, 'node_modules', 'electron'))
  packages.push({
    name: electron.name,
    version: electron.version,
    licence: electron.licence,
    homepage: electron.homepage,
    author: electron.author,
    bundledIn: [],
    packed: false,
    text: `${electron.text ?? ''}\n\nElectron embeds Chromium, Node.js and their components; their licences ship with every installation of Passerelles in the file LICENSES.chromium.html, next to the application.`.trim(),
  })

  return {
    app: {
      name: manifest.productName ?? manifest.name,
      version: manifest.version,
      licence: manifest.license,
      text: readFileSync(join(root, 'LICENSE'), 'utf8'),
    },
    content: { ...CONTENT_LICENCE, notice: contentLicenceNotice(readFileSync(join(root, 'content', 'README.md'), 'utf8')) },
    packages,
  }
}
