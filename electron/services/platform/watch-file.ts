/**
 * Calls `onChange` when a file may have changed on disk, a little after the last sign of it
 * (debounced: an atomic write is several events — temp file created, written, renamed over). The
 * file's FOLDER is watched, not the file: an atomic write replaces the file's inode, which a watch
 * on the file itself would lose. The watch never keeps the process alive (`persistent: false`).
 * A platform that cannot watch (a network drive, too many watches) is logged once and the caller
 * still catches up when it next reads (its refresh compares the file's identity).
 */
import { watch } from 'node:fs'
import type { FSWatcher } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { Logger } from './log'

export interface WatchFileOptions {
  /** Quiet time after the last event before `onChange` runs. Default 75 ms. */
  readonly debounceMs?: number
  readonly log: Logger
}

/** Starts watching; the returned function stops it (and any pending call). */
export function watchFile(path: string, onChange: () => void, options: WatchFileOptions): () => void {
  const name = basename(path)
  let timer: NodeJS.Timeout | null = null
  let watcher: FSWatcher | null = null
  const stop = (): void => {
    if (timer) clearTimeout(timer)
    timer = null
    watcher?.close()
    watcher = null
  }
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
      // Some platforms do not say which file: then it may be ours.
      if (file !== null && file !== name) return
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = null
        onChange()
      }, options.debounceMs ?? 75)
      timer.unref()
    })
    watcher.on('error', (e) => {
      options.log.warn(`watching ${dirname(path)} stopped; changes made by other processes are seen at the next read`, e)
      stop()
    })
  } catch (e) {
    options.log.warn(`cannot watch ${dirname(path)}; changes made by other processes are seen at the next read`, e)
  }
  return stop
}
