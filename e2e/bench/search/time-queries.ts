/** The timed query rounds every search benchmark engine goes through (worker.ts, mine-worker.ts). */
import { random } from './corpus'
import type { LoadedEngine } from './engines'
import type { QueryKind } from './queries'
import { cpuMs } from './results'
import type { QueryTimings } from './results'

/** Warm-up passes, then shuffled rounds of every query until `budgetMs` (at least 5 rounds). */
export function timeQueries(engine: Pick<LoadedEngine, 'search'>, queries: readonly (readonly [QueryKind, string])[], budgetMs: number): QueryTimings {
  for (let i = 0; i < 3; i++) for (const [, q] of queries) engine.search(q, 20)
  const rnd = random(1)
  const all: number[] = []
  const cpu: number[] = []
  const byKind: Record<string, number[]> = {}
  const started = performance.now()
  for (let round = 0; round < 400 && (round < 5 || performance.now() - started < budgetMs); round++) {
    const order = [...queries].sort(() => rnd() - 0.5)
    for (const [kind, q] of order) {
      const c = cpuMs()
      const t = performance.now()
      engine.search(q, 20)
      const ms = performance.now() - t
      cpu.push(cpuMs() - c)
      all.push(ms)
      ;(byKind[kind] ??= []).push(ms)
    }
  }
  all.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  for (const k of Object.keys(byKind)) byKind[k]!.sort((a, b) => a - b)
  return { samples: all.length, all, cpu, byKind }
}

