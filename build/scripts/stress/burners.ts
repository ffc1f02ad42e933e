/**
 * CPU burners: Node processes that spin a core each, to run tests on a busy machine.
 *
 * Contract: `stop()` kills every burner and is idempotent. A burner also ends by itself once its
 * parent is gone (it checks its parent pid while it spins), so even a SIGKILL of the process that
 * started it does not leave it running.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'

export const MAX_BURNERS = 16

/** Spins, and exits as soon as it is re-parented (its parent died). */
const BURN = 'const p = process.ppid; for (let i = 1; ; i++) if ((i & 0xfffff) === 0 && process.ppid !== p) process.exit(0)'

export interface Burners {
  readonly pids: readonly number[]
  stop(): void
}

export function startBurners(count: number): Burners {
  if (!Number.isInteger(count) || count < 0 || count > MAX_BURNERS) throw new Error(`burners: ${count} is not an integer from 0 to ${MAX_BURNERS}`)
  const procs: ChildProcess[] = []
  for (let i = 0; i < count; i++) procs.push(spawn(process.execPath, ['-e', BURN], { stdio: 'ignore' }))
  return {
    pids: procs.map((p) => p.pid!),
    stop() {
      for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL')
    },
  }
}
