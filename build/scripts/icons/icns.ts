/**
 * A minimal Apple Icon Image (.icns) writer and reader. Since macOS 10.7 every icon size can be
 * stored as plain PNG data under its own OSType, so an .icns is just: the magic `icns`, the total
 * length (big-endian), then one `type, length, png` record per size. electron-builder takes
 * `build/icon.icns` as is for the macOS app and dmg (it would otherwise derive one from icon.png,
 * which needs macOS's `iconutil` or a download); we write it ourselves, from the same PNGs.
 */

/** OSType → pixel size, for the PNG-based entries (Apple's "Icon Image Format" table). */
export const ICNS_TYPES: Readonly<Record<string, number>> = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024, // 512@2x
  ic11: 32, // 16@2x
  ic12: 64, // 32@2x
  ic13: 256, // 128@2x
  ic14: 512, // 256@2x
}

export interface IcnsEntry {
  readonly type: string
  readonly png: Buffer
}

export function writeIcns(entries: readonly IcnsEntry[]): Buffer {
  const records = entries.map(({ type, png }) => {
    if (!/^[a-z0-9]{4}$/.test(type)) throw new Error(`bad icns type ${JSON.stringify(type)}`)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const header = Buffer.alloc(8)
  header.write('icns', 0, 'latin1')
  header.writeUInt32BE(8 + records.reduce((n, r) => n + r.length, 0), 4)
  return Buffer.concat([header, ...records])
}

/** Parses an .icns back into its records; throws on a malformed file. */
export function readIcns(buf: Buffer): IcnsEntry[] {
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== 'icns') throw new Error('not an icns file')
  if (buf.readUInt32BE(4) !== buf.length) throw new Error('icns length does not match the file size')
  const out: IcnsEntry[] = []
  for (let at = 8; at < buf.length; ) {
    const type = buf.toString('latin1', at, at + 4)
    const len = buf.readUInt32BE(at + 4)
    if (len < 8 || at + len > buf.length) throw new Error(`icns record ${type} overruns the file`)
    out.push({ type, png: buf.subarray(at + 8, at + len) })
    at += len
  }
  return out
}
