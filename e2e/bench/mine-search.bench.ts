/**
 * « Mes documents » in the search (issue #17, item 5 and its targets): the generated 1,000-document
 * French corpus (search/corpus.ts, the one the issue's figures were measured on) indexed as
 * imported documents (mine-index.ts: segments on disk), side by side with MiniSearch on the same
 * documents (search/worker.ts's MiniSearch set-up). Each figure comes from a fresh process:
 *
 *   - build time and index size on disk (ours: every file the index needs — the gzipped segment
 *     files, which hold the sections' text for snippets and phrases, and the manifest; MiniSearch:
 *     its JSON, which holds no text; also gzipped at the same level, for a fair comparison both
 *     ways), both against MiniSearch and against the issue's baseline (one lunr index: 25.9 MB,
 *     14.5 s; MiniSearch 3.5 MB, 3.6 s; p95 3.5 ms against 1.4 ms);
 *   - start-up to « search ready » from the files (nothing indexed), the longest event-loop stall;
 *   - query p95 (52 queries, top 20 with snippets), and in typing mode (the palette);
 *   - after adding one 10,000-word document, the first search that finds it;
 *   - importing a 100,000-word PDF and a 10,000-word DOCX (documents service, generated inputs).
 * BENCH_MINE_DOCS (default 1000) and BENCH_SEARCH_BUDGET_MS narrow a run. Noisy machine: compare
 * ratios; CPU times are given next to wall times.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDocumentsService } from '../../electron/services/documents/documents-service'
import { systemClock } from '../../electron/services/platform/clock'
import { memoryLogger } from '../../electron/services/platform/log'
import type { BenchResult } from './types'
import { bundleWorker, REPO, runWorker } from './search/bundle'
import { makeLongDocx, makeLongPdf, proseWords } from './search/long-files'
import { mb, ms, percentile, table } from './search/results'
import type { BuildResult, LoadResult, QueryTimings } from './search/results'

const OUT = join(REPO, 'e2e', '.artifacts', 'bench')
const MINE_WORKER = join(OUT, 'mine-worker.cjs')
const SEARCH_WORKER = join(OUT, 'search-worker.cjs')

/** The figures, measured before this work on the same generated corpus. */
const BASELINE = { lunrBytes: 25.9e6, lunrBuildMs: 14_500, lunrP95: 3.5, miniBytes: 3.5e6, miniBuildMs: 3_600, miniP95: 1.4 }

interface MineBuild {
  readonly buildMs: number
  readonly buildCpuMs: number
  readonly bytes: number
  /** The same files with the segments gunzipped. */
  readonly rawBytes: number
  readonly files: number
  readonly segments: number
  readonly corpusBytes: number
  readonly textChars: number
}

interface MineStart {
  readonly readyMs: number
  readonly readyCpuMs: number
  readonly stallMs: number
  readonly startStats: { built: number; merged: number; loaded: number }
  readonly timings: QueryTimings
  readonly typing: QueryTimings
  readonly addedMs: number
  readonly addedCpuMs: number
  readonly addedFound: boolean
  readonly addedWords: number
  readonly addedIndexed: number
  readonly addedMerged: number
}

function log(message: string): void {
  process.stderr.write(`[bench:mine-search] ${message}\n`)
}

async function importTime(name: string, data: Uint8Array): Promise<{ ms: number; ok: boolean; words: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'passerelles-bench-import-'))
  try {
    const documents = await createDocumentsService({ dataDir, clock: systemClock, log: memoryLogger() })
    const t = performance.now()
    const report = await documents.importFiles([{ name, data }])
    const took = performance.now() - t
    const item = report.items[0]
    const doc = documents.library.list()[0]
    return { ms: took, ok: item?.ok === true, words: doc?.wordCount ?? 0 }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchResult[]> {
  const docs = Number(process.env.BENCH_MINE_DOCS ?? 1000)
  const load = [loadavg()[0]!.toFixed(1)]
  await bundleWorker(join(__dirname, 'search', 'mine-worker.ts'), MINE_WORKER)
  await bundleWorker(join(__dirname, 'search', 'worker.ts'), SEARCH_WORKER)
  const dir = await mkdtemp(join(tmpdir(), 'passerelles-bench-mine-'))
  let ours: MineBuild, started: MineStart, mini: BuildResult, miniLoad: LoadResult, miniGzipped: number
  try {
    log(`ours: index ${docs} documents`)
    ours = await runWorker<MineBuild>(MINE_WORKER, 'build', join(dir, 'data'), String(docs))
    log(`ours: built in ${ms(ours.buildMs)}, ${mb(ours.bytes)}; start-up, queries, one document added`)
    started = await runWorker<MineStart>(MINE_WORKER, 'start', join(dir, 'data'), String(docs))
    const miniFile = join(dir, 'minisearch.json')
    log('MiniSearch: build')
    mini = await runWorker<BuildResult>(SEARCH_WORKER, 'build', 'minisearch', String(docs), miniFile)
    miniLoad = await runWorker<LoadResult>(SEARCH_WORKER, 'load', 'minisearch', miniFile, 'queries')
    const miniJson = await readFile(miniFile)
    if (miniJson.length !== mini.bytes) throw new Error('MiniSearch file size differs from its serialised size')
    // The level our segment files are written at (mine-index.ts).
    miniGzipped = gzipSync(miniJson, { level: 1 }).length
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  log('imports: 100,000-word PDF, 10,000-word DOCX')
  const pdf = await importTime('rapport-long.pdf', makeLongPdf('Rapport long', proseWords(100_000)))
  const docx = await importTime('compte-rendu.docx', makeLongDocx('Compte rendu', proseWords(10_000)))
  load.push(loadavg()[0]!.toFixed(1))

  const t = started.timings
  const mt = miniLoad.timings!
  const p95 = percentile(t.all, 95)
  const miniP95 = percentile(mt.all, 95)
  const rows: string[][] = [
    ['index on disk (ours gzipped, with the text; MiniSearch JSON)', mb(ours.bytes), mb(mini.bytes), `${(ours.bytes / mini.bytes).toFixed(2)}× (target ≤ 2×)`, `${(ours.bytes / BASELINE.lunrBytes).toFixed(2)}× of 25.9 MB`],
    ['index, both gzipped (level 1)', mb(ours.bytes), mb(miniGzipped), `${(ours.bytes / miniGzipped).toFixed(2)}×`, ''],
    ['index, neither gzipped', mb(ours.rawBytes), mb(mini.bytes), `${(ours.rawBytes / mini.bytes).toFixed(2)}×`, ''],
    ['build', ms(ours.buildMs), ms(mini.buildMs), `${(ours.buildMs / mini.buildMs).toFixed(2)}× (target ≤ 1.5×)`, `${(ours.buildMs / BASELINE.lunrBuildMs).toFixed(2)}× of 14.5 s`],
    ['build, CPU', ms(ours.buildCpuMs), ms(mini.buildCpuMs), `${(ours.buildCpuMs / mini.buildCpuMs).toFixed(2)}×`, ''],
    ['search p95, wall', ms(p95), ms(miniP95), `${(p95 / miniP95).toFixed(2)}× (target < 16 ms)`, `${(p95 / BASELINE.lunrP95).toFixed(2)}× of 3.5 ms`],
    ['search p95, CPU', ms(percentile(t.cpu, 95)), ms(percentile(mt.cpu, 95)), `${(percentile(t.cpu, 95) / percentile(mt.cpu, 95)).toFixed(2)}×`, ''],
    ['search p50, wall', ms(percentile(t.all, 50)), ms(percentile(mt.all, 50)), '', ''],
    ['palette (typing) p95, wall', ms(percentile(started.typing.all, 95)), '', '', ''],
    ['start-up to search ready', ms(started.readyMs), ms(miniLoad.loadMs), `target < 1 s; CPU ${ms(started.readyCpuMs)}`, `indexed at start: ${started.startStats.built}`],
    ['longest event-loop stall at start-up', ms(started.stallMs), '', '', ''],
    [`add one ${started.addedWords.toLocaleString('en-GB')}-word document → first search finding it`, ms(started.addedMs), '', `target < 300 ms; CPU ${ms(started.addedCpuMs)}; found: ${started.addedFound}`, `documents indexed for it: ${started.addedIndexed} (+${started.addedMerged} merged)`],
    ['import 100,000-word PDF', ms(pdf.ms), '', `target < 5 s; ok: ${pdf.ok}, ${pdf.words} words`, ''],
    ['import 10,000-word DOCX', ms(docx.ms), '', `target < 1 s; ok: ${docx.ok}, ${docx.words} words`, ''],
  ]
  const text = [
    `${docs.toLocaleString('en-GB')} generated documents (${mb(ours.corpusBytes)} as JSON, ${(ours.textChars / 1e6).toFixed(2)} M characters of text), ${ours.segments} segments in ${ours.files} files (ours on disk: every file the index needs, the segments gzipped with the sections' text that snippets are cut from, ${mb(ours.rawBytes)} gunzipped; MiniSearch keeps no text). Load average ${load.join(' / ')} on ${cpus().length} cores.`,
    table(['measure', 'ours (segments)', 'MiniSearch', 'ours ÷ MiniSearch', 'ours ÷ issue baseline (one lunr index)'], rows),
  ].join('\n')
  process.stdout.write(`\n### Imported documents\n${text}\n`)
  await writeFile(join(OUT, 'mine-search-report.md'), `${text}\n`)

  return [
    { name: `${docs} docs: index on disk (ours)`, value: ours.bytes / 1e6, unit: 'MB', target: (2 * mini.bytes) / 1e6, detail: { miniSearchMB: mini.bytes / 1e6, ratioToMiniSearch: ours.bytes / mini.bytes, miniSearchGzippedMB: miniGzipped / 1e6, ratioToMiniSearchGzipped: ours.bytes / miniGzipped, oursGunzippedMB: ours.rawBytes / 1e6, ratioToBaseline: ours.bytes / BASELINE.lunrBytes, segments: ours.segments } },
    { name: `${docs} docs: build (ours)`, value: ours.buildMs, unit: 'ms', target: 1.5 * mini.buildMs, detail: { cpuMs: ours.buildCpuMs, miniSearchMs: mini.buildMs, miniSearchCpuMs: mini.buildCpuMs, ratioCpu: ours.buildCpuMs / mini.buildCpuMs, ratioToMiniSearch: ours.buildMs / mini.buildMs, ratioToBaseline: ours.buildMs / BASELINE.lunrBuildMs } },
    { name: `${docs} docs: search p95, wall (ours, top 20 + snippets)`, value: p95, unit: 'ms', target: 16, detail: { p50: percentile(t.all, 50), p99: percentile(t.all, 99), cpuP95: percentile(t.cpu, 95), miniSearchP95: miniP95, ratioToMiniSearch: p95 / miniP95, ratioToBaseline: p95 / BASELINE.lunrP95, samples: t.samples } },
    { name: `${docs} docs: palette (typing) p95, wall`, value: percentile(started.typing.all, 95), unit: 'ms', target: 16 },
    { name: `${docs} docs: start-up to search ready`, value: started.readyMs, unit: 'ms', target: 1000, detail: { cpuMs: started.readyCpuMs, longestStallMs: started.stallMs, indexedAtStart: started.startStats.built, loaded: started.startStats.loaded } },
    { name: 'add one 10,000-word document: first search finding it', value: started.addedMs, unit: 'ms', target: 300, detail: { cpuMs: started.addedCpuMs, found: String(started.addedFound), documentsIndexed: started.addedIndexed, merged: started.addedMerged } },
    { name: 'import a 100,000-word PDF', value: pdf.ms, unit: 'ms', target: 5000, detail: { ok: String(pdf.ok), words: pdf.words } },
    { name: 'import a 10,000-word DOCX', value: docx.ms, unit: 'ms', target: 1000, detail: { ok: String(docx.ok), words: docx.words } },
  ]
}
