/**
 * Test child for the crash-safety tests: writes annotations through the real store, reporting each
 * change on stdout BEFORE it starts (`begin <ops>`) and AFTER it is acknowledged (`ack`), with a
 * synchronous write so the report is out before the next change begins. The parent kills it with
 * SIGKILL at random moments and checks that the store holds every acknowledged change.
 *
 *   node --import tsx annotation-writer.ts <dataDir> <seed> <count|-1 for forever> <writer tag> [compactMinBytes] [<phase>@<k>]
 *
 * It also reports each point of a change where a crash matters as it passes it (`at <phase>`, see
 * annotations/phases.ts). With `<phase>@<k>`, on the k-th time it reaches that phase it reports
 * `paused <phase>` and blocks the whole process right there, so the parent's SIGKILL lands exactly
 * at that point; if nobody kills it within a minute it exits with code 3.
 *
 * With a writer tag, it also appends `<tag>:<n>;` to the note of the shared annotation whose id is
 * SHARED_ID (a read-modify-write inside the transaction), to prove concurrent writers lose nothing.
 */
import { writeSync } from 'node:fs'
import { openAnnotationStore } from '../annotations/annotation-store'
import type { StoreOp, StoreState } from '../annotations/annotation-store'
import { systemClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { prng, sampleAnnotation, SHARED_ID } from './annotations'
import type { Annotation } from '../../shared/annotations/model'
import { COLOR_IDS } from '../../shared/annotations/model'
import { STORE_PHASES } from '../annotations/phases'
import type { StorePhase } from '../annotations/phases'

const [dataDir, seedArg, countArg, tag, compactArg, pauseArg] = process.argv.slice(2)
const rnd = prng(Number(seedArg))
const count = Number(countArg)
/**
 * stdout is a pipe the parent drains at its own pace; on a loaded machine it can be full, and a
 * non-blocking pipe then answers EAGAIN. Retry until the whole line is out: the report must be
 * complete before the next change begins.
 */
function say(line: string): void {
  const bytes = Buffer.from(`${line}\n`)
  let offset = 0
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e
    }
  }
}

/** Where to stop: the phase and which occurrence of it (1 = the first), or null to run until killed or done. */
function pausePoint(arg: string | undefined): { phase: StorePhase; k: number } | null {
  if (!arg) return null
  const [phase, k] = arg.split('@')
  const known = STORE_PHASES.find((p) => p === phase)
  if (!known || !(Number(k) >= 1)) throw new Error(`bad pause point ${arg}: expected <phase>@<k>, phase one of ${STORE_PHASES.join(', ')}`)
  return { phase: known, k: Number(k) }
}
const pause = pausePoint(pauseArg)
let seen = 0

/** The store's phase hook: report, and at the pause point block synchronously until killed. */
function onPhase(phase: StorePhase): void {
  say(`at ${phase}`)
  if (phase !== pause?.phase || ++seen !== pause.k) return
  say(`paused ${phase}`)
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000)
  process.stderr.write(`paused at ${phase} for a minute and never killed\n`)
  process.exit(3)
}

const MAX_OWN = 120

/** Picks one of this writer's own annotations (ids made by this writer carry its tag in the note). */
function own(state: StoreState): Annotation | undefined {
  const mine = [...state.annotations.values()].filter((a) => a.id !== SHARED_ID && a.body.note.startsWith(`[${tag}]`))
  return mine[Math.floor(rnd() * mine.length)]
}

function nextOps(state: StoreState, n: number): StoreOp[] {
  const r = rnd()
  const fresh = (): Annotation => {
    const a = sampleAnnotation(rnd, { now: new Date().toISOString() })
    return { ...a, body: { ...a.body, note: `[${tag}] ${a.body.note}` } }
  }
  const target = own(state)
  if (tag !== '-' && r < 0.2) {
    const shared = state.annotations.get(SHARED_ID)
    if (shared) return [{ op: 'put', annotation: { ...shared, body: { ...shared.body, note: `${shared.body.note}${tag}:${n};` } } }]
  }
  // Past MAX_OWN annotations, a new one becomes a deletion: the store stays around that size, so a
  // compaction (a quarter of the snapshot's size away) stays a few dozen changes away.
  if (target && r < 0.55 && state.annotations.size > MAX_OWN) return [{ op: 'delete', id: target.id }]
  if (r < 0.55 || !target) return [{ op: 'put', annotation: fresh() }]
  if (r < 0.8) return [{ op: 'put', annotation: { ...target, modified: new Date().toISOString(), body: { ...target.body, color: COLOR_IDS[Math.floor(rnd() * 5)]!, note: `${target.body.note}+` } } }]
  if (r < 0.93) return [{ op: 'delete', id: target.id }]
  return [fresh(), fresh(), fresh()].map((annotation): StoreOp => ({ op: 'put', annotation }))
}

async function main(): Promise<void> {
  const store = await openAnnotationStore({ dataDir: dataDir!, clock: systemClock, log: memoryLogger(), compactMinBytes: Number(compactArg ?? 4096), onPhase })
  say('ready')
  for (let n = 0; count < 0 || n < count; n++) {
    // The ops are decided inside the transaction (on the freshest state) and reported before commit.
    await store.transact((state) => {
      const ops = nextOps(state, n)
      say(`begin ${JSON.stringify(ops)}`)
      return { ops, result: null }
    })
    say('ack')
  }
  await store.close()
  say('done')
}

void main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`)
  process.exit(1)
})
