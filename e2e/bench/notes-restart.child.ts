/**
 * Benchmark child (notes-search.bench.ts): the app's start-up in a FRESH process on a data dir whose
 * notes' shards are already on disk — the services come up, then the first notes query through the
 * real handler table. Run from an esbuild bundle (search/bundle.ts), as the app runs its built main,
 * not through tsx; arguments: data dir, content dir. Prints `RESULT {"upMs","firstMs","cpuMs",
 * "stallMs","found"}`. Timed inside the process once the bundle is loaded (Node's own start-up
 * excluded), so nothing is warm: no search path run before, no file in the V8 heap.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createServices } from '../../electron/services/services'
import { createHandlers } from '../../electron/services/handlers'
import { systemClock } from '../../electron/services/platform/clock'
import { memoryLogger } from '../../electron/services/platform/log'
import { recordingOpener } from '../../electron/services/platform/external-opener'
import { inProcessClient, valueOf } from '../../electron/shared/api/in-process'

void (async () => {
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  const services = await createServices({ contentDir: process.argv[3]!, dataDir: process.argv[2]!, clock: systemClock, log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'bench' })
  const upMs = performance.now() - t0
  const api = inProcessClient(createHandlers(services), (listener) => services.bus.subscribe(listener))
  const r = valueOf(await api.search.query({ q: 'in:notes relire', typing: true, limit: 24, perDocument: 3 }))
  const firstMs = performance.now() - t0 - upMs
  const used = process.cpuUsage(cpu)
  delay.disable()
  process.stdout.write(`RESULT ${JSON.stringify({ upMs, firstMs, cpuMs: (used.user + used.system) / 1000, stallMs: delay.max / 1e6, found: r.total.bySource.annotations ?? 0 })}\n`)
  process.exit(0) // measured: leave without waiting for deferred work
})()
