/**
 * One change at a time: each task starts when the previous one has settled, in the order they were
 * queued, and a failed task does not stop the ones after it (its caller gets the failure). The
 * stores (settings, decks, annotations) serialise their reads and writes with it.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>
  /** Resolves once every task queued so far, and any queued while waiting, has settled. */
  idle(): Promise<void>
}

export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run(task) {
      const run = tail.then(task)
      tail = run.catch(() => undefined)
      return run
    },
    async idle() {
      for (let seen = tail; ; seen = tail) {
        await seen
        if (seen === tail) return
      }
    },
  }
}
