/**
 * Durable small-file writes: write a temp file in the same folder, fsync it, rename it over the
 * target, fsync the folder. After `writeFileAtomic` resolves, a crash (even SIGKILL or power loss
 * on a journaling file system) leaves either the old or the new content, never a mix.
 */
import { open, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

export async function fsyncDir(dir: string): Promise<void> {
  const h = await open(dir, 'r')
  try {
    await h.sync()
  } catch {
    // Some platforms (Windows) cannot fsync a directory; rename is still atomic there.
  } finally {
    await h.close()
  }
}

/**
 * `onStep` (tests only, see annotations/phases.ts) is called synchronously once the temp file is
 * written (`written`, before its fsync) and once it is durable (`synced`, before the rename).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, onStep?: (step: 'written' | 'synced') => void): Promise<void> {
  const dir = dirname(path)
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const h = await open(tmp, 'w', 0o600)
  try {
    await h.writeFile(data)
    onStep?.('written')
    await h.sync()
    onStep?.('synced')
  } finally {
    await h.close()
  }
  try {
    await rename(tmp, path)
  } catch (e) {
    await unlink(tmp).catch(() => undefined)
    throw e
  }
  await fsyncDir(dir)
}

/**
 * A cache file (a search index: rebuilt when missing or torn): written to `<path>.<hex>.tmp` and
 * renamed over the target, without fsync — durability is not worth its cost for what can be rebuilt.
 * The temp file never stays behind, whether the write succeeds or fails.
 */
export async function writeCacheFile(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(tmp, data)
    await rename(tmp, path)
  } finally {
    await rm(tmp, { force: true })
  }
}
