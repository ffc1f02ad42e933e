import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { buildIcons, ICO_SIZES, PNG_SIZES, renderPng } from './build-icons'
import { ICNS_TYPES, readIcns, writeIcns } from './icns'
import { pngSize } from './png-info'

const SVG = resolve(__dirname, '..', '..', '..', 'build', 'icon.svg')

describe('icns writer', () => {
  it('round-trips its records and refuses malformed input', () => {
    const a = renderPng(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'), 16)
    const icns = writeIcns([{ type: 'icp4', png: a }, { type: 'ic11', png: a }])
    expect(icns.toString('latin1', 0, 4)).toBe('icns')
    expect(readIcns(icns).map((e) => [e.type, e.png.equals(a)])).toEqual([['icp4', true], ['ic11', true]])
    expect(() => readIcns(icns.subarray(0, icns.length - 1))).toThrow(/length/)
    expect(() => writeIcns([{ type: 'toolong', png: a }])).toThrow(/bad icns type/)
  })
})

describe('the application icon', () => {
  it('renders every size from the SVG source into PNG, ICO and ICNS', async () => {
    const out = await mkdtemp(join(tmpdir(), 'passerelles-icons-'))
    const built = await buildIcons(SVG, out)

    for (const size of PNG_SIZES) {
      expect(pngSize(await readFile(built.pngs.get(size)!)), `${size}x${size}.png`).toEqual({ width: size, height: size })
    }
    expect(pngSize(await readFile(built.png))).toEqual({ width: 1024, height: 1024 })

    // ICO: 6-byte header, then one 16-byte directory entry per image (width 0 means 256).
    const ico = await readFile(built.ico)
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length])
    const widths = ICO_SIZES.map((_, i) => ico.readUInt8(6 + 16 * i) || 256)
    expect(widths).toEqual([...ICO_SIZES])

    const icns = readIcns(await readFile(built.icns))
    expect(icns.map((e) => e.type)).toEqual(Object.keys(ICNS_TYPES))
    for (const e of icns) expect(pngSize(e.png).width, e.type).toBe(ICNS_TYPES[e.type])
  })
})
