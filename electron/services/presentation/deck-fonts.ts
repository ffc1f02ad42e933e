/**
 * The fonts the exported HTML deck embeds (issue 16: the file should look like the app): Inter and
 * Source Serif 4, the variable « wght » files of the latin subset — the same files the renderer
 * bundles (renderer/src/main.tsx imports @fontsource-variable), ~50 KB each.
 *
 * Where they are: in a checkout (dev, tests, CLI) in node_modules; in the packaged app the
 * @fontsource packages are not shipped (dev dependencies) but the renderer's build copied the same
 * files into out/renderer/assets under a hashed name (`inter-latin-wght-normal-<hash>.woff2`).
 * A font found nowhere is left out: the deck then uses the system's fonts, nothing fails.
 */
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { EmbeddedFont } from '../../shared/presentation/export-html'

interface FontFile {
  readonly family: string
  readonly weight: string
  readonly pkg: string
  readonly file: string
}

/** The families as the slide stylesheet names them first (slide-style.ts). */
const FONTS: readonly FontFile[] = [
  { family: 'Inter Variable', weight: '100 900', pkg: '@fontsource-variable/inter', file: 'inter-latin-wght-normal' },
  { family: 'Source Serif 4 Variable', weight: '200 900', pkg: '@fontsource-variable/source-serif-4', file: 'source-serif-4-latin-wght-normal' },
]

async function fromNodeModules(f: FontFile): Promise<Buffer | null> {
  try {
    const path = createRequire(__filename).resolve(`${f.pkg}/files/${f.file}.woff2`)
    return await readFile(path)
  } catch {
    return null
  }
}

/** The built renderer's copy: out/renderer/assets next to out/main, where main's bundle runs. */
async function fromRendererBuild(f: FontFile, dirs: readonly string[]): Promise<Buffer | null> {
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[])
    const name = names.find((n) => n.startsWith(`${f.file}-`) && n.endsWith('.woff2'))
    if (name) return readFile(join(dir, name)).catch(() => null)
  }
  return null
}

let cached: Promise<readonly EmbeddedFont[]> | null = null

/** The embeddable fonts (read once per process). */
export function deckFonts(): Promise<readonly EmbeddedFont[]> {
  cached ??= (async () => {
    const assets = [join(dirname(__filename), '..', 'renderer', 'assets')]
    const out: EmbeddedFont[] = []
    for (const f of FONTS) {
      const data = (await fromNodeModules(f)) ?? (await fromRendererBuild(f, assets))
      if (data) out.push({ family: f.family, weight: f.weight, style: 'normal', woff2Base64: data.toString('base64') })
    }
    return out
  })()
  return cached
}
