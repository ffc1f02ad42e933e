/**
 * A cross-process lock on a data file, for the app and the CLI writing the same data dir. The lock
 * is a file created exclusively (`wx`) holding its owner (pid, host, nonce). A lock whose owner
 * process is gone (same host, `kill(pid, 0)` fails) is taken over at once; a lock from another host,
 * or one held absurdly long, after `maxHoldMs`. Taking over happens under a second, short-lived
 * lock and re-checks the owner's nonce, so a live owner's lock is never removed.
 *
 * Why not proper-lockfile: it only knows staleness by mtime (at least 2 s, kept fresh by a timer),
 * so every crash of a writer would block the next one for seconds; the owner's pid says it at once.
 */
import { readFile, stat, unlink } from 'node:fs/promises'
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { AppFailure } from '../../shared/result'

interface Owner {
  readonly pid: number
  readonly host: string
  readonly nonce: string
  readonly at: string
}

export interface LockOptions {
  /** Give up (AppFailure 'conflict') after waiting this long. */
  readonly timeoutMs?: number
  /** A lock older than this is stale whatever its owner (a hung or foreign process). */
  readonly maxHoldMs?: number
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readOwner(path: string): Promise<{ owner: Owner | null; ageMs: number } | null> {
  try {
    const [text, st] = await Promise.all([readFile(path, 'utf8'), stat(path)])
    let owner: Owner | null = null
    try {
      owner = JSON.parse(text) as Owner
    } catch {
      owner = null // being written right now, or its writer died between create and write
    }
    return { owner, ageMs: Date.now() - st.mtimeMs }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

function isStale(found: { owner: Owner | null; ageMs: number }, maxHoldMs: number): boolean {
  if (found.ageMs > maxHoldMs) return true
  if (!found.owner) return found.ageMs > 5_000
  return found.owner.host === hostname() && !alive(found.owner.pid)
}

/**
 * Creates `path` exclusively with our owner record; false if it exists. Synchronous on purpose: two
 * tiny metadata syscalls, cheaper than the thread-pool round trips of the async API under load.
 */
async function tryCreate(path: string, owner: Owner): Promise<boolean> {
  let fd: number
  try {
    fd = openSync(path, 'wx', 0o600)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw e
  }
  try {
    writeSync(fd, JSON.stringify(owner))
  } finally {
    closeSync(fd)
  }
  return true
}

/** Removes a stale lock, unless it changed hands meanwhile (checked under `path.steal`). */
async function takeOver(path: string, seen: Owner | null, me: Owner, maxHoldMs: number): Promise<void> {
  const guard = `${path}.steal`
  if (!(await tryCreate(guard, me))) {
    const g = await readOwner(guard)
    if (g && isStale(g, Math.min(maxHoldMs, 10_000))) await unlink(guard).catch(() => undefined)
    return
  }
  try {
    const now = await readOwner(path)
    if (now && now.owner?.nonce === seen?.nonce && isStale(now, maxHoldMs)) await unlink(path).catch(() => undefined)
  } finally {
    await unlink(guard).catch(() => undefined)
  }
}

/** Runs `fn` holding the lock `path`; the lock is released even if `fn` throws. */
export async function withProcessLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000
  const maxHoldMs = options.maxHoldMs ?? 60_000
  const me: Owner = { pid: process.pid, host: hostname(), nonce: randomBytes(8).toString('hex'), at: new Date().toISOString() }
  const deadline = Date.now() + timeoutMs
  let wait = 1
  while (!(await tryCreate(path, me))) {
    const found = await readOwner(path)
    if (found && isStale(found, maxHoldMs)) {
      await takeOver(path, found.owner, me, maxHoldMs)
      continue
    }
    if (Date.now() > deadline) {
      const who = found?.owner ? `process ${found.owner.pid} on ${found.owner.host}` : 'another process'
      throw new AppFailure('conflict', `${path} is locked by ${who}; nothing was changed. Try again.`)
    }
    await sleep(wait)
    wait = Math.min(25, wait * 2)
  }
  try {
    return await fn()
  } finally {
    try {
      unlinkSync(path)
    } catch {
      // already gone: nothing to release
    }
  }
}
