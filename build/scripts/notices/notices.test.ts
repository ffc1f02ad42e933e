import { describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { buildNotices, contentLicenceNotice } from './notices'
import { dependencyClosure, packageDirOf, packageNameOf } from './packages'
import { NoticesSchema } from '../../../electron/shared/about/notices'

const REPO = resolve(__dirname, '..', '..', '..')

async function project(files: Record<string, string | object>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'passerelles-notices-'))
  for (const [path, body] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), typeof body === 'string' ? body : JSON.stringify(body))
  }
  return root
}

describe('package lookup', () => {
  it.each([
    ['/p/node_modules/react/index.js', '/p/node_modules/react'],
    ['/p/node_modules/@scope/pkg/dist/x.js', '/p/node_modules/@scope/pkg'],
    ['/p/node_modules/a/node_modules/b/lib/c.js', '/p/node_modules/a/node_modules/b'],
    ['/p/electron/main/index.ts', null],
  ])('%s belongs to %s', (file, dir) => expect(packageDirOf(file)).toBe(dir))

  it.each([['lunr-languages/lunr.fr.js', 'lunr-languages'], ['@scope/pkg/sub', '@scope/pkg'], ['zod', 'zod']])('%s → %s', (spec, name) =>
    expect(packageNameOf(spec)).toBe(name),
  )
})

describe('buildNotices', () => {
  const files = {
    'package.json': { name: 'app', productName: 'App', version: '1.2.3', license: 'GPL-3.0-or-later', dependencies: { a: '1', tsx: '4' } },
    LICENSE: 'GPL text',
    'content/README.md': 'Intro.\n\n**Licence du corpus : CC BY-SA 4.0.** Citez-nous\net partagez.\n\nSuite.',
    'node_modules/a/package.json': { name: 'a', version: '1.0.0', license: 'MIT', dependencies: { b: '2' }, optionalDependencies: { 'not-installed': '1' } },
    'node_modules/a/LICENSE': 'MIT licence of a',
    'node_modules/a/node_modules/b/package.json': { name: 'b', version: '2.0.0', license: { type: 'ISC' }, author: { name: 'Bea' } },
    'node_modules/tsx/package.json': { name: 'tsx', version: '4.0.0', license: 'MIT', dependencies: { esbuild: '1' } },
    'node_modules/r/package.json': { name: 'r', version: '3.0.0', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }], repository: 'git+https://example.org/r.git' },
    'node_modules/r/COPYING.txt': 'copying r',
    'node_modules/r/LICENSE-APACHE': 'apache r',
    'node_modules/rolldown/package.json': { name: 'rolldown', version: '1.0.0', license: 'MIT' },
    'node_modules/electron/package.json': { name: 'electron', version: '41.0.0', license: 'MIT' },
    'node_modules/electron/LICENSE': 'electron licence',
  }

  it('lists packed and bundled packages with their licence texts, and the app and content licences', async () => {
    const root = await project(files)
    const notices = buildNotices(root, {
      main: [join(root, 'electron/main/index.ts'), '\0rolldown/runtime.js'],
      preload: [],
      renderer: [join(root, 'node_modules/r/index.js'), join(root, 'node_modules/a/x.js')],
    })
    expect(NoticesSchema.parse(notices)).toEqual(notices)
    expect(notices.app).toEqual({ name: 'App', version: '1.2.3', licence: 'GPL-3.0-or-later', text: 'GPL text' })
    expect(notices.content.notice).toBe('**Licence du corpus : CC BY-SA 4.0.** Citez-nous et partagez.')
    const byName = Object.fromEntries(notices.packages.map((p) => [p.name, p]))
    expect(Object.keys(byName)).toEqual(['a', 'b', 'r', 'rolldown', 'electron'])
    expect(byName.a).toMatchObject({ licence: 'MIT', packed: true, bundledIn: ['renderer'], text: 'MIT licence of a' })
    expect(byName.b).toMatchObject({ licence: 'ISC', packed: true, bundledIn: [], author: 'Bea', text: null })
    expect(byName.r).toMatchObject({ licence: '(MIT OR Apache-2.0)', packed: false, homepage: 'https://example.org/r', text: 'copying r\n\napache r' })
    expect(byName.rolldown).toMatchObject({ bundledIn: ['main'], packed: false })
    expect(byName.electron!.text).toContain('LICENSES.chromium.html')
  })

  it('fails when a runtime dependency is missing (the packed app would crash)', async () => {
    const root = await project({ ...files, 'node_modules/a/node_modules/b/package.json': '{}' })
    expect(() => dependencyClosure(root, ['a'])).toThrow(/name or version/)
    const bare = await project({ 'node_modules/a/package.json': { name: 'a', version: '1.0.0', dependencies: { gone: '1' } } })
    expect(() => dependencyClosure(bare, ['a'])).toThrow(/gone .* is not installed/)
  })
})

describe('content licence', () => {
  it('is read from the real content/README.md', async () => {
    const notice = contentLicenceNotice(await readFile(join(REPO, 'content', 'README.md'), 'utf8'))
    expect(notice).toMatch(/^\*\*Licence du corpus : Creative Commons Attribution/)
    expect(notice).toContain('CC BY-SA 4.0')
  })

  it('must be stated', () => {
    expect(() => contentLicenceNotice('# Contenu\n\nPas de licence.')).toThrow(/does not state the content licence/)
  })
})
