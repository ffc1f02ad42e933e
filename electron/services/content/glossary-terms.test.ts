import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createContentLibrary } from './content-library'
import { memoryLogger } from '../platform/log'
import { doc, writePack } from '../testing/temp-pack'

const SHIPPED = join(__dirname, '..', '..', '..', 'content')

describe('glossary terms', () => {
  it('takes each ## heading of the glossary as a term, with its definition as plain text', async () => {
    const body = [
      'Introduction du glossaire[^1].',
      '',
      '## ESS',
      '',
      'L’économie sociale et solidaire[^1].',
      '',
      'Deuxième paragraphe.',
      '',
      '### Un sous-titre',
      '',
      'Encore.',
      '',
      '## Scop',
      '',
      'Société coopérative.',
      '',
      '[^1]: Une note.',
    ].join('\n')
    const dir = await writePack({ 'glossaire.md': doc({ id: 'glossaire', kind: 'glossaire' }, body), 'a.md': doc({ id: 'a' }) })
    const lib = await createContentLibrary({ contentDir: dir, log: memoryLogger() })
    expect(lib.glossary()).toEqual({
      docId: 'glossaire',
      terms: [
        { id: 'ess', term: 'ESS', definition: 'L’économie sociale et solidaire.\nDeuxième paragraphe.\nUn sous-titre\nEncore.' },
        { id: 'scop', term: 'Scop', definition: 'Société coopérative.' },
      ],
    })
    expect(lib.glossary()).toBe(lib.glossary())
  })

  it('is empty when the pack has no glossary', async () => {
    const lib = await createContentLibrary({ contentDir: await writePack({ 'a.md': doc({ id: 'a' }) }), log: memoryLogger() })
    expect(lib.glossary()).toEqual({ docId: null, terms: [] })
  })

  it('finds every term of the shipped glossary, each with a definition', async () => {
    const lib = await createContentLibrary({ contentDir: SHIPPED, log: memoryLogger() })
    const { docId, terms } = lib.glossary()
    expect(docId).toBe('glossaire')
    const headings = lib.source('glossaire').body.match(/^## .+$/gm) ?? []
    expect(terms.map((t) => t.term)).toEqual(headings.map((h) => h.slice(3).trim()))
    for (const t of terms) expect(t.definition.length).toBeGreaterThan(40)
    expect(terms.find((t) => t.id === 'ess')?.definition).toMatch(/économie sociale et solidaire/i)
  })
})
