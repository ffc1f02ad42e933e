/** Test helper: runs a TypeScript file in a real child Node process (through tsx) and reads its stdout lines. */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface Child {
  readonly proc: ChildProcess
  /** Every complete stdout line so far. */
  readonly lines: string[]
  /** Resolves with the first line matching `pred` (rejects if the child exits first). */
  waitFor(pred: (line: string) => boolean): Promise<string>
  /** Resolves when the process has exited (reaped) and all of its output has been read. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stderr(): string
}

/** `fileSizeLimitKb`: run under `ulimit -f` (POSIX sh), so writes past that size fail for real (EFBIG). */
export function runTs(file: string, args: readonly string[], options: { fileSizeLimitKb?: number } = {}): Child {
  const argv = ['--import', 'tsx', file, ...args]
  const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`
  const proc =
    options.fileSizeLimitKb === undefined
      ? spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('sh', ['-c', `ulimit -f ${options.fileSizeLimitKb * 2} && exec ${[process.execPath, ...argv].map(quote).join(' ')}`], { stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  const waiters: { pred: (l: string) => boolean; resolve: (l: string) => void; reject: (e: Error) => void }[] = []
  let err = ''
  proc.stderr!.on('data', (d: Buffer) => void (err += d.toString()))
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    lines.push(line)
    for (const w of [...waiters]) if (w.pred(line)) {
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve(line)
    }
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('close', (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`child exited (${code ?? signal}) before the expected line; stderr: ${err.slice(-2000)}`))
      resolve({ code, signal })
    }),
  )
  return {
    proc,
    lines,
    exited,
    stderr: () => err,
    waitFor(pred) {
      const hit = lines.find(pred)
      if (hit !== undefined) return Promise.resolve(hit)
      return new Promise((resolve, reject) => waiters.push({ pred, resolve, reject }))
    },
  }
}
