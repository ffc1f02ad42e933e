/**
 * Test child for the crash-safety tests: writes annotations through the real store, reporting each
 * change on stdout BEFORE it starts (`begin <ops>`) and AFTER it is acknowledged (`ack`), with a
 * synchronous write so the report is out before the next change begins. The parent kills it with
 * SIGKILL at random moments and checks that the store holds every acknowledged change.
 *
 *   node --import tsx annotation-writer.ts <dataDir> <seed> <count|-1 for forever> <writer tag> [compactMinBytes]
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

const [dataDir, seedArg, countArg, tag, compactArg] = process.argv.slice(2)
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
  if (r < 0.55 || !target) return [{ op: 'put', annotation: fresh() }]
  if (r < 0.8) return [{ op: 'put', annotation: { ...target, modified: new Date().toISOString(), body: { ...target.body, color: COLOR_IDS[Math.floor(rnd() * 5)]!, note: `${target.body.note}+` } } }]
  if (r < 0.93) return [{ op: 'delete', id: target.id }]
  return [fresh(), fresh(), fresh()].map((annotation): StoreOp => ({ op: 'put', annotation }))
}

async function main(): Promise<void> {
  const store = await openAnnotationStore({ dataDir: dataDir!, clock: systemClock, log: memoryLogger(), compactMinBytes: Number(compactArg ?? 4096) })
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
