/**
 * Daily rolling backups of the annotations: `annotations-backups/annotations-YYYY-MM-DD.json`, a
 * full snapshot (same format as annotations.json), written once per day when the store opens or
 * compacts, the 7 most recent kept. Besides these, every compaction keeps the previous snapshot and
 * journal as `annotations.json.bak` + `annotations.journal.jsonl.bak` (hard links, so free), which
 * let recovery restore the exact last acknowledged state.
 */
import { copyFile, link, mkdir, open, readdir, rename, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fsyncDir } from '../platform/atomic-file'

export const BACKUP_DIR = 'annotations-backups'
export const KEEP_DAILY = 7
const DAILY = /^annotations-(\d{4}-\d{2}-\d{2})\.json$/

/** Daily backups, newest first (absolute paths). */
export async function listDailyBackups(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, BACKUP_DIR)
  const names = await readdir(dir).catch(() => [] as string[])
  return names
    .filter((n) => DAILY.test(n))
    .sort()
    .reverse()
    .map((n) => join(dir, n))
}

/** Writes today's backup (with `write`) if there is none yet, then keeps the KEEP_DAILY newest. Returns the path written, or null. */
export async function ensureDailyBackup(dataDir: string, today: Date, write: (path: string) => Promise<void>): Promise<string | null> {
  const dir = join(dataDir, BACKUP_DIR)
  const path = join(dir, `annotations-${today.toISOString().slice(0, 10)}.json`)
  const existing = await listDailyBackups(dataDir)
  if (existing.includes(path)) return null
  await mkdir(dir, { recursive: true })
  await write(path)
  for (const old of (await listDailyBackups(dataDir)).slice(KEEP_DAILY)) await unlink(old).catch(() => undefined)
  return path
}

/**
 * Makes `dst` a copy of `src`, atomically. `link` (free) is for files that are only ever replaced by
 * rename, never edited in place: the previous snapshot and journal. A daily backup is a real `copy`,
 * so that even an editor saving annotations.json in place cannot damage it.
 */
export async function keepCopy(src: string, dst: string, how: 'link' | 'copy' = 'link'): Promise<void> {
  const tmp = `${dst}.tmp`
  await unlink(tmp).catch(() => undefined)
  try {
    if (how === 'link') await link(src, tmp)
    else await copyFile(src, tmp)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
    await copyFile(src, tmp)
  }
  const h = await open(tmp, 'r+')
  await h.sync().finally(() => h.close())
  await rename(tmp, dst)
  await fsyncDir(dirname(dst))
}
