/** Test helper: a CliIo that keeps what a command writes. */
import type { CliIo } from './io'

export function captureIo(): { io: CliIo; out: () => string; err: () => string } {
  let out = ''
  let err = ''
  return { io: { out: { write: (s: string) => void (out += s) }, err: { write: (s: string) => void (err += s) } }, out: () => out, err: () => err }
}
