/**
 * Export benchmark (issue 7): 10,000 generated annotations over 30 documents → Markdown and CSV,
 * goal < 200 ms each; also the other groupings, W3C JSON and the Markdown import, for reference.
 * Each figure is the median of several runs after a warm-up (min and p95 in the details), then the
 * median CPU time of the process for the same runs — on a machine shared with other jobs, wall time
 * mostly measures the others; CPU time measures the work. A calibration
 * figure (one JSON.stringify of the same annotations) is reported too: on a loaded machine every
 * number grows, and the ratio to it is what to compare between runs.
 *
 * Then the shipped pack with 200 and 1,000 annotations through the export service (what « Enregistrer… »
 * writes: store, anchoring states, shown quotes, the exporter), with each file's size in kB.
 */
import { cpus, loadavg } from 'node:os'
import { exportAnnotations } from '../../electron/shared/export/index'
import { importMarkdown } from '../../electron/shared/export/import-markdown'
import { generateExportInput } from '../../electron/shared/export/testing/generate'
import type { ExportFormat, ExportOptionsInput } from '../../electron/shared/export/types'
import type { BenchResult } from './types'
import { createServices } from '../../electron/services/services'
import { fixedClock } from '../../electron/services/platform/clock'
import { memoryLogger } from '../../electron/services/platform/log'
import { recordingOpener } from '../../electron/services/platform/external-opener'
import { ExportRequestSchema } from '../../electron/shared/export/types'
import { annotatedDataDir, CONTENT } from './annotated-data'

const COUNT = 10_000
const RUNS = 9

interface Measure {
  readonly median: number
  readonly p95: number
  readonly min: number
  /** Median CPU time of this process (user + system, all threads): the work done, whoever else runs. */
  readonly cpu: number
}

function measure(f: () => unknown): Measure {
  f() // warm-up
  const times: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage()
    const t = performance.now()
    f()
    times.push(performance.now() - t)
    const d = process.cpuUsage(c)
    cpu.push((d.user + d.system) / 1000)
  }
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const mid = Math.floor(RUNS / 2)
  return { median: times[mid]!, p95: times[Math.min(RUNS - 1, Math.ceil(RUNS * 0.95) - 1)]!, min: times[0]!, cpu: cpu[mid]! }
}

/** The shipped pack with `n` annotations: each format's file, its size and the time to make it. */
async function shippedPack(n: number): Promise<BenchResult[]> {
  const { dataDir } = await annotatedDataDir(n)
  const services = await createServices({ contentDir: CONTENT, dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'bench' })
  const out: BenchResult[] = []
  const cases: [string, Parameters<typeof ExportRequestSchema.parse>[0]][] = [
    ['Markdown (by document)', { format: 'md' }],
    ['Markdown (by tag, callouts)', { format: 'md', options: { grouping: 'tag', callouts: true } }],
    ['Markdown without re-import data', { format: 'md', options: { data: false } }],
    ['CSV', { format: 'csv' }],
  ]
  for (const [label, raw] of cases) {
    const request = ExportRequestSchema.parse(raw)
    let bytes = 0
    let count = 0
    const times: number[] = []
    for (let i = 0; i < 6; i++) {
      const t = performance.now()
      const r = await services.exports.render(request)
      bytes = Buffer.byteLength(r.content, 'utf8')
      count = r.count
      if (i > 0) times.push(performance.now() - t) // the first run warms the caches
    }
    times.sort((a, b) => a - b)
    if (count !== n) throw new Error(`exported ${count} of ${n}`)
    out.push({ name: `shipped pack, ${n.toLocaleString('en')} annotations → ${label}`, value: times[Math.floor(times.length / 2)]!, unit: 'ms', detail: { kB: Number((bytes / 1024).toFixed(1)), bytesPerAnnotation: Math.round(bytes / n), runs: times.length } })
    out.push({ name: `  its size`, value: Number((bytes / 1024).toFixed(1)), unit: 'kB' })
  }
  await services.close()
  return out
}

export async function run(): Promise<BenchResult[]> {
  const shipped = [...(await shippedPack(200)), ...(await shippedPack(1000))]
  const input = generateExportInput(COUNT)
  const calibration = measure(() => JSON.stringify(input.annotations))
  const results: BenchResult[] = []
  const exportCase = (name: string, format: ExportFormat, options: ExportOptionsInput, target?: number): string => {
    let content = ''
    // The measured operation ends with the file's bytes (UTF-8), what Save writes: so no cost of
    // the returned string (flattening, encoding) is left for someone else to pay.
    const m = measure(() => {
      content = exportAnnotations(format, input, options).content
      if (Buffer.from(content, 'utf8').length === 0) throw new Error('empty export')
    })
    const t = target === undefined ? {} : { target }
    results.push({
      name,
      value: m.median,
      unit: 'ms',
      ...t,
      detail: { min: Number(m.min.toFixed(1)), p95: Number(m.p95.toFixed(1)), runs: RUNS, annotations: COUNT, outputMB: Number((Buffer.byteLength(content, 'utf8') / 1e6).toFixed(2)), ratioToCalibration: Number((m.median / calibration.median).toFixed(2)) },
    })
    results.push({ name: `  the same, CPU time of the process`, value: m.cpu, unit: 'ms', ...t, detail: { ratioToCalibration: Number((m.cpu / calibration.cpu).toFixed(2)) } })
    results.push({ name: `  its size`, value: Number((Buffer.byteLength(content, 'utf8') / 1e6).toFixed(2)), unit: 'MB' })
    return content
  }
  const md = exportCase('export 10,000 annotations → Markdown bytes (by document)', 'md', {}, 200)
  exportCase('export 10,000 annotations → CSV bytes', 'csv', {}, 200)
  exportCase('export 10,000 annotations → Markdown without data comments', 'md', { data: false })
  exportCase('export 10,000 annotations → Markdown (by colour, callouts)', 'md', { grouping: 'color', callouts: true })
  exportCase('export 10,000 annotations → Markdown (by tag)', 'md', { grouping: 'tag' })
  exportCase('export 10,000 annotations → W3C JSON', 'json', {})
  const imp = measure(() => {
    const r = importMarkdown(md)
    if (!r.ok || r.value.annotations.length !== COUNT) throw new Error('import failed')
  })
  results.push({ name: 'import the 10,000-annotation Markdown back', value: imp.median, unit: 'ms', detail: { p95: Number(imp.p95.toFixed(1)), cpu: Number(imp.cpu.toFixed(1)), ratioToCalibration: Number((imp.median / calibration.median).toFixed(2)) } })
  results.push({
    name: 'calibration: one JSON.stringify of the 10,000 annotations',
    value: calibration.median,
    unit: 'ms',
    detail: { min: Number(calibration.min.toFixed(1)), p95: Number(calibration.p95.toFixed(1)), cpu: Number(calibration.cpu.toFixed(1)), loadAverage1m: Number(loadavg()[0]!.toFixed(2)), cores: cpus().length },
  })
  return [...shipped, ...results]
}
