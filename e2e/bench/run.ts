/**
 * `npm run bench [filter]`: runs every `e2e/bench/<area>.bench.ts` (or those whose area contains the
 * filter), prints a table per area and writes `e2e/.artifacts/bench/<area>.json`. Benchmarks measure;
 * they do not fail the build. Figures are noisy on shared machines: compare ratios, not absolutes.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BenchModule, BenchResult } from './types'

const here = __dirname
const outDir = join(here, '..', '.artifacts', 'bench')

function verdict(r: BenchResult): string {
  if (r.target === undefined) return ''
  const lower = r.lowerIsBetter ?? true
  return (lower ? r.value <= r.target : r.value >= r.target) ? 'met' : 'MISSED'
}

function printTable(area: string, results: readonly BenchResult[]): void {
  const rows = results.map((r) => [r.name, `${Number(r.value.toFixed(3))} ${r.unit}`, r.target === undefined ? '' : `${(r.lowerIsBetter ?? true) ? '≤' : '≥'} ${r.target} ${r.unit}`, verdict(r)])
  const header = ['measure', 'value', 'target', '']
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((row) => [...row[i]!].length)))
  const line = (cells: string[]): string => cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ')
  process.stdout.write(`\n## ${area}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`)
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? ''
  const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort()
  if (files.length === 0) {
    process.stderr.write(`no benchmark matches "${filter}"\n`)
    process.exitCode = 2
    return
  }
  await mkdir(outDir, { recursive: true })
  const all: Record<string, BenchResult[]> = {}
  for (const file of files) {
    const area = file.replace(/\.bench\.ts$/, '')
    const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule
    const results = await mod.run()
    all[area] = results
    printTable(area, results)
    await writeFile(join(outDir, `${area}.json`), `${JSON.stringify({ area, date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`)
  }
  process.stdout.write(`\nJSON: ${outDir}\n${JSON.stringify(all)}\n`)
}

void main()
