/** What the benchmark's worker processes report, and the small statistics used on it. */

/**
 * Wall-clock time is what a person waits; CPU time (process.cpuUsage) is what the engine costs.
 * On a shared machine the two differ whenever the process waits for a core, so both are kept.
 */
export interface QueryTimings {
  readonly samples: number
  /** Every sample's wall time in ms, sorted. */
  readonly all: readonly number[]
  /** Every sample's CPU time in ms, sorted. */
  readonly cpu: readonly number[]
  /** Wall times per query kind, sorted. */
  readonly byKind: Readonly<Record<string, readonly number[]>>
}

export interface BuildResult {
  readonly buildMs: number
  readonly buildCpuMs: number
  readonly bytes: number
  readonly gzipBytes: number
  readonly corpusBytes: number
  readonly documents: number
}

export interface ProbeResult {
  readonly name: string
  readonly query: string
  readonly research: boolean
  readonly pass: boolean
}

export interface LoadResult {
  readonly loadMs: number
  readonly loadCpuMs: number
  readonly heapBytes: number
  readonly probes?: readonly ProbeResult[]
  readonly hits?: Readonly<Record<string, number>>
  readonly timings?: QueryTimings
}

export function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50)
}

/** A plain-text table (widths in code points). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const w = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)))
  const line = (cells: readonly string[]): string => cells.map((c, i) => c + ' '.repeat(w[i]! - [...c].length)).join('  ')
  return [line(header), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n')
}

export function ms(v: number): string {
  if (!Number.isFinite(v)) return '—'
  return v >= 100 ? `${Math.round(v).toLocaleString('en-GB')} ms` : v >= 1 ? `${v.toFixed(2)} ms` : `${v.toFixed(3)} ms`
}

export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e6 ? 3 : 2)} MB`
}
