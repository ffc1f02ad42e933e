/**
 * A stand-in for an unpacked Electron distribution (electron-builder's `electronDist`), for
 * packing where the real one cannot be downloaded. The "binary" is a tiny shell script that also
 * carries a fuse wire in @electron/fuses' format — the sentinel, version 1, the wire length, then
 * one state byte per fuse with Electron 41's defaults — so electron-builder flips the fuses in it
 * exactly as it would in the real binary, and the check can read them back.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FUSE_STATE } from './fuses'

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/** Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, integrity off, only-asar off, V8 snapshot off, file: privileges on, WASM trap handlers on. */
const DEFAULT_WIRE = [1, 0, 1, 1, 0, 0, 0, 1, 1]

export async function writeStubElectron(dir: string, version: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true })
  const wire = Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE.map((on) => (on ? FUSE_STATE.enabled : FUSE_STATE.disabled))])
  const binary = join(dir, 'electron')
  await writeFile(binary, Buffer.concat([Buffer.from('#!/bin/sh\necho "stub Electron: cannot run" >&2\nexit 1\n# '), Buffer.from(SENTINEL), wire, Buffer.from('\n')]))
  await chmod(binary, 0o755)
  await writeFile(join(dir, 'version'), version)
  await writeFile(join(dir, 'LICENSE'), 'Stub Electron distribution used by npm run package:check.\n')
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stub</title>\n')
  return binary
}
