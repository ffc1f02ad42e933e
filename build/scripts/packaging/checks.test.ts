import { describe, expect, it } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readBuilderConfig, REPO } from './builder-config'
import type { BuilderConfig } from './builder-config'
import { checkConfig, checkExpected, checkForbidden, checkFuses, checkNotices } from './checks'
import { compareFuses, formatFuseTable, FUSE_KEYS, FUSE_STATE, RELEASE_FUSES } from './fuses'
import { forbiddenFiles } from './asar-contents'
import type { Notices } from '../../../electron/shared/about/notices'

const config = readBuilderConfig()

describe('electron-builder.yml', () => {
  it('passes the configuration check (icons generated first by the icon test or npm run icons)', async () => {
    const { buildIcons } = await import('../icons/build-icons')
    await buildIcons(join(REPO, 'build', 'icon.svg'), join(REPO, 'build'))
    expect(checkConfig(config, REPO).problems).toEqual([])
  })

  it.each([
    ['a changed appId', { appId: 'org.example.other' }, /appId must stay/],
    ['an update feed', { publish: { provider: 'github' } }, /publish must be null/],
    ['a native rebuild', { npmRebuild: true }, /npmRebuild/],
    ['no URL scheme', { protocols: [] }, /passerelles:\/\//],
    ['a per-machine installer', { nsis: { ...config.nsis, perMachine: true } }, /per user/],
    ['run-as-node left on', { electronFuses: { ...config.electronFuses, runAsNode: true } }, /runAsNode must be false/],
    ['the inspect fuse left on', { electronFuses: { ...config.electronFuses, enableNodeCliInspectArguments: true } }, /enableNodeCliInspectArguments/],
    ['unsigned macOS fuses without an ad-hoc re-signature', { electronFuses: { ...config.electronFuses, resetAdHocDarwinSignature: false } }, /resetAdHocDarwinSignature/],
    ['no deb maintainer e-mail', { linux: { ...config.linux, maintainer: 'Nobody' } }, /maintainer/],
  ])('refuses %s', (_name, patch, message) => {
    const broken = { ...config, ...patch } as BuilderConfig
    expect(checkConfig(broken, REPO).problems.join('\n')).toMatch(message)
  })

  it('asks for every release fuse the issue lists', () => {
    expect(Object.fromEntries(FUSE_KEYS.map((k) => [k, config.electronFuses[k]]))).toEqual(
      Object.fromEntries(FUSE_KEYS.map((k) => [k, RELEASE_FUSES[k].value])),
    )
  })
})

describe('fuse table', () => {
  const wire = (values: (boolean | 'r')[]): Record<number, number> =>
    Object.fromEntries(values.map((v, i) => [i, v === 'r' ? FUSE_STATE.removed : v ? FUSE_STATE.enabled : FUSE_STATE.disabled]))

  it('shows each fuse, expected and found, and flags the differences', () => {
    const good = FUSE_KEYS.map((k) => RELEASE_FUSES[k].value)
    expect(checkFuses(compareFuses(config.electronFuses, wire(good))).problems).toEqual([])
    const bad: (boolean | 'r')[] = [...good]
    bad[0] = true
    bad[3] = 'r'
    const rows = compareFuses(config.electronFuses, wire(bad))
    expect(checkFuses(rows).problems).toEqual(['runAsNode: expected false, binary has true', 'enableNodeCliInspectArguments: expected false, binary has removed'])
    const table = formatFuseTable(rows)
    expect(table.split('\n')).toHaveLength(FUSE_KEYS.length)
    expect(table).toMatch(/✗ runAsNode\s+expected off\s+binary on/)
    expect(table).toMatch(/✓ onlyLoadAppFromAsar\s+expected on\s+binary on/)
  })

  it('treats a wire too short for a fuse as absent', () => {
    expect(compareFuses({ runAsNode: false }, {})[0]).toMatchObject({ actual: 'absent', ok: false })
  })
})

describe('archive rules', () => {
  it.each([
    'out/main/index.js.map', 'electron/main/index.ts', 'node_modules/zod/index.d.ts', 'content/x.test.js', 'e2e/specs/a.spec.ts',
    'e2e/fixtures/pack/a.md', 'node_modules/a/test/x.js', 'renderer/src/main.tsx', 'scripts/package-check.ts', 'tsconfig.json',
    'electron.vite.config.ts', 'package-lock.json', '.env', 'node_modules/tsx/dist/cli.mjs', 'node_modules/@esbuild/linux-x64/bin/esbuild', 'build/icon.svg',
  ])('forbids %s', (file) => expect(forbiddenFiles([file])).toHaveLength(1))

  it.each(['out/main/index.js', 'out/renderer/assets/index-abc.js', 'content/cas/april.md', 'node_modules/jsdom/lib/api.js', 'package.json', 'LICENSE', 'out/renderer/notices.json'])(
    'allows %s',
    (file) => expect(forbiddenFiles([file])).toEqual([]),
  )

  it('reports what is missing from the archive, and no problem for a complete one', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'passerelles-empty-'))
    const complete = ['package.json', 'LICENSE', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'out/renderer/notices.json', 'content/README.md', 'out/renderer/assets/a.js']
    expect(checkExpected(complete, empty).problems).toEqual([])
    expect(checkExpected(complete.filter((f) => !f.startsWith('out/preload')), empty).problems).toEqual(['out/preload/index.js is not in app.asar'])
    expect(checkForbidden([...complete, 'out/main/index.js.map']).problems).toEqual(['out/main/index.js.map: source map'])
  })

  it('matches packed packages and notices both ways', () => {
    const notices = {
      app: { name: 'a', version: '1', licence: 'GPL-3.0-or-later', text: '' },
      content: { licence: 'CC-BY-SA-4.0', url: '', notice: '' },
      packages: [
        { name: 'zod', version: '4.0.0', licence: 'MIT', homepage: null, author: null, bundledIn: [], packed: true, text: 'MIT' },
        { name: 'react', version: '19.0.0', licence: 'MIT', homepage: null, author: null, bundledIn: ['renderer'], packed: false, text: 'MIT' },
        { name: 'gone', version: '1.0.0', licence: 'MIT', homepage: null, author: null, bundledIn: [], packed: true, text: null },
      ],
    } satisfies Notices
    const packed = new Map([['zod@4.0.0', 'node_modules/zod'], ['extra@2.0.0', 'node_modules/extra']])
    expect(checkNotices(packed, notices).problems).toEqual([
      'extra@2.0.0 is packed but has no notice (add it to the notices or keep it out of the asar)',
      'gone@1.0.0 has a notice as packed, but is not in app.asar',
    ])
  })
})
