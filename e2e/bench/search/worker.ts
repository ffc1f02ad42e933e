/**
 * One measurement of the search benchmark, in its own fresh process (the orchestrator,
 * search.bench.ts, runs these one at a time and reads the last line, `RESULT {json}`):
 *
 *   build <engine> <docs> <file>        generate the corpus, build, serialise, write the file
 *   load <engine> <file> [queries]      parse + load (timed), heap after GC; with `queries`:
 *                                       quality probes, hit counts and the timed query rounds
 *   service <content dir>               the app's search service on a content pack (prebuilt index)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENGINE_IMPLEMENTATIONS } from './engines'
import type { EngineName } from './engines'
import { corpusBytes, generateCorpus } from './corpus'
import { PROBES } from './probes'
import { QUERIES } from './queries'
import { cpuMs } from './results'
import { timeQueries } from './time-queries'

declare const gc: (() => void) | undefined

function collect(): number {
  gc?.()
  gc?.()
  return process.memoryUsage().heapUsed
}

function emit(result: unknown): void {
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`)
}

function build(engine: EngineName, docs: number, file: string): void {
  const corpus = generateCorpus(docs)
  const c = cpuMs()
  const t = performance.now()
  const serialised = ENGINE_IMPLEMENTATIONS[engine].build(corpus)
  const buildMs = performance.now() - t
  const buildCpuMs = cpuMs() - c
  writeFileSync(file, serialised)
  emit({ buildMs, buildCpuMs, bytes: Buffer.byteLength(serialised), gzipBytes: gzipSync(serialised, { level: 6 }).length, corpusBytes: corpusBytes(corpus), documents: corpus.length })
}

function load(engine: EngineName, file: string, withQueries: boolean, budgetMs: number): void {
  const before = collect()
  let text: string | null = readFileSync(file, 'utf8')
  const c = cpuMs()
  const t = performance.now()
  const loaded = ENGINE_IMPLEMENTATIONS[engine].load(text)
  const loadMs = performance.now() - t
  const loadCpuMs = cpuMs() - c
  text = null
  const heapBytes = collect() - before
  if (!withQueries) return emit({ loadMs, loadCpuMs, heapBytes })
  const probes = PROBES.map((p) => {
    const ids = loaded.documents(p.query)
    const ok = (p.includes ?? []).every((id) => ids.has(id)) && (p.excludes ?? []).every((id) => !ids.has(id)) && (p.documents === undefined || ids.size === p.documents)
    return { name: p.name, query: p.query, research: p.research, pass: ok }
  })
  const hits = Object.fromEntries(QUERIES.map(([, q]) => [q, loaded.documents(q).size]))
  emit({ loadMs, loadCpuMs, heapBytes, probes, hits, timings: timeQueries(loaded, QUERIES, budgetMs) })
}

async function service(contentDir: string, budgetMs: number): Promise<void> {
  const { createServices } = await import('../../../electron/services/services')
  const { fixedClock } = await import('../../../electron/services/platform/clock')
  const { memoryLogger } = await import('../../../electron/services/platform/log')
  const { recordingOpener } = await import('../../../electron/services/platform/external-opener')
  const s = await createServices({ contentDir, dataDir: mkdtempSync(join(tmpdir(), 'passerelles-bench-')), clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'bench' })
  await s.search.ready()
  // Queries through the service are async; time them one by one, awaited, like the UI's calls.
  const all: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < 3; i++) for (const [, q] of QUERIES) await s.search.query({ q, limit: 20 })
  const started = performance.now()
  for (let round = 0; round < 400 && (round < 5 || performance.now() - started < budgetMs); round++) {
    for (const [, q] of QUERIES) {
      const c = cpuMs()
      const t = performance.now()
      await s.search.query({ q, limit: 20, typing: true })
      all.push(performance.now() - t)
      cpu.push(cpuMs() - c)
    }
  }
  all.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  emit({ status: s.search.status(), timings: { samples: all.length, all, cpu, byKind: {} } })
}

async function main(): Promise<void> {
  const [mode, a, b, c] = process.argv.slice(2)
  const budgetMs = Number(process.env.BENCH_SEARCH_BUDGET_MS ?? 4000)
  if (mode === 'build') build(a as EngineName, Number(b), c!)
  else if (mode === 'load') load(a as EngineName, b!, c === 'queries', budgetMs)
  else if (mode === 'service') await service(a!, budgetMs)
  else throw new Error(`unknown mode ${mode}`)
}

void main()
