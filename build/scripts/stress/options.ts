/** The stress runner's arguments and its summary table (build/scripts/stress.ts). */
import { MAX_BURNERS } from './burners'

export const MAX_RUNS = 100

export interface StressOptions {
  readonly burners: number
  readonly runs: number
  readonly command: readonly string[]
}

export interface RunResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly ms: number
}

function bounded(flag: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value)
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} wants an integer from ${min} to ${max}, not ${value ?? 'nothing'}`)
  return n
}

/** `[--burners N] [--runs K] [--] [command…]`; throws with a message on anything else. */
export function parseArgs(argv: readonly string[]): StressOptions {
  let burners = 2
  let runs = 3
  let i = 0
  for (; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--burners') burners = bounded(a, argv[++i], 0, MAX_BURNERS)
    else if (a === '--runs') runs = bounded(a, argv[++i], 1, MAX_RUNS)
    else if (a === '--') {
      i++
      break
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`)
    else break
  }
  const command = argv.slice(i)
  return { burners, runs, command: command.length ? command : ['npm', 'test'] }
}

export function table(results: readonly RunResult[]): string {
  const rows = results.map((r, i) => [String(i + 1), r.code === 0 ? 'pass' : 'FAIL', r.signal ?? String(r.code), `${(r.ms / 1000).toFixed(1)} s`])
  const all = [['run', 'result', 'exit', 'duration'], ...rows]
  const widths = all[0]!.map((_, c) => Math.max(...all.map((row) => row[c]!.length)))
  return all.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n')
}
