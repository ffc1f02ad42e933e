/**
 * Crash safety with real processes. A child writes annotations in a loop through the real store and
 * reports `begin <ops>` before each change, `at <phase>` at each point of a change where a crash
 * matters (phases.ts), and `ack` once the change is durable. It is killed with SIGKILL:
 *
 * - at a known point: told to stop at the k-th `<phase>`, it says `paused <phase>` and blocks there
 *   until the kill, so every phase of a change is hit a known number of times whatever the load;
 * - at random moments on top (a random delay after `ready`), to reach points nobody thought of.
 *
 * After each kill the store must load, be valid, and hold every acknowledged change — exactly: the
 * model of acknowledged changes, plus possibly the one change that was in flight (it may or may not
 * have reached the disk), and nothing else. A change whose journal write() returned must be there.
 */
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { openAnnotationStore } from './annotation-store'
import type { StoreOp } from './annotation-store'
import { systemClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { tempDir } from '../testing/temp-pack'
import { runTs } from '../testing/child'
import { prng, sampleAnnotation, SHARED_ID } from '../testing/annotations'
import { STORE_PHASES } from './phases'
import type { StorePhase } from './phases'
import { AnnotationSchema } from '../../shared/annotations/model'
import type { Annotation } from '../../shared/annotations/model'

const WRITER = join(__dirname, '..', 'testing', 'annotation-writer.ts')
const CLI = join(__dirname, '..', '..', 'cli', 'bin.mjs')

type Model = Map<string, Annotation>
function applied(model: Model, ops: readonly StoreOp[]): Model {
  const next = new Map(model)
  for (const op of ops) {
    if (op.op === 'put') next.set(op.annotation.id, op.annotation)
    else if (op.op === 'delete') next.delete(op.id)
  }
  return next
}
const canon = (m: Model): string => JSON.stringify([...m.entries()].sort(([a], [b]) => a.localeCompare(b)))

/** The acknowledged transactions in the child's report, and the one begun but not acknowledged. */
function report(lines: readonly string[]): { acked: StoreOp[][]; inFlight: StoreOp[] | null } {
  const acked: StoreOp[][] = []
  let pending: StoreOp[] | null = null
  for (const line of lines) {
    if (line.startsWith('begin ')) pending = JSON.parse(line.slice(6)) as StoreOp[]
    else if (line === 'ack') {
      acked.push(pending!)
      pending = null
    }
  }
  return { acked, inFlight: pending }
}

async function load(dataDir: string): Promise<{ model: Model; notices: number }> {
  const store = await openAnnotationStore({ dataDir, clock: systemClock, log: memoryLogger() })
  const state = await store.read()
  for (const a of state.annotations.values()) expect(AnnotationSchema.safeParse(a).success).toBe(true)
  const model = new Map(state.annotations)
  const notices = store.notices().length
  await store.close()
  return { model, notices }
}

/** Kills placed at each phase, random kills on top, and the time within which they must all land. */
const KILLS_PER_PHASE = 3
const RANDOM_KILLS = 15
const TIME_CAP_MS = 120_000
/** The store holds more than this many annotations before the first kill. */
const MIN_SIZE = 50

/** Where a kill landed: the last point the child reported before it died. */
type Landing = StorePhase | 'after ready/ack' | 'after begin'
const LANDINGS: readonly Landing[] = ['after ready/ack', 'after begin', ...STORE_PHASES]
function landing(lines: readonly string[]): Landing {
  for (const line of [...lines].reverse()) {
    if (line === 'ack' || line === 'ready') return 'after ready/ack'
    if (line.startsWith('begin ')) return 'after begin'
    const phase = STORE_PHASES.find((p) => line === `at ${p}`)
    if (phase) return phase
  }
  return 'after ready/ack'
}

/**
 * The rounds, shuffled: KILLS_PER_PHASE kills at each phase (at its k-th occurrence in that child's
 * life, so the child makes progress first: 3 to 25 changes, or its first compaction), and RANDOM_KILLS
 * random ones (null).
 */
function killPlan(rnd: () => number): ({ phase: StorePhase; k: number } | null)[] {
  const rounds: ({ phase: StorePhase; k: number } | null)[] = []
  for (const phase of STORE_PHASES)
    for (let i = 0; i < KILLS_PER_PHASE; i++) rounds.push({ phase, k: phase.startsWith('journal') ? 3 + Math.floor(rnd() * 23) : 1 })
  for (let i = 0; i < RANDOM_KILLS; i++) rounds.push(null)
  for (let i = rounds.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[rounds[i], rounds[j]] = [rounds[j]!, rounds[i]!]
  }
  return rounds
}

const sum = (m: ReadonlyMap<unknown, number>): number => [...m.values()].reduce((a, b) => a + b, 0)

/** `p`, or a failure with `why()` once `deadline` (epoch ms) has passed: a cap, not a synchronisation. */
async function beforeDeadline<T>(p: Promise<T>, deadline: number, why: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const cap = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(why())), Math.max(0, deadline - Date.now()))
  })
  try {
    return await Promise.race([p, cap])
  } finally {
    clearTimeout(timer)
  }
}


describe('crash safety (real processes)', () => {
  it('SIGKILL at every point of a change, and at random moments, loses no acknowledged change', { timeout: TIME_CAP_MS + 60_000 }, async () => {
    const dataDir = await tempDir()
    const seed = Date.now() % 100_000
    const rnd = prng(seed)
    const deadline = Date.now() + TIME_CAP_MS
    const plan = killPlan(rnd)
    const placed = new Map<Landing, number>(STORE_PHASES.map((p) => [p, 0]))
    const random = new Map<Landing, number>()
    const progress = (): string => `placed ${[...placed].map(([p, n]) => `${p} ${n}/${KILLS_PER_PHASE}`).join(', ')}; random ${sum(random)}/${RANDOM_KILLS}`
    let model: Model = new Map()
    let acks = 0
    let maxSize = 0
    // First a store of a real size (compactions of a few annotations would prove little): writers
    // that finish normally, until it holds more than MIN_SIZE annotations. Only seeds decide how many.
    for (let grow = 0; model.size <= MIN_SIZE; grow++) {
      if (Date.now() > deadline) expect.fail(`could not grow the store past ${MIN_SIZE} annotations within ${TIME_CAP_MS / 1000} s`)
      const writer = runTs(WRITER, [dataDir, String(seed * 100 + 99 - grow), '80', '-', '3000'])
      expect((await writer.exited).code, writer.stderr()).toBe(0)
      const expected = report(writer.lines).acked.reduce(applied, model)
      model = (await load(dataDir)).model
      expect(canon(model), `growing the store (seed ${seed})`).toBe(canon(expected))
    }
    for (const [round, target] of plan.entries()) {
      const where = `round ${round} (seed ${seed}, ${target ? `kill at ${target.phase}@${target.k}` : 'random kill'})`
      if (Date.now() > deadline) expect.fail(`could not place its kills within ${TIME_CAP_MS / 1000} s: ${progress()}`)
      const child = runTs(WRITER, [dataDir, String(seed * 100 + round), '-1', '-', '3000', ...(target ? [`${target.phase}@${target.k}`] : [])])
      try {
        if (target) await beforeDeadline(child.waitFor((l) => l === `paused ${target.phase}`), deadline, () => `${where}: the writer never reached ${target.phase} within ${TIME_CAP_MS / 1000} s; ${progress()}`)
        else {
          await child.waitFor((l) => l === 'ready')
          await sleep(1 + Math.floor(rnd() * 120)) // the random moment itself, not a wait for anything
        }
      } finally {
        child.proc.kill('SIGKILL')
      }
      const exit = await child.exited
      expect(exit.signal, `${where}: ${child.stderr()}`).toBe('SIGKILL')
      const landed = landing(child.lines)
      if (target) {
        expect(landed, where).toBe(target.phase)
        placed.set(target.phase, placed.get(target.phase)! + 1)
      } else random.set(landed, (random.get(landed) ?? 0) + 1)
      const { acked, inFlight } = report(child.lines)
      acks += acked.length
      const expected = acked.reduce(applied, model)
      const { model: actual, notices } = await load(dataDir)
      // A kill may leave a torn journal line (never acknowledged), but never a file needing recovery.
      expect(notices, `${where}: a kill left a corrupt file`).toBe(0)
      if (landed === 'journal-written' || landed === 'journal-synced') {
        // write() returned before the kill: the kernel has the line, SIGKILL cannot take it back.
        expect(canon(actual), `${where}: the change whose journal line was written is missing`).toBe(canon(applied(expected, inFlight!)))
      } else {
        const ok = canon(actual) === canon(expected) || (inFlight !== null && canon(actual) === canon(applied(expected, inFlight)))
        expect(ok, `${where}: the store does not hold exactly the acknowledged changes`).toBe(true)
      }
      model = actual
      maxSize = Math.max(maxSize, model.size)
    }
    const table = LANDINGS.map((l) => `  ${l.padEnd(18)} placed ${String(placed.get(l) ?? '-').padStart(2)}  random ${String(random.get(l) ?? 0).padStart(2)}`)
    console.info(`crash safety (seed ${seed}): ${plan.length} kills, ${acks} acknowledged transactions, up to ${maxSize} annotations\n${table.join('\n')}`)
    // Every phase was hit by construction (asserted per round above), on a store of a real size.
    for (const p of STORE_PHASES) expect(placed.get(p), p).toBe(KILLS_PER_PHASE)
    expect(sum(random)).toBe(RANDOM_KILLS)
  })

  it('two processes writing concurrently lose nothing', { timeout: 300_000 }, async () => {
    const dataDir = await tempDir()
    const setup = await openAnnotationStore({ dataDir, clock: systemClock, log: memoryLogger() })
    const shared = { ...sampleAnnotation(prng(1)), id: SHARED_ID }
    await setup.transact(() => ({ ops: [{ op: 'put', annotation: { ...shared, body: { ...shared.body, note: '' } } }], result: null }))
    await setup.close()
    const writers = ['A', 'B'].map((tag, i) => ({ tag, child: runTs(WRITER, [dataDir, String(100 + i), '150', tag, '6000']) }))
    for (const w of writers) expect((await w.child.exited).code, w.child.stderr()).toBe(0)
    const { model } = await load(dataDir)
    const note = model.get(SHARED_ID)!.body.note
    for (const { tag, child } of writers) {
      const { acked, inFlight } = report(child.lines)
      expect(inFlight).toBeNull()
      expect(acked).toHaveLength(150)
      // Its own annotations are exactly what its acknowledged changes say…
      let own: Model = new Map()
      for (const ops of acked) own = applied(own, ops.filter((op) => !(op.op === 'put' && op.annotation.id === SHARED_ID)))
      const mine = new Map([...model].filter(([id, a]) => id !== SHARED_ID && a.body.note.startsWith(`[${tag}]`)))
      expect(canon(mine)).toBe(canon(own))
      // …and every read-modify-write it made on the shared annotation survived the other writer's.
      const tokens = acked.flat().flatMap((op) => (op.op === 'put' && op.annotation.id === SHARED_ID ? [op.annotation.body.note.split(';').at(-2)!] : []))
      expect(tokens.length).toBeGreaterThan(10)
      for (const t of tokens) expect(note).toContain(`${t};`)
    }
  })
})

// POSIX only: `ulimit -f` is how a real write failure is produced without mocking the file system.
describe.skipIf(process.platform === 'win32')('a write the file system refuses', () => {
  it('is reported as an io error value, takes nothing back that was acknowledged, and leaves no torn line', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir()
    const child = runTs(WRITER, [dataDir, '11', '-1', '-', '100000000'], { fileSizeLimitKb: 48 })
    const exit = await child.exited
    expect(exit.code).toBe(1)
    expect(child.stderr()).toMatch(/The change could not be saved \((EFBIG|short write)\); nothing was changed\./)
    const { acked, inFlight } = report(child.lines)
    expect(acked.length).toBeGreaterThan(20)
    expect(inFlight).not.toBeNull() // the refused change
    const { model } = await load(dataDir)
    expect(canon(model)).toBe(canon(acked.reduce(applied, new Map())))
    const journal = await readFile(join(dataDir, 'annotations.journal.jsonl'), 'utf8')
    expect(journal.endsWith('\n')).toBe(true)
  })
})

describe('corrupt store files, recovered by a real process (the CLI)', () => {
  it.each([
    ['truncated', async (p: string) => truncate(p, Math.floor((await stat(p)).size / 2))],
    ['zero-byte', async (p: string) => truncate(p, 0)],
    ['garbage', async (p: string) => writeFile(p, Buffer.from('\u0000\u0001PK\u0003\u0004 not json at all \uFFFD'))],
  ])('a %s annotations.json: moved aside, every annotation restored, the user told', { timeout: 120_000 }, async (_kind, damage) => {
    const dataDir = await tempDir()
    // A writer process builds a history with several compactions, then exits normally.
    const writer = runTs(WRITER, [dataDir, '7', '60', '-', '2000'])
    expect((await writer.exited).code, writer.stderr()).toBe(0)
    const { model } = await load(dataDir)
    const snapshot = join(dataDir, 'annotations.json')
    await damage(snapshot)
    const damaged = await readFile(snapshot)
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, 'annotations', 'export', '--data-dir', dataDir], { maxBuffer: 64 * 1024 * 1024 })
    expect(stderr).toMatch(/Unreadable annotation data \(annotations\.json: .+\): moved aside to annotations\.json\.corrupt-/)
    const exported = JSON.parse(stdout) as { total: number; first: { items: { id: string }[] } }
    expect(exported.first.items.map((a) => a.id.replace('urn:uuid:', '')).sort()).toEqual([...model.keys()].sort())
    const aside = (await readdir(dataDir)).filter((n) => n.startsWith('annotations.json.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dataDir, aside[0]!))).toEqual(damaged)
    expect(canon((await load(dataDir)).model)).toBe(canon(model))
  })
})
