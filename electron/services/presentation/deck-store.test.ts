import { describe, expect, it } from 'vitest'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createContentLibrary } from '../content/content-library'
import type { ContentLibrary } from '../content/content-library'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { doc, tempDir, writePack } from '../testing/temp-pack'
import { AppFailure } from '../../shared/result'
import { createDeckStore } from './deck-store'

async function library(): Promise<ContentLibrary> {
  const dir = await writePack({
    'cahier/01.md': doc({ id: 'cahier-01', title: 'Chapitre un', kind: 'cahier', order: 1 }, '## Ouverture\n\nTexte.\n\n## Suite\n\nTexte.\n'),
    'cas/a.md': doc({ id: 'cas-a', title: 'Cas A', kind: 'cas', sources: [{ title: 's', url: 'https://a.example/' }, { title: 't', url: 'https://b.example/' }], organisation: { name: 'A', legalForm: 'SCIC', founded: '2000', website: 'https://a.example' } }, '## Qui\n\nA.\n'),
  })
  const lib = await createContentLibrary({ contentDir: dir, log: memoryLogger() })
  expect(lib.problems()).toEqual([])
  return lib
}

async function store(dataDir: string, lib: ContentLibrary, log = memoryLogger()) {
  let n = 0
  return createDeckStore({ dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log, library: lib, newId: () => `00000000-0000-4000-8000-00000000000${++n}` })
}

function rejects(p: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  return expect(p).rejects.toSatisfy((e: unknown) => e instanceof AppFailure && e.code === code && message.test(e.message))
}

describe('workshop deck store', () => {
  it('creates, renames, reorders, removes — and it survives a restart', async () => {
    const lib = await library()
    const dataDir = await tempDir()
    const s = await store(dataDir, lib)
    const d = await s.create('  Atelier du jeudi  ', [{ docId: 'cahier-01', sectionId: 'ouverture' }, { docId: 'cas-a', sectionId: null }])
    expect(d).toMatchObject({ name: 'Atelier du jeudi', items: [{ docTitle: 'Chapitre un', sectionTitle: 'Ouverture', missing: false }, { docTitle: 'Cas A', sectionTitle: '', missing: false }] })
    await s.update(d.id, { items: [{ docId: 'cas-a', sectionId: null }, { docId: 'cahier-01', sectionId: 'ouverture' }, { docId: 'cahier-01', sectionId: 'suite' }] })
    await s.update(d.id, { name: 'Atelier renommé' })
    const other = await s.create('À jeter')
    await s.remove(other.id)

    const again = await store(dataDir, lib)
    expect(again.list().problem).toBeNull()
    expect(again.list().decks.map((x) => [x.name, x.items.map((i) => `${i.docId}#${i.sectionId ?? ''}`)])).toEqual([
      ['Atelier renommé', ['cas-a#', 'cahier-01#ouverture', 'cahier-01#suite']],
    ])
    const file = JSON.parse(await readFile(join(dataDir, 'decks.json'), 'utf8')) as { schemaVersion: number }
    expect(file.schemaVersion).toBe(1)
  })

  it('refuses unknown documents and sections, empty names and unknown decks, with clear errors, saving nothing', async () => {
    const lib = await library()
    const dataDir = await tempDir()
    const s = await store(dataDir, lib)
    await rejects(s.create('X', [{ docId: 'nope', sectionId: null }]), 'not-found', /nope/)
    await rejects(s.create('X', [{ docId: 'cas-a', sectionId: 'absente' }]), 'not-found', /no section "absente"/)
    await rejects(s.create('   '), 'invalid-payload', /needs a name/)
    await rejects(s.update('00000000-0000-4000-8000-0000000000ff', { name: 'Y' }), 'not-found', /No deck/)
    expect(s.list().decks).toEqual([])
    await expect(readdir(dataDir)).resolves.toEqual([])
  })

  it('a section that disappeared from the library stays listed as missing and can still be removed', async () => {
    const lib = await library()
    const dataDir = await tempDir()
    await writeFile(join(dataDir, 'decks.json'), JSON.stringify({
      schemaVersion: 1,
      decks: [{ id: '00000000-0000-4000-8000-000000000009', name: 'Ancien', created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z',
        items: [{ docId: 'cas-a', sectionId: 'qui' }, { docId: 'cas-a', sectionId: 'disparue' }, { docId: 'doc-disparu', sectionId: null }] }],
    }))
    const s = await store(dataDir, lib)
    const [d] = s.list().decks
    expect(d!.items.map((i) => i.missing)).toEqual([false, true, true])
    // Reordering keeps the missing ones (the user has not removed them yet).
    await s.update(d!.id, { items: [d!.items[2]!, d!.items[0]!, d!.items[1]!].map(({ docId, sectionId }) => ({ docId, sectionId })) })
    const after = await s.update(d!.id, { items: [{ docId: 'cas-a', sectionId: 'qui' }] })
    expect(after.items.map((i) => i.missing)).toEqual([false])
  })

  const BAD_FILES: [string, string, RegExp][] = [
    ['not JSON', '{ "schemaVersion": 1, "decks": [', /not JSON/],
    ['empty', '', /empty/],
    ['from a newer version', JSON.stringify({ schemaVersion: 2, decks: [] }), /unknown version \(2\)/],
    ['without a list of decks', JSON.stringify({ schemaVersion: 1 }), /no list of decks/],
    ['with an invalid deck', JSON.stringify({ schemaVersion: 1, decks: [{ id: 'x', name: '' }] }), /deck 1 is invalid/],
  ]
  for (const [name, content, reason] of BAD_FILES) {
    it(`a decks.json ${name} is moved aside untouched and reported`, async () => {
      const lib = await library()
      const dataDir = await tempDir()
      await writeFile(join(dataDir, 'decks.json'), content)
      const log = memoryLogger()
      const s = await store(dataDir, lib, log)
      const { decks, problem } = s.list()
      expect(decks).toEqual([])
      expect(problem).toMatch(reason)
      const files = await readdir(dataDir)
      const aside = files.find((f) => f.startsWith('decks.json.corrupt-'))
      expect(aside).toBeDefined()
      expect(problem).toContain(aside!)
      expect(await readFile(join(dataDir, aside!), 'utf8')).toBe(content)
      expect(log.entries.some((e) => e.level === 'warn' && reason.test(e.message))).toBe(true)
      // The store still works, and writes a fresh file.
      await s.create('Nouveau')
      expect(JSON.parse(await readFile(join(dataDir, 'decks.json'), 'utf8'))).toMatchObject({ decks: [{ name: 'Nouveau' }] })
    })
  }

  it('valid decks next to an invalid one are kept; the original file is kept aside', async () => {
    const lib = await library()
    const dataDir = await tempDir()
    const good = { id: '00000000-0000-4000-8000-000000000007', name: 'Bon', created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', items: [{ docId: 'cas-a', sectionId: null }] }
    const content = JSON.stringify({ schemaVersion: 1, decks: [good, { ...good, id: 'pas-un-uuid' }, good] })
    await writeFile(join(dataDir, 'decks.json'), content)
    const s = await store(dataDir, lib)
    expect(s.list().decks.map((d) => d.name)).toEqual(['Bon'])
    expect(s.list().problem).toMatch(/deck 2 is invalid.*deck 3 repeats the id.*1 valid deck\(s\) were kept/)
    expect(JSON.parse(await readFile(join(dataDir, 'decks.json'), 'utf8'))).toMatchObject({ decks: [{ name: 'Bon' }] })
    const aside = (await readdir(dataDir)).find((f) => f.startsWith('decks.json.corrupt-'))!
    expect(await readFile(join(dataDir, aside), 'utf8')).toBe(content)
  })
})
