/**
 * `npm run bench:search`: our search against plain lunr + lunr-languages, MiniSearch and a linear
 * scan, on the same generated French corpora (100, 1,000 and 5,000 documents) and the same 52
 * queries, plus the shipped pack. BENCH_SEARCH_SIZES=100,1000, BENCH_SEARCH_ENGINES=ours,minisearch
 * and BENCH_SEARCH_BUDGET_MS (query time per engine and size, default 4000) narrow a run. Every figure comes from a fresh
 * `node --expose-gc` process (search/worker.ts) run one at a time: build, serialised size raw and
 * gzip, load (median of several processes), heap after load, query p50/p95/p99, quality probes.
 *
 * The worker is bundled first with esbuild (the compiler tsx itself uses) WITHOUT keepNames: tsx
 * wraps every named closure in a `__name()` call, a cost that only our TypeScript engine would
 * pay; the app's production build (rolldown) does not add it either.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { BenchResult } from './types'
import { ENGINES } from './search/engines'
import type { EngineName } from './search/engines'
import { PROBES } from './search/probes'
import { QUERY_KINDS } from './search/queries'
import { mb, median, ms, percentile, table } from './search/results'
import { bundleWorker, REPO, runWorker } from './search/bundle'
import type { BuildResult, LoadResult, QueryTimings } from './search/results'

const exec = promisify(execFile)
const OUT = join(REPO, 'e2e', '.artifacts', 'bench')
const WORKER = join(OUT, 'search-worker.cjs')
const SHIPPED = join(REPO, 'content')

async function worker<T>(...args: string[]): Promise<T> {
  return runWorker<T>(WORKER, ...args)
}

interface Measured {
  readonly engine: EngineName
  readonly size: number | 'shipped'
  readonly build: BuildResult | null
  /** Load time of each fresh process (wall, CPU). */
  readonly loads: readonly number[]
  readonly loadsCpu: readonly number[]
  readonly main: LoadResult
}

function log(message: string): void {
  process.stderr.write(`[bench:search] ${message}\n`)
}

async function measure(engine: EngineName, size: number, dir: string): Promise<Measured> {
  const file = join(dir, `${engine}-${size}.json`)
  log(`${engine} ${size} docs: build`)
  const build = await worker<BuildResult>('build', engine, String(size), file)
  log(`${engine} ${size} docs: built in ${ms(build.buildMs)}, ${mb(build.bytes)}; load and query`)
  const main = await worker<LoadResult>('load', engine, file, 'queries')
  const extra = size >= 5000 ? 1 : 2
  const loads = [main.loadMs]
  const loadsCpu = [main.loadCpuMs]
  for (let i = 0; i < extra; i++) {
    const r = await worker<LoadResult>('load', engine, file)
    loads.push(r.loadMs)
    loadsCpu.push(r.loadCpuMs)
  }
  await rm(file, { force: true })
  return { engine, size, build, loads, loadsCpu, main }
}

/** The shipped pack's prebuilt index, as `npm run cli -- index` writes it (built now if missing). */
async function measureShipped(): Promise<{ measured: Measured; service: QueryTimings }> {
  log('shipped pack: index')
  await exec(process.execPath, [join(REPO, 'electron', 'cli', 'bin.mjs'), 'index'], { cwd: REPO })
  const file = join(SHIPPED, 'search-index.json')
  const main = await worker<LoadResult>('load', 'ours', file, 'queries')
  const loads = [main.loadMs]
  const loadsCpu = [main.loadCpuMs]
  for (let i = 0; i < 6; i++) {
    const r = await worker<LoadResult>('load', 'ours', file)
    loads.push(r.loadMs)
    loadsCpu.push(r.loadCpuMs)
  }
  const service = (await worker<{ timings: QueryTimings }>('service', SHIPPED)).timings
  return { measured: { engine: 'ours', size: 'shipped', build: null, loads, loadsCpu, main }, service }
}

function report(all: readonly Measured[], shipped: { measured: Measured; service: QueryTimings }, load: readonly string[]): string {
  const out: string[] = []
  const sh = shipped.measured
  out.push(`Machine load average (1 min) at start / end: ${load.join(' / ')} on ${cpus().length} cores. Wall time includes waiting for a core; CPU time is the engine's own cost.`)
  out.push('\n### Build, size, load, memory')
  out.push(table(['docs (corpus)', 'engine', 'build', 'serialised', 'gzip', 'load wall (median; each process)', 'load CPU (median)', 'heap after load'], [...all, sh].map((m) => [
    m.build ? `${m.size.toLocaleString('en-GB')} (${mb(m.build.corpusBytes)})` : 'shipped pack', m.engine, m.build ? ms(m.build.buildMs) : '(cli index)', m.build ? mb(m.build.bytes) : '', m.build ? mb(m.build.gzipBytes) : '',
    `${ms(median(m.loads))} (${m.loads.map((x) => Math.round(x)).join(', ')})`, ms(median(m.loadsCpu)), `${(m.main.heapBytes / 2 ** 20).toFixed(1)} MiB`,
  ])))
  out.push('\n### Query latency, 52 queries, top 20 (ours: with snippets)')
  const mini = (size: number | 'shipped'): Measured | undefined => all.find((x) => x.engine === 'minisearch' && x.size === size)
  out.push(table(['docs', 'engine', 'wall p50', 'wall p95', 'wall p99', 'CPU p50', 'CPU p95', 'CPU p99', 'samples', 'p95 ÷ MiniSearch (wall, CPU)'], [...all, sh].map((m) => {
    const t = m.main.timings!
    const peer = mini(m.size)?.main.timings
    const ratio = peer ? `${(percentile(t.all, 95) / percentile(peer.all, 95)).toFixed(1)}×, ${(percentile(t.cpu, 95) / percentile(peer.cpu, 95)).toFixed(1)}×` : ''
    return [String(m.size), m.engine, ms(percentile(t.all, 50)), ms(percentile(t.all, 95)), ms(percentile(t.all, 99)), ms(percentile(t.cpu, 50)), ms(percentile(t.cpu, 95)), ms(percentile(t.cpu, 99)), String(t.samples), ratio]
  })))
  const sv = shipped.service
  out.push(`\nshipped pack through the search service (parse, query, snippets, grouping, facets; typing mode): wall p50 ${ms(percentile(sv.all, 50))}, p95 ${ms(percentile(sv.all, 95))}, p99 ${ms(percentile(sv.all, 99))}; CPU p50 ${ms(percentile(sv.cpu, 50))}, p95 ${ms(percentile(sv.cpu, 95))}, p99 ${ms(percentile(sv.cpu, 99))} (${sv.samples} samples)`)
  out.push('\n### Median wall latency per query kind')
  out.push(table(['docs', 'engine', ...QUERY_KINDS], [...all, sh].map((m) => [String(m.size), m.engine, ...QUERY_KINDS.map((k) => ms(percentile(m.main.timings!.byKind[k] ?? [], 50)))])))
  const largest = Math.max(...all.map((m) => m.size as number))
  const at = all.filter((m) => m.size === largest)
  out.push(`\n### Quality probes (${largest.toLocaleString('en-GB')} documents; * = one of the research note's 16)`)
  out.push(table(['probe', 'query', ...at.map((m) => m.engine)], PROBES.map((p, i) => [`${p.research ? '* ' : '  '}${p.name}`, p.query, ...at.map((m) => (m.main.probes![i]!.pass ? 'yes' : 'NO'))])))
  out.push(table(['passed', '', ...at.map((m) => m.engine)], [
    ['research 16', '', ...at.map((m) => `${m.main.probes!.filter((p) => p.research && p.pass).length}/16`)],
    ['all', '', ...at.map((m) => `${m.main.probes!.filter((p) => p.pass).length}/${PROBES.length}`)],
  ]))
  const sizes = [...new Set(all.map((m) => m.size))]
  const same = ENGINES.every((e) => new Set(all.filter((m) => m.engine === e).map((m) => m.main.probes!.map((p) => p.pass).join())).size === 1)
  out.push(same ? `Pass/fail is identical at ${sizes.join(', ')} documents.` : 'Pass/fail differs between sizes: see the JSON report.')
  out.push('\n### Matching documents per query (no limit)')
  const hitQueries = ['coopérative', 'économie', 'interet', 'coopératives', 'associations', 'logiciels libres', 'mutuelle de santé', 'coop*', 'écon*', 'cooperatve~1', 'mutuele~1', '"économie sociale et solidaire"', 'sociocratie']
  out.push(table(['query', ...at.map((m) => m.engine)], hitQueries.map((q) => [q, ...at.map((m) => String(m.main.hits![q] ?? ''))])))
  return out.join('\n')
}

function results(all: readonly Measured[], shipped: { measured: Measured; service: QueryTimings }): BenchResult[] {
  const out: BenchResult[] = []
  const p = (t: readonly number[], q: number): number => percentile(t, q)
  const s = shipped.measured
  const st = s.main.timings!
  out.push({ name: 'shipped pack: query + snippets p95, wall (ours)', value: p(st.all, 95), unit: 'ms', target: 1, detail: { p50: p(st.all, 50), p99: p(st.all, 99) } })
  out.push({ name: 'shipped pack: query + snippets p95, CPU (ours)', value: p(st.cpu, 95), unit: 'ms', target: 1, detail: { p50: p(st.cpu, 50), p99: p(st.cpu, 99) } })
  out.push({ name: 'shipped pack: search service call p95, wall', value: p(shipped.service.all, 95), unit: 'ms', detail: { p50: p(shipped.service.all, 50), cpuP95: p(shipped.service.cpu, 95) } })
  out.push({ name: 'shipped index load, wall (median of 7 processes)', value: median(s.loads), unit: 'ms', target: 50, detail: { min: Math.min(...s.loads), max: Math.max(...s.loads) } })
  out.push({ name: 'shipped index load, CPU (median of 7 processes)', value: median(s.loadsCpu), unit: 'ms', target: 50, detail: { min: Math.min(...s.loadsCpu), max: Math.max(...s.loadsCpu) } })
  for (const m of all) {
    const t = m.main.timings!
    const peer = all.find((x) => x.engine === 'minisearch' && x.size === m.size)?.main.timings
    const isTarget = m.engine === 'ours' && m.size === 1000
    const ratios = (key: 'all' | 'cpu'): Record<string, number> => (peer ? { ratioToMiniSearchP95: p(t[key], 95) / p(peer[key], 95) } : {})
    const common = { buildMs: m.build!.buildMs, bytes: m.build!.bytes, gzipBytes: m.build!.gzipBytes, loadMs: median(m.loads), loadCpuMs: median(m.loadsCpu), heapMiB: m.main.heapBytes / 2 ** 20 }
    const label = `${m.size} docs: ${m.engine} query${m.engine === 'ours' ? ' + snippets' : ''} p95`
    out.push({ name: `${label}, wall`, value: p(t.all, 95), unit: 'ms', ...(isTarget ? { target: 16 } : {}), detail: { p50: p(t.all, 50), p99: p(t.all, 99), ...ratios('all'), ...common } })
    out.push({ name: `${label}, CPU`, value: p(t.cpu, 95), unit: 'ms', ...(isTarget ? { target: 16 } : {}), detail: { p50: p(t.cpu, 50), p99: p(t.cpu, 99), ...ratios('cpu') } })
    out.push({ name: `${m.size} docs: ${m.engine} probes passed`, value: m.main.probes!.filter((x) => x.pass).length, unit: 'count', lowerIsBetter: false, ...(m.engine === 'ours' ? { target: PROBES.length } : {}) })
  }
  return out
}

export async function run(): Promise<BenchResult[]> {
  const sizes = (process.env.BENCH_SEARCH_SIZES ?? '100,1000,5000').split(',').map(Number).filter((n) => n > 0)
  const engines = ENGINES.filter((e) => (process.env.BENCH_SEARCH_ENGINES ?? ENGINES.join(',')).split(',').includes(e))
  const loadAverage = [loadavg()[0]!.toFixed(1)]
  await bundleWorker(join(__dirname, 'search', 'worker.ts'), WORKER)
  const dir = await mkdtemp(join(tmpdir(), 'passerelles-bench-search-'))
  const all: Measured[] = []
  try {
    for (const size of sizes) for (const engine of engines) all.push(await measure(engine, size, dir))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  const shipped = await measureShipped()
  loadAverage.push(loadavg()[0]!.toFixed(1))
  const text = report(all, shipped, loadAverage)
  process.stdout.write(`\n${text}\n`)
  await writeFile(join(OUT, 'search-detail.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, sizes, measured: [...all, shipped.measured].map((m) => ({ ...m, main: { ...m.main, timings: summarise(m.main.timings!) } })), service: summarise(shipped.service), report: text }, null, 2)}\n`)
  await writeFile(join(OUT, 'search-report.md'), `${text}\n`)
  return results(all, shipped)
}

function summarise(t: QueryTimings): Record<string, unknown> {
  return { samples: t.samples, p50: percentile(t.all, 50), p95: percentile(t.all, 95), p99: percentile(t.all, 99), cpuP50: percentile(t.cpu, 50), cpuP95: percentile(t.cpu, 95), cpuP99: percentile(t.cpu, 99), byKindP50: Object.fromEntries(Object.entries(t.byKind).map(([k, v]) => [k, percentile(v, 50)])) }
}
