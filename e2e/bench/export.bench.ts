/**
 * Export benchmark (issue 7): 10,000 generated annotations over 30 documents → Markdown and CSV,
 * goal < 200 ms each; also the other groupings, W3C JSON and the Markdown import, for reference.
 * Each figure is the median of several runs after a warm-up (min and p95 in the details), then the
 * median CPU time of the process for the same runs — on a machine shared with other jobs, wall time
 * mostly measures the others; CPU time measures the work. A calibration
 * figure (one JSON.stringify of the same annotations) is reported too: on a loaded machine every
 * number grows, and the ratio to it is what to compare between runs.
 */
import { cpus, loadavg } from 'node:os'
import { exportAnnotations } from '../../electron/shared/export/index'
import { importMarkdown } from '../../electron/shared/export/import-markdown'
import { generateExportInput } from '../../electron/shared/export/testing/generate'
import type { ExportFormat, ExportOptionsInput } from '../../electron/shared/export/types'
import type { BenchResult } from './types'

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

export async function run(): Promise<BenchResult[]> {
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
      detail: { min: Number(m.min.toFixed(1)), p95: Number(m.p95.toFixed(1)), runs: RUNS, annotations: COUNT, outputMB: Number((content.length / 1e6).toFixed(2)), ratioToCalibration: Number((m.median / calibration.median).toFixed(2)) },
    })
    results.push({ name: `  the same, CPU time of the process`, value: m.cpu, unit: 'ms', ...t, detail: { ratioToCalibration: Number((m.cpu / calibration.cpu).toFixed(2)) } })
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
  return results
}
