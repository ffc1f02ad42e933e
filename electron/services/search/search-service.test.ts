import { describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createServices } from '../services'
import type { Services } from '../services'
import { createHandlers } from '../handlers'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { doc, tempDir, writePack } from '../testing/temp-pack'
import { indexableDoc } from '../testing/indexable-doc'
import { buildStoredIndex } from './build-index'
import { FrenchIndex } from './french-index'
import { searchIndex } from './index-search'
import { cachedIndexPath, prebuiltIndexPath, writeIndexFile } from './index-store'
import { buildLibraryIndex } from './library-source'
import type { SearchSource } from './source'
import type { SearchResponse } from '../../shared/search/types'
import { inProcessClient } from '../../shared/api/in-process'

const PACK = {
  'cas/framasoft.md': doc(
    { id: 'cas-framasoft', kind: 'cas', title: 'Framasoft', tags: ['logiciel-libre', 'associations'], organisation: { name: 'Framasoft', legalForm: 'association loi 1901', founded: '2004', website: 'https://framasoft.org' } },
    '## Qui\n\nFramasoft est une association d’éducation populaire.\n\n## Gouvernance\n\nL’association décide en collège ; la coopérative n’est pas sa forme.\n\n## Services\n\nDes services libres pour les associations.\n',
  ),
  'articles/scic.md': doc({ id: 'article-scic', title: 'La SCIC', tags: ['cooperatives'] }, '## Statut\n\nLa société coopérative d’intérêt collectif associe salariés et usagers.\n\n## Économie\n\nL’économie sociale et solidaire reconnaît la coopérative.\n'),
  'glossaire.md': doc({ id: 'glossaire', kind: 'glossaire', title: 'Glossaire', tags: ['ess'] }, '## Coopérative\n\nUne entreprise détenue par ses membres.\n\n## Mutuelle\n\nUne mutuelle de santé.\n'),
}

async function services(contentDir: string, dataDir?: string): Promise<Services> {
  return createServices({ contentDir, dataDir: dataDir ?? (await tempDir()), clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test' })
}

async function search(s: Services, q: string, more: Record<string, unknown> = {}): Promise<SearchResponse> {
  const r = await inProcessClient(createHandlers(s)).search.query({ q, ...more })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('the search service over the content library', () => {
  it('groups matching sections by document, best first, with facets', async () => {
    const s = await services(await writePack(PACK))
    const r = await search(s, 'coopérative')
    expect(r.groups.map((g) => g.docId)).toEqual(['glossaire', 'article-scic', 'cas-framasoft'])
    expect(r.groups[1]!.sections.map((x) => x.sectionId)).toEqual(['economie', 'statut'])
    expect(r.total).toEqual({ documents: 3, sections: 4, bySource: { library: 4, annotations: 0, answers: 0 } })
    expect(r.facets.kinds).toEqual([{ value: 'article', count: 1 }, { value: 'cas', count: 1 }, { value: 'glossaire', count: 1 }])
    expect(r.facets.tags.find((t) => t.value === 'cooperatives')).toEqual({ value: 'cooperatives', count: 1 })
    expect(r.notice).toBeNull()
  })

  it('facet filters narrow the results but not the facet counts', async () => {
    const s = await services(await writePack(PACK))
    const r = await search(s, 'coopérative', { kinds: ['cas', 'glossaire'] })
    expect(r.groups.map((g) => g.docId).sort()).toEqual(['cas-framasoft', 'glossaire'])
    expect(r.facets.kinds.reduce((n, f) => n + f.count, 0)).toBe(3)
    const byTag = await search(s, 'coopérative', { tags: ['logiciel-libre'] })
    expect(byTag.groups.map((g) => g.docId)).toEqual(['cas-framasoft'])
  })

  it('limits sections per document and counts the others', async () => {
    const s = await services(await writePack(PACK))
    const r = await search(s, 'association', { perDocument: 1 })
    const g = r.groups.find((x) => x.docId === 'cas-framasoft')!
    expect(g.sections).toHaveLength(1)
    expect(g.moreSections).toBe(2)
  })

  it('a query it cannot read is searched as plain words, with a notice', async () => {
    const s = await services(await writePack(PACK))
    const r = await search(s, '"coopérative d’intérêt')
    expect(r.notice).toEqual({ code: 'unclosed-quote', near: '"coopérative d’intérêt' })
    expect(r.groups.map((g) => g.docId)).toEqual(['article-scic'])
  })

  it.each([
    ['de la', 'stop-words-only'],
    ['-brevet', 'nothing-to-search'],
  ])('%j finds nothing and says why (%s)', async (q, code) => {
    const s = await services(await writePack(PACK))
    const r = await search(s, q)
    expect(r.groups).toEqual([])
    expect(r.notice?.code).toBe(code)
  })

  it('when nothing is found, proposes variants that find something, with counts', async () => {
    const s = await services(await writePack(PACK))
    const r = await search(s, 'cooperatve')
    expect(r.total.sections).toBe(0)
    expect(r.suggestions.map((x) => [x.kind, x.query])).toEqual([
      ['spelling', 'cooperative'],
      ['fuzzy', 'cooperatve~1'],
    ])
    expect(r.suggestions.every((x) => x.count > 0)).toBe(true)
    const phrase = await search(s, '"coopérative économie"')
    expect(phrase.suggestions).toContainEqual(expect.objectContaining({ kind: 'relaxed', query: 'coopérative économie' }))
  })

  it('locates matches in a document’s rendered text, and refuses an unknown document', async () => {
    const s = await services(await writePack(PACK))
    const api = inProcessClient(createHandlers(s))
    const r = await api.search.locate({ q: 'coopérative', docId: 'article-scic' })
    if (!r.ok) throw new Error(r.error.message)
    const text = s.library.get('article-scic').text
    const ranges = r.value.ranges
    expect(ranges.map((x) => text.slice(x.start, x.end))).toEqual(['coopérative', 'coopérative'])
    expect(await api.search.locate({ q: 'x', docId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await api.search.query({ q: 'x', limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  })

  it('merges hits of several sources by score', async () => {
    const s = await services(await writePack(PACK))
    const notes = FrenchIndex.load(buildStoredIndex([indexableDoc('glossaire', 'Glossaire', { sections: [{ title: 'Ma note', body: 'La coopérative, la coopérative, toujours la coopérative.' }] })], 'notes', 'now'))
    const annotations: SearchSource = { id: 'annotations', ready: async () => undefined, search: async (q) => searchIndex(notes, 'annotations', q) }
    s.search.addSource(annotations)
    const r = await search(s, 'coopérative')
    const all = r.groups.flatMap((g) => g.sections)
    expect(all.map((x) => x.source)).toContain('annotations')
    const scores = r.groups.map((g) => g.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(r.total.sections).toBe(5)
  })
})

describe('where the index comes from', () => {
  it('builds it when there is none, then reuses the cache, and rebuilds when the content changes', async () => {
    const pack = await writePack(PACK)
    const dataDir = await tempDir()
    const first = await services(pack, dataDir)
    expect(first.search.status().state).toBe('idle')
    await first.search.ready()
    expect(first.search.status()).toMatchObject({ state: 'ready', origin: 'built', documents: 3 })
    expect(JSON.parse(await readFile(cachedIndexPath(dataDir), 'utf8'))).toMatchObject({ format: expect.any(Number) })

    const second = await services(pack, dataDir)
    await second.search.ready()
    expect(second.search.status().origin).toBe('cache')

    await writeFile(join(pack, 'glossaire.md'), doc({ id: 'glossaire', kind: 'glossaire', title: 'Glossaire', tags: ['ess'] }, '## Sociocratie\n\nDécider par consentement.\n'))
    const third = await services(pack, dataDir)
    expect((await search(third, 'sociocratie')).total.sections).toBe(1)
    expect(third.search.status().origin).toBe('built')
  })

  it('prefers the prebuilt index next to the content', async () => {
    const pack = await writePack(PACK)
    const builder = await services(pack)
    await writeIndexFile(prebuiltIndexPath(pack), await buildLibraryIndex(builder.library, fixedClock('2026-11-28T10:00:00Z')))
    const s = await services(pack)
    await s.search.ready()
    expect(s.search.status()).toMatchObject({ origin: 'prebuilt', documents: 3 })
    expect(s.search.status().loadMs).toBeGreaterThan(0)
  })

  it('rebuilds over an unreadable index file instead of failing', async () => {
    const pack = await writePack(PACK)
    await writeFile(prebuiltIndexPath(pack), '{"format": 1, "trunc')
    const dataDir = await tempDir()
    const s = await services(pack, dataDir)
    expect((await search(s, 'mutuelle')).groups.map((g) => g.docId)).toEqual(['glossaire'])
    expect(s.search.status().origin).toBe('built')
  })
})
