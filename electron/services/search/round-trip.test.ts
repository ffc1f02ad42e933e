import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { join, resolve } from 'node:path'
import { buildStoredIndex } from './build-index'
import lunr from 'lunr'
import { FrenchIndex, toLunrJson } from './french-index'
import { searchIndex } from './index-search'
import { writeIndexFile } from './index-store'
import { parseQuery } from '../../shared/search/query'
import { tempDir } from '../testing/temp-pack'
import { indexableDoc } from '../testing/indexable-doc'

const run = promisify(execFile)
const CHILD = resolve(__dirname, '..', 'testing', 'search-child.ts')
const QUERIES = ['économie sociale', '"économie sociale et solidaire"', 'coop*', 'cooperaton~1', "l'adhérent", 'titre:mutuelles -santé', 'œuvre']

const docs = [
  indexableDoc('a', 'Les coopératives et l’économie', { sections: [{ title: 'Statut', body: 'L’économie sociale et solidaire reconnaît la coopération et l’adhérent.' }] }),
  indexableDoc('b', 'Mutuelles', { sections: [{ title: 'Santé', body: 'Une mutuelle de santé ; une oeuvre commune.' }, { title: 'Histoire', body: 'Une économie fragile et une politique sociale.' }] }),
]

/** Runs the child script in a fresh Node process (TypeScript through tsx, as the CLI does). */
async function child(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: resolve(__dirname, '..', '..', '..') })
  return stdout
}

describe('serialisation round trip', () => {
  it('an index written to disk answers the same in a fresh process', async () => {
    const stored = buildStoredIndex(docs, 'round-trip', '2026-11-28T10:00:00Z')
    const file = join(await tempDir(), 'index.json')
    await writeIndexFile(file, stored)
    const here = FrenchIndex.load(stored)
    const filter = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }
    const expected = QUERIES.map((q) => searchIndex(here, 'library', { parsed: parseQuery(q).query, typing: false, facetFilter: filter, limit: 50 }))
    expect(expected.every((r) => r.hits.length > 0)).toBe(true)
    expect(JSON.parse(await child(file, ...QUERIES))).toEqual(JSON.parse(JSON.stringify(expected)))
  })

  it('is a lunr index: lunr.Index.load reads it and lunr’s own search finds the stems', () => {
    const stored = buildStoredIndex(docs, 'x', 'y')
    const index = lunr.Index.load(toLunrJson(stored.index))
    const refs = (term: string, fields?: string[]): string[] =>
      index.query((q) => q.term(term, fields ? { fields, usePipeline: false } : { usePipeline: false })).map((r) => stored.records[Number(r.ref)]!.s).sort()
    expect(refs('cooper', ['body'])).toEqual(['statut'])
    expect(refs('econom')).toEqual(['histoire', 'statut'])
    // lunr's own query parser, through the registered French search pipeline.
    expect(index.search('+économie').map((r) => stored.records[Number(r.ref)]!.s).sort()).toEqual(['histoire', 'statut'])
  })

  it('lunr cannot load it in a process where the French pipeline is not registered', async () => {
    const file = join(await tempDir(), 'index.json')
    await writeIndexFile(file, buildStoredIndex(docs, 'x', 'y'))
    expect(await child(file, '--raw-lunr')).toMatch(/^error: Cannot load unregistered function: passerelles-normalise-fr/)
  })
})
