import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { loadJsonFile, readJson, readJsonSync } from './json-file'
import { tempDir } from '../testing/temp-pack'

describe('readJson, the first step of every JSON file the services read', () => {
  it('tells a missing file, an empty file and a file that is not JSON apart', async () => {
    const dir = await tempDir('passerelles-json-')
    expect(await readJson(join(dir, 'absent.json'))).toEqual({ status: 'missing' })
    await writeFile(join(dir, 'vide.json'), '')
    expect(await readJson(join(dir, 'vide.json'))).toEqual({ status: 'not-json', reason: 'empty file' })
    await writeFile(join(dir, 'coupé.json'), '{ "a": [1,')
    expect(await readJson(join(dir, 'coupé.json'))).toMatchObject({ status: 'not-json', reason: expect.stringMatching(/^not JSON: /) })
    await writeFile(join(dir, 'ok.json'), '{ "a": [1, "œ"] }')
    expect(await readJson(join(dir, 'ok.json'))).toEqual({ status: 'read', value: { a: [1, 'œ'] } })
    // The synchronous reading (notes' shards) answers the same.
    for (const name of ['absent.json', 'vide.json', 'coupé.json', 'ok.json']) expect(readJsonSync(join(dir, name))).toEqual(await readJson(join(dir, name)))
  })

  it('throws what is not about the content (a folder where the file should be)', async () => {
    const dir = await tempDir('passerelles-json-')
    await mkdir(join(dir, 'dossier.json'))
    await expect(readJson(join(dir, 'dossier.json'))).rejects.toMatchObject({ code: 'EISDIR' })
    expect(() => readJsonSync(join(dir, 'dossier.json'))).toThrow(expect.objectContaining({ code: 'EISDIR' }))
  })
})

describe('loadJsonFile', () => {
  const Schema = z.object({ n: z.number() }).strict()

  it('moves an invalid file aside, keeps it unchanged, and says why', async () => {
    const dir = await tempDir('passerelles-json-')
    const path = join(dir, 'réglages.json')
    await writeFile(path, '{ "n": "deux" }')
    const r = await loadJsonFile(path, Schema, () => ({ n: 0 }), () => new Date('2026-12-07T10:00:00Z'))
    expect(r).toMatchObject({ status: 'recovered', value: { n: 0 }, reason: expect.stringMatching(/^invalid content/) })
    expect(await readdir(dir)).toEqual(['réglages.json.corrupt-2026-12-07T10-00-00-000Z'])
    expect(await loadJsonFile(path, Schema, () => ({ n: 0 }), () => new Date())).toEqual({ status: 'missing', value: { n: 0 } })
  })
})
