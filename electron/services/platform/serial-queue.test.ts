import { describe, expect, it } from 'vitest'
import { serialQueue } from './serial-queue'

describe('serialQueue', () => {
  it('runs tasks one at a time, in order, a failure reaching only its caller', async () => {
    const q = serialQueue()
    const log: string[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const first = q.run(async () => {
      log.push('first start')
      await gate
      log.push('first end')
      return 1
    })
    const failing = q.run(async () => {
      log.push('second')
      throw new Error('refused')
    })
    const third = q.run(async () => (log.push('third'), 3))
    await Promise.resolve()
    expect(log).toEqual(['first start'])
    release()
    expect(await first).toBe(1)
    await expect(failing).rejects.toThrow('refused')
    expect(await third).toBe(3)
    expect(log).toEqual(['first start', 'first end', 'second', 'third'])
  })

  it('idle waits for tasks queued while waiting', async () => {
    const q = serialQueue()
    const done: number[] = []
    void q.run(async () => {
      done.push(1)
      void q.run(async () => void done.push(2))
    })
    await q.idle()
    expect(done).toEqual([1, 2])
  })
})
