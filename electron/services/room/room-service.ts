/**
 * The participation session (« Recueillir les avis », issue 18): owns the session's state (the pure
 * reducer over the journal's events), its journal and its web server, and answers both sides — the
 * participants through the server's routes, the facilitator through the contract's `room` methods.
 *
 * Order of every write, participant's or facilitator's: validate (schema, device, rate limits,
 * `refusal` on the current state) → append to the journal and fdatasync → apply to the state →
 * acknowledge. A refused request writes nothing. Changes are announced through `onChange`, at most
 * every CHANGE_COALESCE_MS (the console then asks for the state; 200 phones do not mean 200 events).
 *
 * One session is open at a time. `stop` closes the server but keeps the session open (resumed by the
 * next `start` for the same document, with the same address and code); `end` closes it for good,
 * but the server stays on ENDED_GRACE_MS more, answering every request of the session with 410
 * `ended`: the phones say « the session has ended » and stop asking (a server simply gone would look
 * like a lost network to them, and they would keep retrying). At creation, the last journal whose
 * session was not ended is read back (an app crash resumes).
 */
import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { AnswerInputSchema, JoinSchema, VoteInputSchema } from '../../shared/room/model'
import type { RoomEvent, RoomSection } from '../../shared/room/model'
import { openedState, reduceRoom, refusal } from '../../shared/room/state'
import type { RoomState } from '../../shared/room/state'
import { consoleView, participantView, projectionView } from '../../shared/room/views'
import { toEvent } from '../../shared/room/actions'
import type { RoomAction } from '../../shared/room/actions'
import type { RoomAudienceView, RoomSessionSummary, RoomStatus, SavedCahier, StartRoom } from '../../shared/room/api'
import { cahierFileName, cahierMarkdown } from '../../shared/room/cahier'
import { AppFailure } from '../../shared/result'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'
import { writeFileAtomic } from '../platform/atomic-file'
import { journalPath, listJournals, openJournal, readJournal } from './journal'
import type { RoomJournal } from './journal'
import { startRoomServer } from './http-server'
import type { Reply, RoomServer } from './http-server'
import { DEFAULT_LIMITS, rateLimiter } from './rate-limit'
import type { RoomLimits } from './rate-limit'
import { lanAddresses } from './network'

/** The section's titles and its document's « Questions pour l’atelier » (services.ts reads them from the library). */
export type QuestionsFor = (docId: string, sectionId: string | null) => Promise<{ readonly section: RoomSection; readonly questions: readonly string[] }>

export interface RoomServiceOptions {
  readonly dataDir: string
  readonly clock: Clock
  readonly log: Logger
  readonly questionsFor: QuestionsFor
  /** Where the server listens: all interfaces in the app ('0.0.0.0'); 127.0.0.1 in tests. */
  readonly host?: string
  /** 0: any free port (a resumed session first tries the one it had). */
  readonly port?: number
  readonly limits?: Partial<RoomLimits>
  /** Monotonic ms for the rate limits (default performance.now). */
  readonly monotonic?: () => number
  /** The addresses phones can reach (default: the computer's LAN IPv4 addresses; the host itself when it is not 0.0.0.0). */
  readonly addresses?: () => readonly string[]
  /** Called (coalesced) after changes, with the new revision. */
  readonly onChange?: (revision: number) => void
  /** How long an ended session's server still tells the phones it ended (default ENDED_GRACE_MS). */
  readonly endedGraceMs?: number
}

export interface RoomService {
  status(): RoomStatus
  audience(): RoomAudienceView
  start(input: StartRoom): Promise<RoomStatus>
  /** Closes the server; the session stays open (resumable). */
  stop(): Promise<RoomStatus>
  /** Ends the session for good (the journal keeps it), and closes the server. */
  end(): Promise<RoomStatus>
  dispatch(action: RoomAction): Promise<RoomStatus>
  /** Every session kept in the data dir, most recent first. */
  sessions(): Promise<RoomSessionSummary[]>
  /**
   * Every session's state, oldest first: the one in memory as it is now (a new object after every
   * change, so callers can tell), the others read from their journals — again only when a journal's
   * size or time changed (the answers' search asks at every query; exports too).
   */
  states(): Promise<readonly RoomState[]>
  /** The « Cahier de l’atelier » of a session (default: the open or last one). */
  cahier(id?: string): Promise<{ readonly markdown: string; readonly fileName: string }>
  /** Writes the cahier into `dir` (atomic). */
  saveCahier(dir: string, id?: string): Promise<SavedCahier>
  /** Closes the server and the journal (the app quits). */
  close(): Promise<void>
}

export const CHANGE_COALESCE_MS = 20
/** More than a phone's longest wait between two tries (15 s, participant-page.ts) plus a request. */
export const ENDED_GRACE_MS = 25_000
const TOKEN_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** An unguessable, typeable token: 12 characters of 32 (60 bits), from crypto.randomBytes. */
function newToken(): string {
  return [...randomBytes(12)].map((b) => TOKEN_ALPHABET[b & 31]).join('')
}
const newId = (): string => randomBytes(6).toString('hex')
const sameCode = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

export async function createRoomService(opts: RoomServiceOptions): Promise<RoomService> {
  const roomDir = join(opts.dataDir, 'room')
  const limits: RoomLimits = { ...DEFAULT_LIMITS, ...opts.limits }
  const now = opts.monotonic ?? (() => performance.now())
  const host = opts.host ?? '0.0.0.0'
  const addresses = opts.addresses ?? (() => (host === '0.0.0.0' ? lanAddresses() : [host]))
  const limit = {
    answer: rateLimiter(limits.answer), vote: rateLimiter(limits.vote), poll: rateLimiter(limits.poll),
    join: rateLimiter(limits.joinPerAddress), wrongCode: rateLimiter(limits.wrongCodePerAddress),
    wrongCodeSession: rateLimiter(limits.wrongCodeSession), writes: rateLimiter(limits.writesSession),
  }

  let state: RoomState | null = null
  let journal: RoomJournal | null = null
  /** Set while (and after) the journal of a session read back is opened: one handle, even for concurrent writes. */
  let journalOpening: Promise<RoomJournal> | null = null
  let server: RoomServer | null = null
  /** The server of a session just ended, still answering `ended` (closed after the grace, or by the next start). */
  let lingering: { readonly server: RoomServer; readonly timer: ReturnType<typeof setTimeout> } | null = null
  let problem: string | null = null
  let revision = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  /** Journals read by `states`, with the size and time they had (read again when either changes). */
  const past = new Map<string, { readonly size: number; readonly mtimeMs: number; readonly state: RoomState | null }>()

  const changed = (): void => {
    revision++
    if (timer !== null || !opts.onChange) return
    timer = setTimeout(() => {
      timer = null
      opts.onChange?.(revision)
    }, CHANGE_COALESCE_MS)
  }

  // An app that crashed during a session finds it again (not listening until the facilitator resumes it).
  const journals = await listJournals(roomDir)
  const last = journals.at(-1)
  if (last) {
    const read = await readJournal(last, () => opts.clock.now())
    if (read) {
      state = read.state
      const notes = [read.problems > 0 ? `${read.problems} ligne(s) illisible(s) du journal ignorée(s)` : '', read.tornBytes > 0 ? 'une écriture interrompue (jamais confirmée) a été écartée' : ''].filter(Boolean)
      problem = notes.length > 0 ? notes.join(' ; ') : null
      if (problem) opts.log.warn(`room journal ${last}: ${problem}`)
    }
  }

  /** Validates, journals (durably), then applies; a refusal writes nothing. */
  const write = async (events: readonly RoomEvent[]): Promise<string | null> => {
    if (!state) return 'no session is open'
    let probe = state
    for (const e of events) {
      const why = refusal(probe, e)
      if (why) return why
      probe = reduceRoom(probe, e)
    }
    // A session read back at start-up (not yet resumed) is written to in its own journal.
    journalOpening ??= openJournal(journalPath(roomDir, state.id)).then((j) => (journal = j))
    await (journal ?? (await journalOpening)).append(events)
    for (const e of events) state = reduceRoom(state, e)
    changed()
    return null
  }

  const urls = (): string[] => (server && state ? addresses().map((a) => `http://${a}:${server!.port}/${state!.token}`) : [])
  const status = (): RoomStatus => ({ running: server !== null, urls: urls(), view: state && consoleView(state), problem, revision })
  const openSession = (): RoomState => {
    if (!state || state.closedAt !== null) throw new AppFailure('not-found', 'No participation session is open.')
    return state
  }
  const refused = (status: number, error: string): Reply => ({ status, body: { error } })
  /** Every route of an ended session (while its server lingers): the phone shows its final message. */
  const ENDED: Reply = { status: 410, body: { error: 'ended' } }
  const ended = (): boolean => state !== null && state.closedAt !== null
  /** The session a device speaks to once it joined, or the reply that turns it away (ended; not joined). */
  const joined = (device: string): { readonly session: RoomState } | { readonly reply: Reply } =>
    ended() ? { reply: ENDED } : state && state.devices.includes(device) ? { session: state } : { reply: refused(401, 'join-first') }

  const routes = {
    token: () => (state && ((state.closedAt === null && server) || (state.closedAt !== null && lingering)) ? state.token : null),
    async join(body: unknown, address: string): Promise<Reply> {
      if (ended()) return ENDED
      const s = openSession()
      const t = now()
      if (!limit.join.take(address, t)) return refused(429, 'too-many-joins')
      const input = JoinSchema.safeParse(body)
      if (!input.success) return refused(400, 'code-format')
      if (!sameCode(input.data.code, s.code)) {
        // Both buckets are charged; either empty refuses (six digits cannot be tried through).
        const a = limit.wrongCode.take(address, t)
        const b = limit.wrongCodeSession.take('session', t)
        return a && b ? refused(403, 'wrong-code') : refused(429, 'too-many-wrong-codes')
      }
      const device = randomBytes(16).toString('base64url')
      const why = await write([{ t: 'join', device }])
      return why ? refused(409, why) : { status: 200, body: { key: device } }
    },
    state(device: string): Reply {
      const j = joined(device)
      if ('reply' in j) return j.reply
      if (!limit.poll.take(device, now())) return refused(429, 'too-fast')
      return { status: 200, body: participantView(j.session, device) }
    },
    async answer(device: string, body: unknown): Promise<Reply> {
      const j = joined(device)
      if ('reply' in j) return j.reply
      const input = AnswerInputSchema.safeParse(body)
      if (!input.success) return refused(400, 'invalid-answer')
      const t = now()
      if (!limit.answer.take(device, t) || !limit.writes.take('session', t)) return refused(429, 'too-fast')
      const id = newId()
      const why = await write([{ t: 'answer', id, questionId: input.data.questionId, text: input.data.text, pseudonym: input.data.pseudonym ?? '', device, at: opts.clock.now().toISOString() }])
      return why ? refused(409, why) : { status: 201, body: { id } }
    },
    async vote(device: string, body: unknown): Promise<Reply> {
      const j = joined(device)
      if ('reply' in j) return j.reply
      const input = VoteInputSchema.safeParse(body)
      if (!input.success) return refused(400, 'invalid-vote')
      const t = now()
      if (!limit.vote.take(device, t) || !limit.writes.take('session', t)) return refused(429, 'too-fast')
      const why = await write([{ t: 'vote', answerId: input.data.answerId, device }])
      return why ? refused(409, why) : { status: 200, body: {} }
    },
  }

  const listen = async (s: RoomState): Promise<void> => {
    const wanted = opts.port ?? 0
    const tryPort = async (port: number): Promise<RoomServer> => startRoomServer({ host, port, routes, log: opts.log })
    if (s.port !== null && wanted === 0) {
      try {
        server = await tryPort(s.port)
      } catch {
        server = await tryPort(0)
      }
    } else server = await tryPort(wanted)
    if (server.port !== s.port) await write([{ t: 'listen', port: server.port }])
  }

  const closeServer = async (): Promise<void> => {
    const sv = server
    server = null
    await sv?.close()
  }
  const closeLingering = async (): Promise<void> => {
    const l = lingering
    lingering = null
    if (!l) return
    clearTimeout(l.timer)
    await l.server.close()
  }

  const service: RoomService = {
    status,
    audience() {
      const s = state
      const url = urls()[0]
      return {
        projection: s && s.closedAt === null ? projectionView(s) : { question: null, groups: [], invitation: false },
        join: s && s.closedAt === null && s.projection.invitation && url ? { url, code: s.code } : null,
        revision,
      }
    },
    async start(input) {
      if (server) return status()
      await closeLingering()
      const { section, questions } = await opts.questionsFor(input.docId, input.sectionId)
      if (state && state.closedAt === null && state.section.docId === section.docId) {
        // (its journal is opened by the first write: `listen`, or the next answer)
      } else {
        if (state && state.closedAt === null) await service.end()
        await mkdir(roomDir, { recursive: true })
        const at = opts.clock.now().toISOString()
        const id = `${at.replace(/\D/g, '').slice(0, 14)}${newId()}`
        const open: Extract<RoomEvent, { t: 'open' }> = {
          t: 'open', id, at, token: newToken(), code: String(randomInt(0, 1_000_000)).padStart(6, '0'), section, place: input.place ?? '',
        }
        const qs: RoomEvent[] = questions.map((text) => ({ t: 'question', id: newId(), text, at }))
        const first = qs[0]
        journal = await openJournal(journalPath(roomDir, id))
        journalOpening = Promise.resolve(journal)
        state = openedState(open)
        problem = null
        await journal.append([open])
        const why = await write([...qs, ...(first && first.t === 'question' ? [{ t: 'ask', questionId: first.id } as const] : [])])
        if (why) throw new AppFailure('internal', why)
      }
      await listen(state!)
      changed()
      opts.log.info(`room: session ${state!.id} listening on ${host}:${server!.port}`)
      return status()
    },
    async stop() {
      await closeServer()
      changed()
      return status()
    },
    async end() {
      // Written first: from now on the server answers `ended`, for the grace, then closes.
      if (state && state.closedAt === null) await write([{ t: 'close', at: opts.clock.now().toISOString() }])
      const sv = server
      server = null
      if (sv) {
        await closeLingering()
        const timer = setTimeout(() => void closeLingering().catch((e: unknown) => opts.log.error('room: could not close the ended session’s server', e)), opts.endedGraceMs ?? ENDED_GRACE_MS)
        timer.unref()
        lingering = { server: sv, timer }
      }
      await journal?.close()
      journal = null
      journalOpening = null
      changed()
      return status()
    },
    async dispatch(action) {
      openSession()
      const why = await write(toEvent(action, newId, opts.clock.now().toISOString()))
      if (why) throw new AppFailure('conflict', why)
      return status()
    },
    async sessions() {
      const out: RoomSessionSummary[] = []
      for (const path of (await listJournals(roomDir)).reverse()) {
        // The session in memory is summarised from memory: its journal may be being written.
        const s = state && path === journalPath(roomDir, state.id) ? state : (await readJournal(path, () => opts.clock.now(), { repair: false }))?.state
        if (!s) continue
        out.push({ id: s.id, openedAt: s.openedAt, section: s.section, place: s.place, questions: s.questions.length, answers: s.answers.length, devices: s.devices.length, closed: s.closedAt !== null })
      }
      return out
    },
    async states() {
      const out: RoomState[] = []
      const paths = await listJournals(roomDir)
      for (const key of past.keys()) if (!paths.includes(key)) past.delete(key)
      for (const path of paths) {
        if (state && path === journalPath(roomDir, state.id)) {
          out.push(state)
          continue
        }
        let seen
        try {
          seen = await stat(path)
        } catch {
          continue // removed meanwhile
        }
        let known = past.get(path)
        if (!known || known.size !== seen.size || known.mtimeMs !== seen.mtimeMs) {
          known = { size: seen.size, mtimeMs: seen.mtimeMs, state: (await readJournal(path, () => opts.clock.now(), { repair: false }))?.state ?? null }
          past.set(path, known)
        }
        if (known.state) out.push(known.state)
      }
      return out
    },
    async cahier(id) {
      const s = id === undefined || id === state?.id ? state : ((await listJournals(roomDir)).includes(journalPath(roomDir, id)) ? (await readJournal(journalPath(roomDir, id), () => opts.clock.now(), { repair: false }))?.state : null)
      if (!s) throw new AppFailure('not-found', id === undefined ? 'No participation session to write up.' : `No participation session "${id}".`)
      return { markdown: cahierMarkdown(s), fileName: cahierFileName(s) }
    },
    async saveCahier(dir, id) {
      const { markdown, fileName } = await service.cahier(id)
      await mkdir(dir, { recursive: true })
      const path = join(dir, fileName)
      await writeFileAtomic(path, markdown)
      return { path, bytes: Buffer.byteLength(markdown) }
    },
    async close() {
      if (timer) clearTimeout(timer)
      await closeServer()
      await closeLingering()
      await journal?.close()
      journal = null
      journalOpening = null
    },
  }
  return service
}
