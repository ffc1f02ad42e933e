/**
 * The points inside a change where a crash matters, in the order a change passes them. They exist
 * for one test, crash-safety.test.ts: its child process (testing/annotation-writer.ts) is told to
 * stop at one of them and is killed there with SIGKILL, so the test knows its kills land inside a
 * change instead of hoping that random timing puts them there.
 *
 * - `journal-written`: a change's journal line is written (one write()), not yet fdatasync'ed.
 * - `journal-synced`: the line is durable; `transact` has not resolved, the change is not acknowledged.
 * - `snapshot-written`: compaction wrote the new snapshot's temp file, not yet fsync'ed.
 * - `snapshot-synced`: the temp snapshot is durable, not yet renamed over `annotations.json`.
 * - `snapshot-renamed`: the new snapshot is in place; the old generation's journal is not yet replaced.
 */
export const STORE_PHASES = ['journal-written', 'journal-synced', 'snapshot-written', 'snapshot-synced', 'snapshot-renamed'] as const
export type StorePhase = (typeof STORE_PHASES)[number]

/**
 * Test-only observer of the phases above (StoreOptions.onPhase). Contract: called synchronously, on
 * the store's own path, exactly at the point named; it may block the whole process (the crash test
 * does, until it is killed) but must not throw and must not touch the store. Production code leaves
 * it undefined, and then no phase costs more than a test of `undefined`.
 */
export type PhaseHook = (phase: StorePhase) => void
