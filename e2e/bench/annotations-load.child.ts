/**
 * Benchmark child (annotations.bench.ts): opens the annotation store in argv[2] in a fresh process,
 * as the app does at start-up, reads it, and prints {"wall","cpu","count"} (ms) on stdout.
 */
import { openAnnotationStore } from '../../electron/services/annotations/annotation-store'
import { systemClock } from '../../electron/services/platform/clock'
import { memoryLogger } from '../../electron/services/platform/log'

void (async () => {
  const c = process.cpuUsage()
  const t = performance.now()
  const store = await openAnnotationStore({ dataDir: process.argv[2]!, clock: systemClock, log: memoryLogger(), backupDelayMs: 60_000 })
  const count = (await store.read()).annotations.size
  const wall = performance.now() - t
  const d = process.cpuUsage(c)
  process.stdout.write(`${JSON.stringify({ wall, cpu: (d.user + d.system) / 1000, count })}\n`)
  process.exit(0) // measured: leave without the deferred backup
})()
