/**
 * One measurement of the imported documents' search (mine-search.bench.ts), in its own fresh
 * process; prints `RESULT {json}` last:
 *
 *   build <data dir> <docs>   index the generated corpus as « Mes documents » (mine-index.ts),
 *                             segments written to the data dir: build time, size on disk
 *   start <data dir> <docs>   start-up to « search ready » from what `build` left (longest event-loop
 *                             stall meanwhile), query rounds, then one 10,000-word document added:
 *                             time to the first search that finds it, and what was indexed for it
 */
import { readdir, readFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseQuery } from '../../../electron/shared/search/query'
import { createMineIndex, mineIndexDir } from '../../../electron/services/search/mine-index'
import { memoryLogger } from '../../../electron/services/platform/log'
import { indexableLibrary } from '../../../electron/services/testing/indexable-library'
import { indexableDoc } from '../../../electron/services/testing/indexable-doc'
import { corpusBytes, generateCorpus } from './corpus'
import { QUERIES } from './queries'
import { cpuMs } from './results'
import { timeQueries } from './time-queries'

const NONE = { kinds: [], excludedKinds: [], tags: [], excludedTags: [] }

function emit(result: unknown): void {
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`)
}

/** Every file of the index (segments and manifest): bytes on disk, and once the segments are gunzipped. */
async function bytesOnDisk(dataDir: string): Promise<{ bytes: number; rawBytes: number; files: number }> {
  const dir = mineIndexDir(dataDir)
  const names = await readdir(dir)
  let bytes = 0
  let rawBytes = 0
  for (const n of names) {
    const data = await readFile(join(dir, n))
    bytes += data.length
    rawBytes += n.endsWith('.gz') ? gunzipSync(data).length : data.length
  }
  return { bytes, rawBytes, files: names.length }
}

async function build(dataDir: string, docs: number): Promise<void> {
  const corpus = generateCorpus(docs)
  const library = indexableLibrary(corpus)
  const c = cpuMs()
  const t = performance.now()
  const mine = createMineIndex({ documents: library, dataDir, log: memoryLogger() })
  const set = await mine.current()
  emit({ buildMs: performance.now() - t, buildCpuMs: cpuMs() - c, ...(await bytesOnDisk(dataDir)), segments: set.all().length, corpusBytes: corpusBytes(corpus), textChars: corpus.reduce((n, d) => n + d.text.length, 0), stats: mine.stats() })
}

/** A 10,000-word document made of the corpus's own sentences, with one word found nowhere else. */
function tenThousandWords(): ReturnType<typeof indexableDoc> {
  const words = generateCorpus(40, 7).flatMap((d) => d.text.split(/\s+/u)).filter(Boolean)
  const sections = Array.from({ length: 20 }, (_, i) => ({ title: `Partie ${i + 1}`, body: words.slice(i * 500, (i + 1) * 500).join(' ') }))
  sections[13] = { ...sections[13]!, body: `${sections[13]!.body} Le mot xylocoopération n’existe qu’ici.` }
  return indexableDoc('nouveau-10000-mots', 'Un nouveau rapport', { sections })
}

async function start(dataDir: string, docs: number): Promise<void> {
  const library = indexableLibrary(generateCorpus(docs))
  const added = tenThousandWords()
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const c = cpuMs()
  const t = performance.now()
  const mine = createMineIndex({ documents: library, dataDir, log: memoryLogger() })
  const set = await mine.current()
  const readyMs = performance.now() - t
  const readyCpuMs = cpuMs() - c
  delay.disable()
  const startStats = mine.stats()
  const search = (q: string, limit: number, typing = false): ReturnType<typeof set.search> => set.search({ parsed: parseQuery(q).query, typing, facetFilter: NONE, limit }, 'library')
  const timings = timeQueries({ search: (q, limit) => search(q, limit) }, QUERIES, Number(process.env.BENCH_SEARCH_BUDGET_MS ?? 4000))
  const typing = timeQueries({ search: (q, limit) => search(q, limit, true) }, QUERIES, Number(process.env.BENCH_SEARCH_BUDGET_MS ?? 4000) / 2)
  // One 10,000-word document added: the first search that finds it (sync, index it, search).
  const before = mine.stats()
  library.put(added)
  mine.invalidate()
  const c2 = cpuMs()
  const t2 = performance.now()
  const now = await mine.current()
  const hits = now.search({ parsed: parseQuery('xylocoopération').query, typing: false, facetFilter: NONE, limit: 20 }, 'library').hits
  const addedMs = performance.now() - t2
  const addedCpuMs = cpuMs() - c2
  const after = mine.stats()
  emit({
    readyMs, readyCpuMs, stallMs: delay.max / 1e6, startStats, timings, typing,
    addedMs, addedCpuMs, addedFound: hits.some((h) => h.docId === added.id), addedWords: added.text.split(/\s+/u).length,
    addedIndexed: after.built - before.built, addedMerged: after.merged - before.merged,
  })
}

async function main(): Promise<void> {
  const [mode, dataDir, docs] = process.argv.slice(2)
  if (mode === 'build') await build(dataDir!, Number(docs))
  else if (mode === 'start') await start(dataDir!, Number(docs))
  else throw new Error(`unknown mode ${mode}`)
}

void main()
