import { describe, expect, it } from 'vitest'
import { inShortTurns } from './short-turns'

/** Keeps the CPU busy for `ms` (the work a step stands for). */
function busy(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    /* working */
  }
}

describe('inShortTurns', () => {
  it('calls every step in order and lets other work run between turns once a turn has used its budget', async () => {
    const seen: string[] = []
    const other = new Promise<void>((resolve) => setImmediate(() => (seen.push('other'), resolve())))
    await inShortTurns([1, 2, 3, 4], (n) => {
      seen.push(`step ${n}`)
      busy(3)
    }, 5)
    await other
    expect(seen.filter((x) => x !== 'other')).toEqual(['step 1', 'step 2', 'step 3', 'step 4'])
    // Never before the first step; at the latest after the second (two 3 ms steps exceed the 5 ms budget).
    expect([1, 2]).toContain(seen.indexOf('other'))
  })

  it('keeps to one turn while the budget lasts, and awaits asynchronous steps', async () => {
    const seen: string[] = []
    const other = new Promise<void>((resolve) => setImmediate(() => (seen.push('other'), resolve())))
    await inShortTurns(['a', 'b', 'c'], async (x) => void seen.push(x), 1_000)
    seen.push('done')
    await other
    expect(seen).toEqual(['a', 'b', 'c', 'done', 'other'])
  })
})
