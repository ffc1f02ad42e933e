/**
 * Runs a command several times on a busy machine, to find tests that depend on timing.
 *
 *   npm run test:stress                                   # `npm test` 3 times beside 2 CPU burners
 *   npm run test:stress -- --burners 3 --runs 5 -- npx vitest run electron/services/annotations
 *
 * Starts N CPU burners (stress/burners.ts; default 2, at most 16), runs the command K times in a row
 * (default 3), prints a table of pass/fail and durations, and exits 1 if any run failed (2 on bad
 * arguments). The burners are killed when it exits, whatever the reason; on SIGINT/SIGTERM/SIGHUP
 * the running command's whole process group gets the signal too.
 */
import { spawn } from 'node:child_process'
import { startBurners } from './stress/burners'
import { parseArgs, table } from './stress/options'
import type { RunResult, StressOptions } from './stress/options'

async function main(): Promise<number> {
  let options: StressOptions
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (e) {
    process.stderr.write(`stress: ${(e as Error).message}\nusage: tsx build/scripts/stress.ts [--burners N] [--runs K] [--] [command…]\n`)
    return 2
  }
  const burners = startBurners(options.burners)
  process.on('exit', () => burners.stop())
  let current: number | undefined
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(sig, () => {
      burners.stop()
      if (current !== undefined) {
        try {
          process.kill(-current, sig)
        } catch {
          /* already gone */
        }
      }
      process.exit(1)
    })
  const [cmd, ...args] = options.command
  console.log(`stress: ${options.burners} CPU burner(s) (pids ${burners.pids.join(', ') || '—'}), ${options.runs} run(s) of: ${options.command.join(' ')}`)
  const results: RunResult[] = []
  for (let run = 1; run <= options.runs; run++) {
    console.log(`\nstress: run ${run}/${options.runs}`)
    const started = Date.now()
    // Its own process group, so that a signal reaches everything it started.
    const child = spawn(cmd!, args, { stdio: 'inherit', detached: true, shell: process.platform === 'win32' })
    current = child.pid
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.on('error', (e) => {
        process.stderr.write(`stress: ${e.message}\n`)
        resolve({ code: 127, signal: null })
      })
      child.on('close', (c, s) => resolve({ code: c, signal: s }))
    })
    current = undefined
    results.push({ code, signal, ms: Date.now() - started })
  }
  burners.stop()
  console.log(`\nstress: ${options.burners} CPU burner(s)\n${table(results)}`)
  const failed = results.filter((r) => r.code !== 0).length
  console.log(failed ? `stress: ${failed} of ${results.length} run(s) failed` : `stress: all ${results.length} run(s) passed`)
  return failed ? 1 : 0
}

void main().then((code) => process.exit(code))
