/**
 * Long work on the event loop, cut into short turns: `inShortTurns` calls `step` on every item in
 * order and gives the event loop back (setImmediate) whenever a turn has run `budgetMs`, so that
 * loading or searching thousands of small indexes never holds it much longer than that (a single
 * step is never cut).
 */
import { setImmediate as nextTurn } from 'node:timers/promises'

export const TURN_MS = 8

export async function inShortTurns<T>(items: Iterable<T>, step: (item: T) => void | Promise<void>, budgetMs = TURN_MS): Promise<void> {
  let turn = performance.now()
  for (const item of items) {
    await step(item)
    if (performance.now() - turn > budgetMs) {
      await nextTurn()
      turn = performance.now()
    }
  }
}
