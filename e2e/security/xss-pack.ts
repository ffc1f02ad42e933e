/**
 * Writes the XSS fixture content pack: for every sink that needs documents, its files for every
 * payload (document ids are `xss-<sink>-<payload id>`). Synchronous, so a spec can build it at load
 * time and hand it to the harness with `test.use({ contentDir })`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { XssPayload } from './xss-payloads'
import type { XssSink } from './xss-sinks'

export function writeXssPack(sinks: readonly XssSink[], payloads: readonly XssPayload[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'passerelles-xss-pack-'))
  for (const sink of sinks) {
    for (const payload of payloads) {
      for (const [path, text] of Object.entries(sink.pack?.(payload) ?? {})) {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), text)
      }
    }
  }
  return dir
}
