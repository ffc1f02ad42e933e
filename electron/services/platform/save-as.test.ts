import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { saveAs } from './save-as'
import { AppFailure } from '../../shared/result'
import { tempDir } from '../testing/temp-pack'

describe('saveAs', () => {
  it('asks with the suggested name, writes there and says how many bytes', async () => {
    const dir = await tempDir('passerelles-save-as-')
    const asked: string[] = []
    const saved = await saveAs(
      async (name) => {
        asked.push(name)
        return join(dir, name)
      },
      'notes-cœur.md',
      'Cœur ✓',
    )
    expect(asked).toEqual(['notes-cœur.md'])
    expect(saved).toEqual({ path: join(dir, 'notes-cœur.md'), bytes: Buffer.byteLength('Cœur ✓', 'utf8') })
    expect(await readFile(join(dir, 'notes-cœur.md'), 'utf8')).toBe('Cœur ✓')
  })

  it('is null when the user cancels, or when there is no dialog, and then builds nothing', async () => {
    let built = 0
    const content = async (): Promise<string> => {
      built++
      return 'x'
    }
    expect(await saveAs(async () => null, 'a.html', content)).toBeNull()
    expect(await saveAs(undefined, 'a.html', content)).toBeNull()
    expect(built).toBe(0)
  })

  it('replaces a previous file whole, leaving no temporary file beside it (atomic write)', async () => {
    const dir = await tempDir('passerelles-save-as-')
    const path = join(dir, 'deck.html')
    await writeFile(path, 'ancien contenu bien plus long que le nouveau')
    expect(await saveAs(async () => path, 'deck.html', async () => 'nouveau')).toEqual({ path, bytes: 7 })
    expect(await readFile(path, 'utf8')).toBe('nouveau')
    expect(await readdir(dir)).toEqual(['deck.html'])
  })

  it('reports a refused write as an io failure naming the path, and leaves the previous file intact', async () => {
    const dir = await tempDir('passerelles-save-as-')
    // A folder where the file should be: the final rename cannot replace it.
    const path = join(dir, 'occupé.md')
    await mkdir(path)
    await writeFile(join(path, 'dedans.txt'), 'gardé')
    const failure = await saveAs(async () => path, 'occupé.md', 'texte').catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(AppFailure)
    expect(failure).toMatchObject({ code: 'io', message: expect.stringContaining(path) })
    expect(await readFile(join(path, 'dedans.txt'), 'utf8')).toBe('gardé')
    expect(await readdir(dir)).toEqual(['occupé.md'])
  })
})
