/**
 * npm run security:scan — Doyensec's Electronegativity through its API, on the app's source
 * (electron/ without tests, renderer/, package.json) and on the build (out/, after
 * `electron-vite build`), failing on any finding that is not explained.
 *
 * - Findings in the source are explained where they occur, with an inline
 *   `eng-disable <CHECK> — reason` comment (the tool then drops them).
 * - Bundling strips those comments, so findings in out/ are matched against ACCEPTED below, each
 *   with its reason; anything else fails the scan. The CLI would exit 0 whatever it found.
 * - Offline and deterministic: the tool looks up translations and Electron's release list on the
 *   network; DNS is refused for this process, and the release check (AvailableSecurityFixes) is
 *   replaced by the pinned-version gate in electron-version.test.ts.
 * - The scanner's JavaScript walker predates class private fields (`#x`), which bundled libraries
 *   use (marked in out/main, others in the renderer); every bundle is scanned after lowering its syntax to ES2021 with Vite's
 *   own transform (same code, older syntax). Parse errors are failures, never silently skipped.
 */
import dns from 'node:dns'
import { createRequire } from 'node:module'
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { transformWithOxc } from 'vite'
import { REPO } from './packaging/builder-config'
import { unexplained } from './security/accepted'
import type { Issue } from './security/accepted'

// Before the scanner loads: no name resolves, so no request can leave (translations, release list).
// The error code is one HTTP clients do not retry, so the tool gives up at once.
dns.lookup = ((hostname: string, ...rest: unknown[]) => {
  const callback = rest[rest.length - 1] as (e: Error) => void
  process.nextTick(() => callback(Object.assign(new Error(`security:scan is offline (${hostname})`), { code: 'ERR_PASSERELLES_OFFLINE' })))
}) as unknown as typeof dns.lookup

interface ScanResult {
  readonly globalChecks: number
  readonly atomicChecks: number
  readonly issues: readonly Issue[]
  readonly errors: readonly { readonly file: string; readonly message: string }[]
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>

const SCAN_OPTIONS = {
  isRelative: true,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
}

async function copyTree(from: string, to: string, keep: (file: string) => boolean): Promise<number> {
  let n = 0
  for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const src = join(entry.parentPath, entry.name)
    if (!keep(src)) continue
    const dest = join(to, relative(from, src))
    await mkdir(join(dest, '..'), { recursive: true })
    await cp(src, dest)
    n++
  }
  return n
}

/** The app's sources: electron/ (tests and testing/ helpers excluded: not shipped, and full of deliberately hostile inputs), renderer/, package.json. */
export async function stageSource(dir: string): Promise<number> {
  const notTest = (f: string): boolean => !/\.test\.tsx?$/.test(f) && !f.split(sep).includes('testing') && !f.includes(join('electron', 'shared', 'types'))
  const n = (await copyTree(join(REPO, 'electron'), join(dir, 'electron'), notTest)) + (await copyTree(join(REPO, 'renderer'), join(dir, 'renderer'), () => true))
  await cp(join(REPO, 'package.json'), join(dir, 'package.json'))
  return n + 1
}

/** The build, with every bundle (main, preload, renderer) lowered to ES2021 so the scanner's walker can read it. */
export async function stageOut(dir: string): Promise<number> {
  const n = await copyTree(join(REPO, 'out'), join(dir, 'out'), (f) => /\.(js|html)$/.test(f))
  const files = (await readdir(join(dir, 'out'), { recursive: true })).filter((f) => f.endsWith('.js'))
  for (const f of files) {
    const path = join(dir, 'out', f)
    const lowered = await transformWithOxc(await readFile(path, 'utf8'), 'index.js', { target: 'es2021' })
    await writeFile(path, lowered.code)
  }
  await cp(join(REPO, 'package.json'), join(dir, 'package.json'))
  return n + 1
}

async function main(): Promise<number> {
  // The package ships no typings: typed here by what the runner resolves to (its dist/runner.js).
  const run = createRequire(__filename)('@doyensec/electronegativity') as Runner
  const electronVersion = (JSON.parse(await readFile(join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
  let failures = 0
  for (const [scope, stage] of [['source', stageSource], ['out', stageOut]] as const) {
    const dir = await mkdtemp(join(tmpdir(), `passerelles-scan-${scope}-`))
    try {
      const files = await stage(dir)
      const r = await run({ ...SCAN_OPTIONS, input: dir, electronVersionOverride: electronVersion }, false)
      const bad = unexplained(scope, r.issues)
      const accepted = r.issues.length - bad.length
      process.stdout.write(
        `electronegativity ${scope}: ${files} files, ${r.globalChecks} global + ${r.atomicChecks} atomic checks (Electron ${electronVersion}): ` +
          `${r.issues.length} finding(s), ${accepted} explained, ${bad.length} unexplained, ${r.errors.length} parse error(s)\n`,
      )
      for (const i of bad) {
        process.stdout.write(`  ✗ ${i.id} ${i.file}:${i.location.line}:${i.location.column} ${i.severity.name}/${i.confidence.name}${i.manualReview ? ' (review)' : ''}\n      ${(i.sample ?? '').trim().slice(0, 160)}\n`)
      }
      for (const e of r.errors) process.stdout.write(`  ✗ could not parse ${e.file}: ${e.message}\n`)
      failures += bad.length + r.errors.length
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  process.stdout.write(failures ? `security:scan FAILED: ${failures} unexplained finding(s) or parse error(s)\n` : 'security:scan: no unexplained finding\n')
  return failures ? 1 : 0
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`security:scan: ${(e as Error).stack ?? String(e)}\n`)
      process.exitCode = 1
    },
  )
}
