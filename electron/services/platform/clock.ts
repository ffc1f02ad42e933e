/** Time as a dependency: services never call `Date.now()` themselves, so tests can pin it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export function fixedClock(iso: string): Clock & { advance(ms: number): void } {
  let t = Date.parse(iso)
  return { now: () => new Date(t), advance: (ms) => void (t += ms) }
}
