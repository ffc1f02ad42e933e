import { describe, expect, it } from 'vitest'
import { createContentLibrary } from './content-library'
import { memoryLogger } from '../platform/log'
import { doc, writePack } from '../testing/temp-pack'
import { AppFailure } from '../../shared/result'
import { join } from 'node:path'

describe('content library', () => {
  it('lists documents in library order with word counts and hashes', async () => {
    const dir = await writePack({
      'cas/b.md': doc({ id: 'cas-b', kind: 'cas', title: 'B', organisation: { name: 'B', legalForm: 'SCIC', founded: '2010', website: 'https://b.example.org' } }),
      'cahier/02.md': doc({ id: 'ch-2', kind: 'cahier', order: 2, title: 'Deux' }),
      'cahier/01.md': doc({ id: 'ch-1', kind: 'cahier', order: 1, title: 'Un' }, 'Un deux trois quatre.\n'),
      'articles/a.md': doc({ id: 'art-a', title: 'A' }),
      'README.md': '# not a document',
    })
    const lib = await createContentLibrary({ contentDir: dir, log: memoryLogger() })
    expect(lib.list().map((d) => d.id)).toEqual(['ch-1', 'ch-2', 'art-a', 'cas-b'])
    const ch1 = lib.list()[0]!
    expect(ch1).toMatchObject({ path: 'cahier/01.md', wordCount: 4, readingMinutes: 1 })
    expect(ch1.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(lib.problems()).toEqual([])
  })

  it('reports broken files with path and line, and keeps the rest', async () => {
    const log = memoryLogger()
    const dir = await writePack({
      'ok.md': doc({ id: 'ok' }),
      'no-front-matter.md': 'Juste du texte.',
      'bad-yaml.md': '---\ntitle: [unclosed\nid: x\n---\nTexte',
      'bad-schema.md': doc({ id: 'Not Kebab', tags: [] }),
      'zz-dup.md': doc({ id: 'ok' }),
    })
    const lib = await createContentLibrary({ contentDir: dir, log })
    expect(lib.list().map((d) => d.id)).toEqual(['ok'])
    const problems = lib.problems()
    expect(problems.find((p) => p.path === 'no-front-matter.md')?.message).toMatch(/no front matter/)
    expect(problems.find((p) => p.path === 'bad-yaml.md')?.message).toMatch(/broken front matter/)
    const schema = problems.filter((p) => p.path === 'bad-schema.md').map((p) => p.message)
    expect(schema.join('\n')).toMatch(/id: must be kebab-case/)
    expect(schema.join('\n')).toMatch(/tags/)
    expect(problems.find((p) => p.path === 'zz-dup.md')?.message).toMatch(/duplicate id "ok"/)
    expect(log.entries.filter((e) => e.level === 'warn').length).toBe(problems.length)
  })

  it('renders a document: sanitised HTML, its text and section map', async () => {
    const body = [
      'Intro.',
      '',
      '## Économie sociale',
      '',
      'Voir [Mobicoop](../cas/m.md#gouvernance) et [le site](https://example.org/).[^1] Encore[^1].',
      '',
      '<script>alert(1)</script><img src=x onerror="alert(1)">',
      '',
      '## Économie sociale',
      '',
      '![carte](https://tracker.example/pixel.png)',
      '',
      '[^1]: Une note.',
    ].join('\n')
    const dir = await writePack({ 'articles/a.md': doc({ id: 'a' }, body), 'cas/m.md': doc({ id: 'm' }) })
    const lib = await createContentLibrary({ contentDir: dir, log: memoryLogger() })
    const d = lib.get('a')
    expect(d.html).not.toMatch(/<script|onerror|<img[^>]*tracker/)
    expect(d.html).toContain('data-doc="m"')
    expect(d.html).toContain('href="#/doc/m/gouvernance"')
    expect(d.html).toContain('data-external="true"')
    expect(d.html).toContain('class="remote-image"')
    expect(d.html).toMatch(/aria-label="Revenir à l’appel de note 1"[^>]*>↩<\/a>/)
    expect(d.html).toMatch(/aria-label="Revenir à l’appel 2 de la note 1"[^>]*>↩<sup>2<\/sup><\/a>/)
    const ids = d.sections.map((s) => s.id)
    expect(ids.slice(0, 3)).toEqual(['', 'economie-sociale', 'economie-sociale-2'])
    for (const s of d.sections.filter((x) => x.id)) expect(d.text.slice(s.start, s.start + s.title.length)).toBe(s.title)
    expect(d.sections.at(-1)!.end).toBe(d.text.length)
    expect(lib.get('a')).toBe(d) // cached by content hash
  })

  it('throws not-found for an unknown id', async () => {
    const lib = await createContentLibrary({ contentDir: await writePack({}), log: memoryLogger() })
    expect(() => lib.get('nope')).toThrow(AppFailure)
  })

  it('reports an unreadable content folder instead of crashing', async () => {
    const lib = await createContentLibrary({ contentDir: '/nonexistent/passerelles', log: memoryLogger() })
    expect(lib.list()).toEqual([])
    expect(lib.problems()[0]?.message).toMatch(/cannot read the content folder/)
  })
})

describe('the shipped content pack', () => {
  it('renders every document with a text whose sections start at their headings', async () => {
    const lib = await createContentLibrary({ contentDir: join(__dirname, '..', '..', '..', 'content'), log: memoryLogger() })
    expect(lib.problems()).toEqual([])
    expect(lib.list().length).toBeGreaterThan(20)
    for (const summary of lib.list()) {
      const d = lib.get(summary.id)
      expect(d.sections.length, summary.id).toBeGreaterThan(0)
      d.sections.forEach((s, i) => {
        // Sections tile the text: each one ends where the next begins, and starts with its heading.
        if (i > 0) expect(s.start, `${summary.id}#${s.id}`).toBe(d.sections[i - 1]!.end)
        if (s.id) expect(d.text.slice(s.start, s.start + s.title.length), `${summary.id}#${s.id}`).toBe(s.title)
      })
      expect(d.sections.at(-1)!.end).toBe(d.text.length)
      expect(new Set(d.sections.map((s) => s.id)).size).toBe(d.sections.length)
    }
  })
})
