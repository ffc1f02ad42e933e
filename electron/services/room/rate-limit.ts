/**
 * Token buckets, per key (a device, an address) and for the whole session: `capacity` requests at
 * once, then one every `everyMs`. Time comes from the caller (monotonic ms), so tests are exact.
 * Buckets of keys unseen for a while are forgotten (memory stays bounded under a flood of keys).
 */
export interface BucketRule {
  readonly capacity: number
  readonly everyMs: number
}

export interface RateLimiter {
  /** Takes one token for `key`; false when its bucket is empty (the request is refused). */
  take(key: string, nowMs: number): boolean
}

/** How many keys a limiter remembers at most; the least recently used are forgotten beyond. */
const MAX_KEYS = 10_000

export function rateLimiter(rule: BucketRule): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    take(key, now) {
      const b = buckets.get(key) ?? { tokens: rule.capacity, at: now }
      const refill = Math.floor((now - b.at) / rule.everyMs)
      if (refill > 0) {
        b.tokens = Math.min(rule.capacity, b.tokens + refill)
        b.at = b.tokens === rule.capacity ? now : b.at + refill * rule.everyMs
      }
      buckets.delete(key)
      buckets.set(key, b)
      if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value as string)
      if (b.tokens <= 0) return false
      b.tokens--
      return true
    },
  }
}

/** The limits of a session (defaults below; the load test raises the per-address join limit: all its phones share 127.0.0.1). */
export interface RoomLimits {
  /** Answers per device. */
  readonly answer: BucketRule
  /** « +1 » per device. */
  readonly vote: BucketRule
  /** Refreshes per device. */
  readonly poll: BucketRule
  /** Joins per network address (a phone joins once; a script making devices is held back). */
  readonly joinPerAddress: BucketRule
  /** Wrong codes per network address, and for the whole session (six digits cannot be guessed under it). */
  readonly wrongCodePerAddress: BucketRule
  readonly wrongCodeSession: BucketRule
  /** Writes (answers and votes) of the whole session: the journal and the console keep up. */
  readonly writesSession: BucketRule
}

export const DEFAULT_LIMITS: RoomLimits = {
  answer: { capacity: 5, everyMs: 6_000 },
  vote: { capacity: 30, everyMs: 500 },
  poll: { capacity: 10, everyMs: 500 },
  joinPerAddress: { capacity: 10, everyMs: 10_000 },
  wrongCodePerAddress: { capacity: 5, everyMs: 60_000 },
  wrongCodeSession: { capacity: 30, everyMs: 30_000 },
  writesSession: { capacity: 300, everyMs: 5 },
}
