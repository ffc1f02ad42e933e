/**
 * User-timing marks for the reader's own milestones (`reader:text-painted`, `reader:toc-ready`,
 * `library:painted`), read by the benchmark (e2e/bench/reader.bench.ts). A mark costs microseconds.
 */

/** Calls `fn` after the next frame has been painted (rAF runs before paint; the task after it, after). */
export function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => fn()
    channel.port2.postMessage(null)
  })
}

export function markAfterPaint(name: string, detail?: Record<string, string | number>): void {
  afterNextPaint(() => performance.mark(name, { detail }))
}
