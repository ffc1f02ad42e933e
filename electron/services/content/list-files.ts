/**
 * Lists a content pack's documents. The walk reads ONE directory at a time with
 * `readdir(dir, { withFileTypes: true })` and only asks each entry for `name`, `isFile()` and
 * `isDirectory()`. That is the subset of `fs` that Electron's asar patches have supported for years,
 * so the same code lists the pack in a source tree, in the CLI and inside the packaged app.asar —
 * whereas `readdir({ recursive: true })` reached asar archives only in Electron 30 and its entries'
 * `parentPath` is not guaranteed there. Symbolic links are not followed.
 */
import { readdir } from 'node:fs/promises'

export interface DirEntry {
  readonly name: string
  isFile(): boolean
  isDirectory(): boolean
}

export type ReadDir = (dir: string) => Promise<readonly DirEntry[]>

const nodeReadDir: ReadDir = (dir) => readdir(dir, { withFileTypes: true })

/** Every `.md` file under `root` except READMEs, as root-relative paths with forward slashes, sorted. */
export async function listMarkdownFiles(root: string, readDir: ReadDir = nodeReadDir): Promise<string[]> {
  const out: string[] = []
  const walk = async (rel: string): Promise<void> => {
    const dir = rel === '' ? root : `${root}/${rel}`
    for (const entry of await readDir(dir)) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`
      if (entry.isDirectory()) await walk(path)
      else if (entry.isFile() && entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') out.push(path)
    }
  }
  await walk('')
  return out.sort()
}
