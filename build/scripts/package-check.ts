/**
 * npm run package:check — offline proof that the packaging works, run by `npm test`:
 *
 *  1. renders the icons and builds the app (electron-vite);
 *  2. packs it with electron-builder for Linux (`--dir`: no installer) against a stub Electron
 *     distribution (`-c.electronDist`, see packaging/stub-electron.ts): the real configuration is
 *     loaded and validated, the real asar is written, the real fuses are flipped;
 *  3. inspects the result: configuration, expected and forbidden files in app.asar, packed
 *     node_modules against the third-party notices, the fuse wire of the binary, and the content
 *     pack listed and loaded from the archive the way the packaged app will;
 *  4. boots the packed main from the extracted archive, with nothing above it, under a recording
 *     fake `electron` (packaging/boot-check.ts): the real artifact, only the missing binary faked.
 *
 * `--keep` leaves the work folder (the packed app, the extracted archive, each scenario's data).
 *
 * The installers themselves (`npm run package`) need the real Electron, downloaded from GitHub.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extractAll } from '@electron/asar'
import { getCurrentFuseWire } from '@electron/fuses'
import { buildIcons } from './icons/build-icons'
import { readBuilderConfig, REPO } from './packaging/builder-config'
import { writeStubElectron } from './packaging/stub-electron'
import { asarFiles, asarPackages, asarReadDir, readAsarJson } from './packaging/asar-contents'
import { compareFuses, formatFuseTable } from './packaging/fuses'
import { checkConfig, checkExpected, checkForbidden, checkFuses, checkNotices } from './packaging/checks'
import { bootCheck } from './packaging/boot-check'
import type { CheckResult } from './packaging/checks'
import { listMarkdownFiles } from '../../electron/services/content/list-files'
import { createContentLibrary } from '../../electron/services/content/content-library'
import { memoryLogger } from '../../electron/services/platform/log'
import { NOTICES_FILE, NoticesSchema } from '../../electron/shared/about/notices'

function run(what: string, command: string, args: readonly string[]): void {
  const r = spawnSync(command, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } })
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}\n${r.stderr}\n`)
    throw new Error(`${what} failed (exit ${r.status})`)
  }
}

async function contentCheck(archive: string, work: string): Promise<CheckResult> {
  const problems: string[] = []
  const fromSource = await listMarkdownFiles(join(REPO, 'content'))
  const fromArchive = await listMarkdownFiles(`${archive}/content`, asarReadDir(archive))
  if (JSON.stringify(fromArchive) !== JSON.stringify(fromSource)) problems.push(`the archive lists ${fromArchive.length} documents, the source ${fromSource.length}`)
  const extracted = join(work, 'extracted')
  extractAll(archive, extracted)
  const log = memoryLogger()
  const packed = await createContentLibrary({ contentDir: join(extracted, 'content'), log })
  const source = await createContentLibrary({ contentDir: join(REPO, 'content'), log: memoryLogger() })
  const ids = (l: typeof packed): string => l.list().map((d) => `${d.id}:${d.hash}`).join(',')
  if (ids(packed) !== ids(source)) problems.push('the documents loaded from the archive differ from the source pack')
  if (packed.problems().length > source.problems().length) problems.push(...packed.problems().map((p) => `packed content: ${p.path}: ${p.message}`))
  return { name: 'content from the archive', summary: `${fromArchive.length} Markdown files listed through the asar header, ${packed.list().length} documents loaded, same ids and hashes as the source`, problems }
}

async function main(): Promise<number> {
  const started = Date.now()
  const config = readBuilderConfig()
  await buildIcons(join(REPO, 'build', 'icon.svg'), join(REPO, 'build'))
  run('electron-vite build', process.execPath, [join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])

  const work = await mkdtemp(join(tmpdir(), 'passerelles-package-check-'))
  try {
    const electronVersion = (JSON.parse(readFileSync(join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
    const dist = join(work, 'electron-dist')
    await writeStubElectron(dist, electronVersion)
    const output = join(work, 'release')
    run('electron-builder', process.execPath, [
      join(REPO, 'node_modules', 'electron-builder', 'cli.js'), '--linux', '--dir', '--x64', `-c.electronDist=${dist}`, `-c.directories.output=${output}`,
    ])
    const unpacked = join(output, 'linux-unpacked')
    const archive = join(unpacked, 'resources', 'app.asar')
    const resources = await readdir(join(unpacked, 'resources'))
    const files = asarFiles(archive)
    const notices = NoticesSchema.parse(readAsarJson(archive, `out/renderer/${NOTICES_FILE}`))
    const fuseRows = compareFuses(config.electronFuses, (await getCurrentFuseWire(join(unpacked, String(config.linux.executableName)))) as unknown as Record<number, number>)
    const expected = checkExpected(files, REPO)
    const main = readAsarJson<{ main?: string }>(archive, 'package.json').main?.replace(/^\.\//, '')

    const results: CheckResult[] = [
      checkConfig(config, REPO),
      {
        name: 'layout',
        summary: `resources/ holds ${resources.join(', ')}; app.asar ${files.length} files, ${((await stat(archive)).size / 1e6).toFixed(1)} MB; package.json main → ${main}`,
        problems: [
          ...(resources.length === 1 && resources[0] === 'app.asar' ? [] : [`resources/ must hold only app.asar, found ${resources.join(', ')}`]),
          ...(main && files.includes(main) ? [] : [`package.json main (${String(main)}) is not in the archive`]),
        ],
      },
      expected,
      {
        name: 'generated data (prebuilt search index…)',
        summary: expected.generated.length ? `packed: ${expected.generated.join(', ')}` : 'none',
        problems: [],
      },
      checkForbidden(files),
      checkNotices(asarPackages(archive, files), notices),
      checkFuses(fuseRows),
      await contentCheck(archive, work),
      ...(await bootCheck(archive, work, (await createContentLibrary({ contentDir: join(REPO, 'content'), log: memoryLogger() })).list()[0]!.id)),
    ]

    process.stdout.write(`package:check — electron-builder, stub Electron ${electronVersion}, linux x64 --dir\n`)
    for (const r of results) {
      process.stdout.write(`  ${r.problems.length ? '✗' : '✓'} ${r.name}: ${r.summary}\n`)
      for (const p of r.problems) process.stdout.write(`      ${p}\n`)
      if (r.name === 'fuses') process.stdout.write(`${formatFuseTable(fuseRows).replace(/^/gm, '    ')}\n`)
    }
    const failed = results.filter((r) => r.problems.length > 0)
    process.stdout.write(`${failed.length ? `FAILED: ${failed.map((r) => r.name).join(', ')}` : 'all checks passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
    return failed.length ? 1 : 0
  } finally {
    if (process.argv.includes('--keep')) process.stdout.write(`kept: ${work}\n`)
    else await rm(work, { recursive: true, force: true })
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`package:check: ${(e as Error).stack ?? String(e)}\n`)
    process.exitCode = 1
  },
)
