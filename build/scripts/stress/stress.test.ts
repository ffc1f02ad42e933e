import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parseArgs, table } from './options'

const ENTRY = join(__dirname, '..', 'stress.ts')

describe('stress options', () => {
  it('defaults to `npm test` three times beside two burners', () => {
    expect(parseArgs([])).toEqual({ burners: 2, runs: 3, command: ['npm', 'test'] })
  })
  it('takes bounded counts and the command after them, with or without --', () => {
    expect(parseArgs(['--burners', '0', '--runs', '5', '--', 'npx', 'vitest', '--run'])).toEqual({ burners: 0, runs: 5, command: ['npx', 'vitest', '--run'] })
    expect(parseArgs(['--runs', '1', 'npm', 'run', 'lint'])).toEqual({ burners: 2, runs: 1, command: ['npm', 'run', 'lint'] })
  })
  it.each([[['--burners', '17']], [['--burners', '-1']], [['--runs', '0']], [['--runs', '1.5']], [['--runs']], [['--fast']]])('refuses %j', (argv) => {
    expect(() => parseArgs(argv)).toThrow()
  })
  it('prints one row per run: pass/FAIL, exit code or signal, duration', () => {
    expect(table([{ code: 0, signal: null, ms: 61_234 }, { code: null, signal: 'SIGTERM', ms: 900 }])).toBe(
      ['run  result  exit     duration', '1    pass    0        61.2 s', '2    FAIL    SIGTERM  0.9 s'].join('\n'),
    )
  })
})

/** A process is gone when it no longer exists or is a zombie nobody has reaped yet. */
const gone = (pid: number): boolean => !existsSync(`/proc/${pid}/stat`) || /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))

// Linux only: whether the burners are gone is read from /proc.
describe.skipIf(process.platform !== 'linux')('stress runner (real processes)', () => {
  it('runs the command K times, reports every failure, and leaves no burner behind', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stress-'))
    const log = join(dir, 'runs.txt')
    const script = `require('fs').appendFileSync(${JSON.stringify(log)}, 'run\\n'); process.exit(3)`
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', ENTRY, '--burners', '1', '--runs', '2', '--', process.execPath, '-e', script])
    const failure = (await run.then(() => null, (e: unknown) => e)) as { code: number; stdout: string } | null
    expect(failure?.code).toBe(1)
    expect(await readFile(log, 'utf8')).toBe('run\nrun\n')
    expect(failure!.stdout).toMatch(/^1 +FAIL +3 /m)
    expect(failure!.stdout).toMatch(/^2 +FAIL +3 /m)
    expect(failure!.stdout).toContain('2 of 2 run(s) failed')
    const pids = /pids ([\d, ]+)\)/.exec(failure!.stdout)![1]!.split(', ').map(Number)
    expect(pids).toHaveLength(1)
    // SIGKILL was sent before the runner exited; wait for the kernel to finish it.
    await expect.poll(() => pids.every(gone), { timeout: 10_000 }).toBe(true)
  })
})
