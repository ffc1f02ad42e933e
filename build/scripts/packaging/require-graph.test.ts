import { describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { nothingAbove, walkRequireGraph } from './require-graph'

/** A tiny packed app: out/main/index.js requiring a dependency that itself requires a sub-folder. */
async function app(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'graph-'))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), text)
  }
  return root
}

const YAML_LIKE = {
  'out/main/index.js': 'const y = require("yaml"); require("electron"); require("node:fs"); module.exports = y',
  'node_modules/yaml/package.json': '{"name":"yaml","main":"dist/index.js"}',
  'node_modules/yaml/dist/index.js': '// require("./not-real") in a comment is not a require\nmodule.exports = require("./compose/composer.js")',
  'node_modules/yaml/dist/compose/composer.js': 'module.exports = require("../doc/directives.js")',
  'node_modules/yaml/dist/doc/directives.js': 'module.exports = 1',
}

describe('walkRequireGraph', () => {
  it('reaches every file main can load, and finds nothing missing in a complete archive', async () => {
    const root = await app(YAML_LIKE)
    const g = await walkRequireGraph(root, join(root, 'out/main/index.js'), ['electron'])
    expect(g).toEqual({ files: 4, missing: [] })
    await rm(root, { recursive: true })
  })

  it('reports a file the packing rules dropped (yaml’s dist/doc/), with who asked for it', async () => {
    const { ['node_modules/yaml/dist/doc/directives.js']: _dropped, ...rest } = YAML_LIKE
    const root = await app(rest)
    const g = await walkRequireGraph(root, join(root, 'out/main/index.js'), ['electron'])
    expect(g.missing).toHaveLength(1)
    expect(g.missing[0]).toMatch(/node_modules\/yaml\/dist\/compose\/composer\.js:1: Could not resolve "\.\.\/doc\/directives\.js"/)
    await rm(root, { recursive: true })
  })

  it('accepts an optional peer required inside try/catch, as Node survives it', async () => {
    const root = await app({ 'out/main/index.js': 'let c = null\ntry { c = require("canvas") } catch { c = null }\nmodule.exports = c' })
    expect((await walkRequireGraph(root, join(root, 'out/main/index.js'), [])).missing).toEqual([])
    await rm(root, { recursive: true })
  })

  it('checks that a require.resolve target is shipped', async () => {
    const root = await app({ 'out/main/index.js': 'module.exports = require.resolve("./worker.js")' })
    expect((await walkRequireGraph(root, join(root, 'out/main/index.js'), [])).missing[0]).toMatch(/require\.resolve\("\.\/worker\.js"\) names a file the archive does not ship/)
    await writeFile(join(root, 'out/main/worker.js'), '')
    expect((await walkRequireGraph(root, join(root, 'out/main/index.js'), [])).missing).toEqual([])
    await rm(root, { recursive: true })
  })
})

describe('nothingAbove', () => {
  it('is false inside a project (a node_modules above), true for a bare temporary folder', async () => {
    expect(nothingAbove(join(__dirname, 'x'))).toBe(false)
    const root = await app({ 'a/b.js': '' })
    expect(nothingAbove(join(root, 'a'))).toBe(true)
    await rm(root, { recursive: true })
  })
})
