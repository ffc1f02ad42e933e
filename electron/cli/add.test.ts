import { describe, expect, it } from 'vitest'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { main } from './main'
import { captureIo } from './capture-io'
import { doc, tempDir, writePack } from '../services/testing/temp-pack'

describe('cli add', () => {
  it('imports files, reports refusals on stderr with exit 1, and a usage error with exit 2', async () => {
    const contentDir = await writePack({ 'a.md': doc({ id: 'doc-a' }) })
    const dataDir = await tempDir()
    const dir = await tempDir()
    await writeFile(join(dir, 'a.md'), '# Alpha\n\nTexte.\n')
    await writeFile(join(dir, 'b.odt'), 'pas un zip')
    const c = captureIo()
    expect(await main(['add', join(dir, 'a.md'), join(dir, 'b.odt'), join(dir, 'absent.txt'), '--content-dir', contentDir, '--data-dir', dataDir], c.io)).toBe(1)
    expect(c.out()).toMatch(/added {4}mien-alpha-[0-9a-f]{10} {2}« Alpha »/)
    expect(c.err()).toContain('b.odt: "b.odt" is named .odt but is not a zip archive')
    expect(c.err()).toContain('absent.txt')
    expect(c.out()).toContain('1 of 3 file(s) imported.')
    const u = captureIo()
    expect(await main(['add', '--data-dir', dataDir, '--content-dir', contentDir], u.io)).toBe(2)
    const l = captureIo()
    expect(await main(['list', '--json', '--content-dir', contentDir, '--data-dir', dataDir], l.io)).toBe(0)
    expect((JSON.parse(l.out()) as { kind: string }[]).map((d) => d.kind)).toEqual(['article', 'mien'])
  })
})
