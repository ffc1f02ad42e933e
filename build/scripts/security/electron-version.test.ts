import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO } from '../packaging/builder-config'

/**
 * Checklist item 16 (use a current Electron). The lowest version this app's security review and
 * fuse configuration were done against; raise it with each upgrade, never lower it. Whether a newer
 * release exists cannot be known offline: Electronegativity's release check needs the network and
 * is replaced by this gate plus the upgrade routine in SECURITY.md.
 */
const ELECTRON_MINIMUM = '41.7.1'

const numbers = (v: string): number[] => v.split('.').map((n) => Number.parseInt(n, 10))
function atLeast(version: string, minimum: string): boolean {
  const [a, b] = [numbers(version), numbers(minimum)]
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0)
  return true
}

describe('Electron version (checklist 16)', () => {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
  const installed = (JSON.parse(readFileSync(join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version

  it('is pinned exactly (a range could slip to an unreviewed release)', () => {
    expect(manifest.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/)
    expect(installed).toBe(manifest.devDependencies.electron)
  })

  it(`is at least ${ELECTRON_MINIMUM}`, () => {
    expect(atLeast(installed, ELECTRON_MINIMUM), installed).toBe(true)
  })

  it('compares versions numerically', () => {
    expect(atLeast('41.10.0', '41.7.1')).toBe(true)
    expect(atLeast('41.7.1', '41.7.1')).toBe(true)
    expect(atLeast('40.99.99', '41.7.1')).toBe(false)
    expect(atLeast('41.7.0', '41.7.1')).toBe(false)
  })
})
