/** One measured figure of a benchmark, with the target it is judged against (if any). */
export interface BenchResult {
  /** What was measured, e.g. "open 15,000-word document (cached)". */
  readonly name: string
  readonly value: number
  readonly unit: 'ms' | 'MB' | 'kB' | 'count' | 'ratio' | 'ops/s'
  /** Target, in the same unit, and whether lower is better (default true). */
  readonly target?: number
  readonly lowerIsBetter?: boolean
  /** Free-form extras (p50/p95/p99, sizes…) written to the JSON report. */
  readonly detail?: Readonly<Record<string, number | string>>
}

export interface BenchModule {
  run(): Promise<BenchResult[]>
}
