/**
 * Child-process half of the serialisation round-trip test: loads a search index file in a fresh
 * process and prints the results of the given queries as JSON. With `--raw-lunr` it calls
 * `lunr.Index.load` on it without registering the French pipeline first, to show that it must be.
 */
import { readFileSync } from 'node:fs'
import lunr from 'lunr'
import { FrenchIndex, toLunrJson } from '../search/french-index'
import type { StoredIndex } from '../search/index-format'
import { searchIndex } from '../search/index-search'
import { parseQuery } from '../../shared/search/query'

const [file, ...rest] = process.argv.slice(2)
const stored = JSON.parse(readFileSync(file!, 'utf8')) as StoredIndex
if (rest[0] === '--raw-lunr') {
  try {
    lunr.Index.load(toLunrJson(stored.index))
    process.stdout.write('loaded\n')
  } catch (e) {
    process.stdout.write(`error: ${(e as Error).message}\n`)
  }
} else {
  const index = FrenchIndex.load(stored)
  const filter = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }
  const out = rest.map((q) => searchIndex(index, 'library', { parsed: parseQuery(q).query, typing: false, facetFilter: filter, limit: 50 }))
  process.stdout.write(JSON.stringify(out))
}
