/**
 * « Recueillir les avis » under load (issue 18's targets), on the loopback interface with the real
 * room service (node:http server, fsync'ed journal): ROOM_PHONES simulated phones (default 200)
 * join, then for ROOM_SECONDS (default 120; `BENCH_ROOM_SECONDS=15 npm run bench room` for a short
 * run) each answers every 5–15 s, gives « +1 » every 2–4 s and refreshes every 3 s, as the page does
 * (`room-load.ts`, shared with `room-console.bench.ts`).
 *
 * Measured:
 * - send → shown in the console: from the phone's POST to the first `room.status()` that lists the
 *   answer, read when the service announces a change (what the presenter's window does on
 *   `room.changed`) — p50/p95/max, target p95 ≤ 200 ms;
 * - answers lost: acknowledged (201) but absent from the journal read back by a fresh service — target 0;
 * - the console's work per change: the longest `room.status()` (the renderer's fetch builds it in
 *   main; the renderer's own frames are measured by `room-console.bench.ts`) — target ≤ 50 ms;
 * - the participant page's weight (HTML + CSS + JS) — target ≤ 50 kB;
 * - SIGKILL under load: the server runs in a child process (`room-server.child.ts`), the phones
 *   answer as fast as they are acknowledged, the child is killed with SIGKILL halfway through
 *   (ROOM_KILL_SECONDS, default 10 s in all), and a fresh service on the same data dir must hold
 *   every acknowledged answer — target 0 lost (`notAcknowledged` counts sends refused by the
 *   session's rate limit or cut by the kill).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createRoomService } from '../../electron/services/room/room-service'
import { fixedClock } from '../../electron/services/platform/clock'
import { memoryLogger } from '../../electron/services/platform/log'
import { joinRoom, post, raw, testQuestions, TEST_SECTION } from '../../electron/services/testing/room-client'
import type { RoomParticipantView } from '../../electron/shared/room/views'
import type { BenchResult } from './types'
import { between, percentile, simulatePhones, wait } from './room-load'
import { runTs } from '../../electron/services/testing/child'

/** Phones answering a child-process server, killed with SIGKILL halfway: acknowledged answers lost after restart. */
async function killedUnderLoad(phones: number, seconds: number): Promise<{ acked: number; lost: number; notAcknowledged: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'passerelles-room-kill-'))
  const child = runTs(join(__dirname, '..', '..', 'electron', 'services', 'testing', 'room-server.child.ts'), [dataDir])
  const [, port, token, code] = (await child.waitFor((l) => l.startsWith('ready '))).split(' ') as [string, string, string, string]
  const p = Number(port)
  const keys = await Promise.all(Array.from({ length: phones }, () => joinRoom(p, token, code)))
  const questionId = (JSON.parse((await raw(p, 'GET', `/${token}/state`, { headers: { 'x-room-key': keys[0]! } })).text) as RoomParticipantView).question!.id
  const acked: string[] = []
  let sent = 0
  const killAt = performance.now() + (seconds * 1000) / 2
  const phone = async (key: string, n: number): Promise<void> => {
    for (let i = 0; ; i++) {
      if (performance.now() >= killAt && !child.proc.killed) child.proc.kill('SIGKILL')
      sent++
      const r = await post(p, `/${token}/answer`, { questionId, text: `Téléphone ${n}, idée ${i}` }, key).catch(() => null)
      if (r === null) return
      if (r.status === 201) acked.push((JSON.parse(r.text) as { id: string }).id)
      await wait(between(50, 250))
    }
  }
  await Promise.all(keys.map((k, n) => phone(k, n)))
  await child.exited
  const again = await createRoomService({ dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), questionsFor: testQuestions, host: '127.0.0.1' })
  const kept = new Set(again.status().view!.answers.map((a) => a.id))
  await again.close()
  await rm(dataDir, { recursive: true, force: true })
  return { acked: acked.length, lost: acked.filter((id) => !kept.has(id)).length, notAcknowledged: sent - acked.length }
}

export async function run(): Promise<BenchResult[]> {
  const phones = Number(process.env.ROOM_PHONES ?? 200)
  const seconds = Number(process.env.BENCH_ROOM_SECONDS ?? 120)
  const dataDir = await mkdtemp(join(tmpdir(), 'passerelles-room-bench-'))
  const shownAt = new Map<string, number>()
  const statusMs: number[] = []
  let service: Awaited<ReturnType<typeof createRoomService>> | null = null
  const onChange = (): void => {
    const t0 = performance.now()
    const s = service!.status()
    const t1 = performance.now()
    statusMs.push(t1 - t0)
    for (const a of s.view?.answers ?? []) if (!shownAt.has(a.id)) shownAt.set(a.id, t1)
  }
  service = await createRoomService({
    dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), questionsFor: testQuestions, host: '127.0.0.1',
    // Every simulated phone comes from 127.0.0.1: the per-address join limit would hold them back.
    limits: { joinPerAddress: { capacity: phones + 10, everyMs: 1 } },
    onChange,
  })
  const started = await service.start({ docId: TEST_SECTION.docId, sectionId: null })
  const url = new URL(started.urls[0]!)
  const port = Number(url.port)
  const token = url.pathname.slice(1)
  const code = started.view!.code
  const questionId = started.view!.current!

  const pageBytes = (await Promise.all(['', '/app.css', '/app.js'].map((p) => raw(port, 'GET', `/${token}${p}`)))).reduce((n, r) => n + Buffer.byteLength(r.text), 0)

  const load = await simulatePhones({ port, token, code, questionId }, phones, seconds)
  const { acked, sentAt } = load
  await wait(100) // the last coalesced change announcement
  await service.close()

  // Zero lost: a fresh service reads the journal back.
  const again = await createRoomService({ dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), questionsFor: testQuestions, host: '127.0.0.1' })
  const kept = new Set(again.status().view!.answers.map((a) => a.id))
  const lost = acked.filter((id) => !kept.has(id)).length
  await again.close()
  await rm(dataDir, { recursive: true, force: true })

  const killed = await killedUnderLoad(phones, Number(process.env.ROOM_KILL_SECONDS ?? 10))

  const latencies = acked.filter((id) => shownAt.has(id)).map((id) => Math.max(0, shownAt.get(id)! - sentAt.get(id)!)).sort((a, b) => a - b)
  const statusSorted = [...statusMs].sort((a, b) => a - b)
  const detail = { phones, seconds, acked: acked.length, errors: load.errors, statuses: load.statuses }
  return [
    { name: `send → shown in the console, p95 (${phones} phones, ${seconds} s)`, value: percentile(latencies, 95), unit: 'ms', target: 200, detail: { ...detail, p50: percentile(latencies, 50), max: latencies.at(-1) ?? NaN } },
    { name: 'acknowledged answers lost (journal read back)', value: lost, unit: 'count', target: 0, detail },
    { name: 'answers acknowledged', value: acked.length, unit: 'count', lowerIsBetter: false },
    { name: 'console state per change (room.status), max', value: statusSorted.at(-1) ?? 0, unit: 'ms', target: 50, detail: { p95: percentile(statusSorted, 95), changes: statusMs.length } },
    { name: 'participant page (HTML + CSS + JS)', value: pageBytes / 1000, unit: 'kB', target: 50 },
    { name: `SIGKILL under load (${phones} phones): acknowledged answers lost`, value: killed.lost, unit: 'count', target: 0, detail: killed },
  ]
}
