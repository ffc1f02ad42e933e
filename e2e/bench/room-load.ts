/**
 * The room benches' simulated phones (`room.bench.ts`, `room-console.bench.ts`): `phones` devices
 * join a running session on the loopback interface, then until `seconds` have passed each answers
 * every 5–15 s, gives « +1 » to an answer it saw every 2–4 s and refreshes every 3 s, as the
 * participant page does. Raw HTTP (`testing/room-client.ts`), the same requests a phone sends.
 */
import { performance } from 'node:perf_hooks'
import { joinRoom, post, raw } from '../../electron/services/testing/room-client'
import type { RoomParticipantView } from '../../electron/shared/room/views'

export interface RoomTarget {
  readonly port: number
  readonly token: string
  readonly code: string
  readonly questionId: string
}

export interface LoadReport {
  /** Acknowledged answers' ids, with when each was sent (performance.now() of the POST). */
  readonly sentAt: ReadonlyMap<string, number>
  readonly acked: readonly string[]
  /** HTTP statuses received, e.g. `201:350 200:4000`. */
  readonly statuses: string
  readonly errors: number
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

export const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
export const between = (lo: number, hi: number): number => lo + Math.random() * (hi - lo)

/** Joins `phones` devices, then runs them for `seconds`; resolves when every phone has stopped. */
export async function simulatePhones(target: RoomTarget, phones: number, seconds: number): Promise<LoadReport> {
  const { port, token, code, questionId } = target
  const keys = await Promise.all(Array.from({ length: phones }, () => joinRoom(port, token, code)))
  const sentAt = new Map<string, number>()
  const acked: string[] = []
  const statuses = new Map<number, number>()
  let errors = 0
  const count = (s: number): void => void statuses.set(s, (statuses.get(s) ?? 0) + 1)
  const end = performance.now() + seconds * 1000
  const phone = async (key: string, n: number): Promise<void> => {
    let seen: readonly string[] = []
    let nextAnswer = performance.now() + between(0, 10_000)
    let nextPoll = performance.now() + between(0, 3000)
    let i = 0
    while (performance.now() < end) {
      const now = performance.now()
      try {
        if (now >= nextAnswer) {
          const t = performance.now()
          const r = await post(port, `/${token}/answer`, { questionId, text: `Téléphone ${n}, idée ${i++} : mutualiser, former, documenter.` }, key)
          count(r.status)
          if (r.status === 201) {
            const id = (JSON.parse(r.text) as { id: string }).id
            sentAt.set(id, t)
            acked.push(id)
          }
          nextAnswer = performance.now() + between(5000, 15_000)
        } else if (now >= nextPoll) {
          const r = await raw(port, 'GET', `/${token}/state`, { headers: { 'x-room-key': key } })
          count(r.status)
          if (r.status === 200) seen = (JSON.parse(r.text) as RoomParticipantView).answers.filter((a) => !a.mine).map((a) => a.id)
          nextPoll = performance.now() + 3000
        } else if (seen.length > 0) {
          const r = await post(port, `/${token}/vote`, { answerId: seen[Math.floor(Math.random() * seen.length)]! }, key)
          count(r.status)
        }
      } catch {
        errors++
      }
      await wait(between(2000, 4000))
    }
  }
  await Promise.all(keys.map((k, n) => phone(k, n)))
  return { sentAt, acked, statuses: [...statuses].map(([s, n]) => `${s}:${n}`).join(' '), errors }
}
