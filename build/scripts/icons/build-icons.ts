/**
 * Renders the application icon from its SVG source (build/icon.svg) into everything the packagers
 * expect, in build/ (electron-builder's buildResources; nothing here is packed into the app):
 *
 *   build/icons/<N>x<N>.png   N = 16, 24, 32, 48, 64, 128, 256, 512, 1024   Linux (AppImage, deb)
 *   build/icon.png            1024 × 1024                                     fallback for every target
 *   build/icon.ico            16–256, BMP entries (png-to-ico)                 Windows (exe, NSIS)
 *   build/icon.icns           16–1024, PNG entries (icns.ts)                   macOS (app, dmg)
 *
 * Rendering uses @resvg/resvg-js (a prebuilt native binary, no system library). Run it with
 * `npm run icons`; `npm run package` and `npm run package:check` run it first.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { ICNS_TYPES, writeIcns } from './icns'

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const

export interface BuiltIcons {
  readonly pngs: ReadonlyMap<number, string>
  readonly png: string
  readonly ico: string
  readonly icns: string
}

export function renderPng(svg: Buffer, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng())
}

export async function buildIcons(svgPath: string, outDir: string): Promise<BuiltIcons> {
  const svg = await readFile(svgPath)
  await mkdir(join(outDir, 'icons'), { recursive: true })
  const rendered = new Map<number, Buffer>()
  const pngs = new Map<number, string>()
  for (const size of PNG_SIZES) {
    const png = renderPng(svg, size)
    rendered.set(size, png)
    const file = join(outDir, 'icons', `${size}x${size}.png`)
    await writeFile(file, png)
    pngs.set(size, file)
  }
  const png = join(outDir, 'icon.png')
  await writeFile(png, rendered.get(1024)!)

  // png-to-ico is an ES module; a dynamic import loads it from this CommonJS-compiled script.
  const { default: pngToIco } = await import('png-to-ico')
  const ico = join(outDir, 'icon.ico')
  await writeFile(ico, await pngToIco(ICO_SIZES.map((s) => rendered.get(s)!)))

  const icns = join(outDir, 'icon.icns')
  await writeFile(icns, writeIcns(Object.entries(ICNS_TYPES).map(([type, size]) => ({ type, png: rendered.get(size)! }))))
  return { pngs, png, ico, icns }
}

if (require.main === module) {
  const root = resolve(__dirname, '..', '..', '..')
  buildIcons(join(root, 'build', 'icon.svg'), join(root, 'build')).then(
    (built) => process.stdout.write(`icons: ${built.pngs.size} PNGs, ${built.ico}, ${built.icns}\n`),
    (e: unknown) => {
      process.stderr.write(`icons: ${(e as Error).stack ?? String(e)}\n`)
      process.exitCode = 1
    },
  )
}
