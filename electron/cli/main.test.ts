import { describe, expect, it } from 'vitest'
import { main } from './main'
import { doc, tempDir, writePack } from '../services/testing/temp-pack'
import { captureIo as capture } from './capture-io'

describe('cli', () => {
  it('list --json prints the documents of a pack', async () => {
    const pack = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Doc A' }) })
    const c = capture()
    const code = await main(['list', '--json', '--content-dir', pack, '--data-dir', await tempDir()], c.io)
    expect(code).toBe(0)
    const docs = JSON.parse(c.out()) as { id: string; title: string }[]
    expect(docs.map((d) => [d.id, d.title])).toEqual([['doc-a', 'Doc A']])
  })

  it('list prints a table by default', async () => {
    const pack = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Économie' }) })
    const c = capture()
    expect(await main(['list', `--content-dir=${pack}`, '--data-dir', await tempDir()], c.io)).toBe(0)
    expect(c.out()).toMatch(/^id\s+kind/)
    expect(c.out()).toContain('doc-a')
    expect(c.out()).toContain('1 document(s)')
  })

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['list', '--jsn'], /unknown flag --jsn/],
    [['list', '--json=yes'], /takes no value/],
    [['list', '--content-dir'], /needs a value/],
    [[], /Usage: passerelles/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const c = capture()
    expect(await main(argv, c.io)).toBe(2)
    expect(c.err() + c.out()).toMatch(message)
    expect(c.err() + c.out()).toMatch(/Usage: passerelles/)
  })
})
