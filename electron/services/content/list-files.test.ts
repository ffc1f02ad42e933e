import { describe, expect, it } from 'vitest'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { listMarkdownFiles } from './list-files'
import type { DirEntry, ReadDir } from './list-files'
import { tempDir, writePack } from '../testing/temp-pack'

describe('listMarkdownFiles', () => {
  it('lists nested Markdown files, sorted, without READMEs or other files', async () => {
    const dir = await writePack({
      'README.md': '# readme',
      'glossaire.md': 'g',
      'cas/b.md': 'b',
      'cas/a.md': 'a',
      'cas/deep/er/c.md': 'c',
      'cas/Readme.md': 'r',
      'images/x.png': 'png',
      'notes.txt': 't',
    })
    expect(await listMarkdownFiles(dir)).toEqual(['cas/a.md', 'cas/b.md', 'cas/deep/er/c.md', 'glossaire.md'])
  })

  it('does not follow symbolic links out of the pack', async () => {
    const outside = await writePack({ 'secret.md': 's', 'sub/other.md': 'o' })
    const dir = await tempDir()
    await mkdir(join(dir, 'cas'))
    await writeFile(join(dir, 'cas', 'a.md'), 'a')
    await symlink(join(outside, 'secret.md'), join(dir, 'link.md'))
    await symlink(join(outside, 'sub'), join(dir, 'linked-dir'))
    expect(await listMarkdownFiles(dir)).toEqual(['cas/a.md'])
  })

  it('needs nothing but name, isFile and isDirectory from a directory listing (what asar archives give)', async () => {
    // Electron's asar readdir returns Dirent(name, type) without parentPath; this listing gives the same.
    const tree: Record<string, Record<string, 'file' | 'dir'>> = {
      '/app.asar/content': { 'cahier': 'dir', 'glossaire.md': 'file', 'README.md': 'file' },
      '/app.asar/content/cahier': { '01-a.md': 'file', '02-b.md': 'file' },
    }
    const readDir: ReadDir = async (dir) =>
      Object.entries(tree[dir] ?? {}).map(([name, type]): DirEntry => ({ name, isFile: () => type === 'file', isDirectory: () => type === 'dir' }))
    expect(await listMarkdownFiles('/app.asar/content', readDir)).toEqual(['cahier/01-a.md', 'cahier/02-b.md', 'glossaire.md'])
  })

  it('fails loudly when the folder does not exist (the library turns it into a problem)', async () => {
    await expect(listMarkdownFiles(join(await tempDir(), 'missing'))).rejects.toThrow(/ENOENT/)
  })
})
