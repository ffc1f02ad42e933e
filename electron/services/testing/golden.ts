/**
 * Test helper: golden files. `expectGolden(dir, name, actual)` compares `actual` byte for byte with
 * `dir/name`. Run the tests with UPDATE_GOLDEN=1 to (re)write the files after an intended change,
 * then review the diff in git: a golden file is a claim about the output, not a recording.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export type GoldenResult = { readonly ok: true } | { readonly ok: false; readonly expected: string | null }

export function checkGolden(dir: string, name: string, actual: string): GoldenResult {
  const file = join(dir, name)
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, actual)
    return { ok: true }
  }
  if (!existsSync(file)) return { ok: false, expected: null }
  const expected = readFileSync(file, 'utf8')
  return expected === actual ? { ok: true } : { ok: false, expected }
}
