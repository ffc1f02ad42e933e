/**
 * Benchmark workers run as fresh Node processes from a bundle made with esbuild (the compiler tsx
 * itself uses) WITHOUT keepNames: tsx wraps every named closure in a `__name()` call, a cost that
 * only our TypeScript code would pay; the app's production build (rolldown) does not add it either.
 * A worker prints its result as its last `RESULT {json}` line.
 */
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type * as Esbuild from 'esbuild'

const exec = promisify(execFile)
export const REPO = resolve(__dirname, '..', '..', '..')

export async function bundleWorker(entry: string, outfile: string): Promise<void> {
  const esbuild = createRequire(join(REPO, 'node_modules', 'tsx', 'package.json'))('esbuild') as typeof Esbuild
  await mkdir(dirname(outfile), { recursive: true })
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', keepNames: false, logLevel: 'warning' })
}

export async function runWorker<T>(bundle: string, ...args: string[]): Promise<T> {
  const { stdout } = await exec(process.execPath, ['--expose-gc', '--no-flush-bytecode', '--max-old-space-size=8192', bundle, ...args], { cwd: REPO, maxBuffer: 256 * 1024 * 1024, env: process.env })
  const line = stdout.split('\n').reverse().find((l) => l.startsWith('RESULT '))
  if (!line) throw new Error(`no result from worker ${args.join(' ')}:\n${stdout.slice(-2000)}`)
  return JSON.parse(line.slice('RESULT '.length)) as T
}
