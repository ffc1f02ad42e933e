import { describe, expect, it } from 'vitest'
import { writeFile, utimes, access } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { withProcessLock } from './process-lock'
import { tempDir } from '../testing/temp-pack'
import { runTs } from '../testing/child'

const HOLDER = join(__dirname, '..', 'testing', 'lock-holder.ts')

describe('process lock', () => {
  it('serialises critical sections (a read-modify-write counter loses nothing)', async () => {
    const lock = join(await tempDir(), 'x.lock')
    let counter = 0
    await Promise.all(
      Array.from({ length: 40 }, () =>
        withProcessLock(lock, async () => {
          const seen = counter
          await sleep(1)
          counter = seen + 1
        }),
      ),
    )
    expect(counter).toBe(40)
    await expect(access(lock)).rejects.toThrow() // released
  })

  it('waits for a live holder in another process, and gives up with a clear error value', async () => {
    const lock = join(await tempDir(), 'x.lock')
    const child = runTs(HOLDER, [lock])
    try {
      await child.waitFor((l) => l === 'held')
      await expect(withProcessLock(lock, async () => 'mine', { timeoutMs: 300 })).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(new RegExp(`locked by process ${child.proc.pid}`)),
      })
    } finally {
      child.proc.kill('SIGKILL')
      await child.exited
    }
  })

  it('takes over at once from a holder killed with SIGKILL', async () => {
    const lock = join(await tempDir(), 'x.lock')
    const child = runTs(HOLDER, [lock])
    await child.waitFor((l) => l === 'held')
    child.proc.kill('SIGKILL')
    await child.exited
    // No time to wait at all: a wait would end in a conflict at once. So the dead owner's lock is
    // taken over without waiting, however slow the machine (not « in under a second »).
    expect(await withProcessLock(lock, async () => 'mine', { timeoutMs: 0 })).toBe('mine')
  })

  it('takes over an unreadable lock file once it is old, and a lock held beyond maxHoldMs', async () => {
    const dir = await tempDir()
    const garbage = join(dir, 'g.lock')
    await writeFile(garbage, 'half-writ')
    const old = new Date(Date.now() - 60_000)
    await utimes(garbage, old, old)
    expect(await withProcessLock(garbage, async () => 1, { timeoutMs: 2_000 })).toBe(1)
    const foreign = join(dir, 'f.lock')
    await writeFile(foreign, JSON.stringify({ pid: 1, host: 'another-host', nonce: 'n', at: '' }))
    await utimes(foreign, old, old)
    expect(await withProcessLock(foreign, async () => 2, { timeoutMs: 2_000, maxHoldMs: 30_000 })).toBe(2)
  })
})
