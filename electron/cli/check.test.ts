import { describe, expect, it } from 'vitest'
import { main } from './main'
import { captureIo } from './capture-io'
import { doc, tempDir, writePack } from '../services/testing/temp-pack'

const NN = '\u202f'

async function run(argv: string[], files: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const pack = await writePack(files)
  const c = captureIo()
  const code = await main(['check', ...argv, '--content-dir', pack, '--data-dir', await tempDir()], c.io)
  return { code, out: c.out(), err: c.err() }
}

/** Every document of these packs cites its front-matter source in a note (the « citation » rule). */
const CITES = `\nSelon la source[^1].\n\n[^1]: [Source](https://example.org/)\n`
const CLEAN = { 'articles/a.md': doc({ id: 'a' }, `## Titre\n\nUn texte${NN}: correct.\n${CITES}`) }

describe('cli check', () => {
  it('exits 0 on a clean pack and prints the per-kind counts and the corpus figures', async () => {
    const { code, out, err } = await run([], CLEAN)
    expect(code).toBe(0)
    expect(out).toMatch(/^article\s+1\s+8\s/m)
    expect(out).toMatch(/^total\s+1\s+8\s/m)
    expect(out).toMatch(/^missed\s+total words\s+8\s+≥ 30000$/m)
    expect(out).toContain('reported only (--targets enforces them)')
    expect(out).toContain('check: no error')
    expect(err).toBe('')
  })

  it('exits 1 and lists each error as path:line: rule: message', async () => {
    const { code, out, err } = await run([], {
      ...CLEAN,
      'articles/b.md': doc({ id: 'b', tags: ['nope'] }, `Texte : faux, [lien](absent.md).\n${CITES}`),
      'articles/c.md': doc({ id: 'a' }, `Un paragraphe.\n${CITES}`),
    })
    expect(code).toBe(1)
    const errors = out.split('\n').filter((l) => /^\S+:\d+: [a-z-]+: /.test(l))
    expect(errors).toEqual([
      'articles/b.md:7: tags: "nope" is not in the tag vocabulary (content/README.md)',
      'articles/b.md:23: link: "absent.md" does not lead to a document of the pack',
      "articles/b.md:23: typography: ordinary space before ':': use a no-break space (U+202F) (col 7: Texte : faux, [lien](abse…)",
      'articles/c.md:20: unique-id: id "a" is already used by articles/a.md',
    ])
    expect(out).toContain('check: 4 error(s)')
    // The library's own warnings are not printed a second time.
    expect(err).toBe('')
  })

  it('--targets makes the corpus figures errors', async () => {
    const { code, out } = await run(['--targets'], CLEAN)
    expect(code).toBe(1)
    expect(out).toMatch(/^\.: target: total words: 8; the shipped corpus needs at least 30000$/m)
    expect(out).toMatch(/^articles\/a\.md:1: target: 8 words; words of each article must be at least 1000$/m)
    expect(out).toMatch(/^MISSED\s+cahier chapters/m)
  })

  it('--json prints the whole report', async () => {
    const { code, out } = await run(['--json'], { ...CLEAN, 'articles/b.md': doc({ id: 'b' }, `L'erreur.\n${CITES}`) })
    expect(code).toBe(1)
    const report = JSON.parse(out) as { ok: boolean; issues: { path: string; line: number; rule: string }[]; stats: { total: { documents: number } } }
    expect(report.ok).toBe(false)
    expect(report.issues).toEqual([expect.objectContaining({ path: 'articles/b.md', line: 23, rule: 'typography' })])
    expect(report.stats.total.documents).toBe(2)
  })
})
