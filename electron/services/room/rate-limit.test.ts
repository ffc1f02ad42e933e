import { describe, expect, it } from 'vitest'
import { rateLimiter } from './rate-limit'

describe('token buckets', () => {
  it('allows a burst of `capacity`, then one per `everyMs`, per key', () => {
    const l = rateLimiter({ capacity: 3, everyMs: 1000 })
    expect([0, 0, 0, 0].map(() => l.take('a', 0))).toEqual([true, true, true, false])
    expect(l.take('b', 0)).toBe(true)
    expect(l.take('a', 999)).toBe(false)
    expect(l.take('a', 1000)).toBe(true)
    expect(l.take('a', 1500)).toBe(false)
    expect([0, 0, 0, 0].map(() => l.take('a', 10_000))).toEqual([true, true, true, false])
  })
})
