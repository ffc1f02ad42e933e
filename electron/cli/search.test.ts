import { describe, expect, it } from 'vitest'
import { main } from './main'
import { doc, tempDir, writePack } from '../services/testing/temp-pack'
import { createServices } from '../services/services'
import { fixedClock } from '../services/platform/clock'
import { memoryLogger } from '../services/platform/log'
import { recordingOpener } from '../services/platform/external-opener'

function capture(): { io: { out: { write(s: string): void }; err: { write(s: string): void } }; out: () => string; err: () => string } {
  let out = ''
  let err = ''
  return { io: { out: { write: (s) => void (out += s) }, err: { write: (s) => void (err += s) } }, out: () => out, err: () => err }
}

const pack = (): Promise<string> =>
  writePack({
    'a.md': doc({ id: 'doc-a', title: 'Les coopératives' }, '## Statut\n\nUne coopérative d’intérêt collectif.\n\n## Histoire\n\nL’économie sociale et solidaire.\n'),
    'b.md': doc({ id: 'doc-b', title: 'Mutuelles' }, '## Santé\n\nUne mutuelle et une coopérative.\n'),
  })

describe('cli search', () => {
  it('--json prints ranked sections with docId, sectionId, title, score and snippet', async () => {
    const c = capture()
    expect(await main(['search', 'coopérative', '--json', '--content-dir', await pack(), '--data-dir', await tempDir()], c.io)).toBe(0)
    const out = JSON.parse(c.out()) as { total: { sections: number }; results: { docId: string; sectionId: string; title: string; score: number; snippet: { text: string; marks: number[][] } }[] }
    expect(out.results.map((r) => [r.docId, r.sectionId])).toEqual([['doc-a', 'statut'], ['doc-b', 'sante']])
    expect(out.results[0]).toMatchObject({ title: 'Les coopératives', snippet: { text: 'Une coopérative d’intérêt collectif.', marks: [[4, 15]] } })
    expect(out.results[0]!.score).toBeGreaterThan(out.results[1]!.score)
  })

  it('prints a table with the marked words, and honours --limit', async () => {
    const c = capture()
    expect(await main(['search', 'économie', '--limit', '1', `--content-dir=${await pack()}`, '--data-dir', await tempDir()], c.io)).toBe(0)
    expect(c.out()).toMatch(/^docId\s+where\s+score\s+title\s+snippet/)
    expect(c.out()).toContain('L’⟨économie⟩ sociale et solidaire.')
    expect(c.out()).toMatch(/1 section\(s\) and 0 note\(s\) in 1 document\(s\)/)
  })

  it('finds the notes of the data dir too (in:notes, couleur:), with their annotation id', async () => {
    const content = await pack()
    const dataDir = await tempDir()
    const s = await createServices({ contentDir: content, dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test' })
    const text = s.library.get('doc-b').text
    const start = text.indexOf('une coopérative')
    const made = await s.annotations.create({ docId: 'doc-b', start, end: start + 15, color: 'blue', note: 'Comparer avec la fédération.', tags: [] })
    await s.close()
    const c = capture()
    expect(await main(['search', 'fédération couleur:question', '--json', '--content-dir', content, '--data-dir', dataDir], c.io)).toBe(0)
    const out = JSON.parse(c.out()) as { total: { bySource: Record<string, number> }; results: { docId: string; annotationId: string | null }[] }
    expect(out.results).toEqual([expect.objectContaining({ docId: 'doc-b', annotationId: made.annotation.id })])
    expect(out.total.bySource).toEqual({ library: 0, annotations: 1, answers: 0 })
    const table = capture()
    expect(await main(['search', 'fédération', '--content-dir', content, '--data-dir', dataDir], table.io)).toBe(0)
    expect(table.out()).toContain(`note ${made.annotation.id.slice(0, 8)}`)
    expect(table.out()).toMatch(/0 section\(s\) and 1 note\(s\) in 1 document\(s\)/)
    const unknown = capture()
    expect(await main(['search', 'fédération couleur:fuchsia', '--content-dir', content, '--data-dir', dataDir], unknown.io)).toBe(0)
    expect(unknown.err()).toMatch(/notice: unknown-color near "couleur:fuchsia": no colour has this name/)
  })

  it('says on stderr when a query was read as plain words', async () => {
    const c = capture()
    expect(await main(['search', '"mutuelle', '--content-dir', await pack(), '--data-dir', await tempDir()], c.io)).toBe(0)
    expect(c.err()).toMatch(/notice: unclosed-quote/)
    expect(c.out()).toContain('doc-b')
  })

  it.each([
    [['search'], /needs a query/],
    [['search', 'x', '--limit', 'zero'], /--limit needs a whole number/],
    [['search', 'x', '--limit', '0'], /--limit needs a whole number/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const c = capture()
    expect(await main([...argv, '--content-dir', await pack(), '--data-dir', await tempDir()], c.io)).toBe(2)
    expect(c.err()).toMatch(message)
  })
})

describe('cli index', () => {
  it('writes the prebuilt index next to the content, which the app then loads without rebuilding', async () => {
    const content = await pack()
    const c = capture()
    expect(await main(['index', '--content-dir', content, '--data-dir', await tempDir()], c.io)).toBe(0)
    expect(c.out()).toMatch(/2 document\(s\), 3 section\(s\), \d+ word\(s\): \d+ kB written to .*search-index\.json/)
    const s = await createServices({ contentDir: content, dataDir: await tempDir(), clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test' })
    await s.search.ready()
    expect(s.search.status()).toMatchObject({ state: 'ready', origin: 'prebuilt', documents: 2, sections: 3 })
  })
})
