/**
 * The room's own web server (node:http), separate from everything else of the app: it knows its
 * few routes under the session's token and nothing else — no file is read from disk, no API of the
 * app is reachable. Anything else (another path, another method, an encoded character, a dot
 * segment, a wrong token) gets the same bare 404, so a wrong token cannot be told from a wrong path.
 *
 *   GET  /<token>            the participant's page       GET  /<token>/app.js, /<token>/app.css
 *   POST /<token>/join       {code} → {key}               GET  /<token>/state   (x-room-key)
 *   POST /<token>/answer     {questionId,text,pseudonym?} POST /<token>/vote    {answerId}
 *
 * Bodies: JSON only, at most BODY_MAX_BYTES (else 413, the connection is closed); headers at most
 * 8 kB; a request must arrive within 10 s. Every response carries the strict CSP and no-store.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { BODY_MAX_BYTES } from '../../shared/room/model'
import { PARTICIPANT_CSP, PARTICIPANT_CSS, PARTICIPANT_JS, participantHtml } from './participant-page'
import type { Logger } from '../platform/log'

export interface Reply {
  readonly status: number
  readonly body: unknown
}

/** What the routes do (the room service); the server only routes, limits and frames. */
export interface RoomRoutes {
  /** The session's token now, or null when no session is open (every request is then a 404). */
  token(): string | null
  join(body: unknown, address: string): Promise<Reply>
  state(key: string): Reply
  answer(key: string, body: unknown): Promise<Reply>
  vote(key: string, body: unknown): Promise<Reply>
}

export interface RoomServer {
  readonly port: number
  close(): Promise<void>
}

const ROUTE = /^\/([a-z0-9]{8,64})(?:\/(app\.js|app\.css|join|state|answer|vote))?\/?$/
const KEY = /^[A-Za-z0-9_-]{8,64}$/

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': PARTICIPANT_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
}

function send(res: ServerResponse, status: number, type: string, body: string, close = false): void {
  const data = Buffer.from(body, 'utf8')
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(data.length), ...(close ? { connection: 'close' } : {}) })
  res.end(data)
}

const json = (res: ServerResponse, r: Reply, close = false): void => send(res, r.status, 'application/json; charset=utf-8', JSON.stringify(r.body), close)
const notFound = (res: ServerResponse): void => json(res, { status: 404, body: { error: 'not-found' } })

function sameToken(given: string, token: string | null): boolean {
  if (token === null || given.length !== token.length) return false
  return timingSafeEqual(Buffer.from(given), Buffer.from(token))
}

/** Reads a JSON body of at most BODY_MAX_BYTES; a Reply when it must be refused. */
function readJson(req: IncomingMessage): Promise<{ value: unknown } | Reply> {
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/json(;|$)/i.test(type)) return Promise.resolve({ status: 415, body: { error: 'json-only' } })
  const declared = Number(req.headers['content-length'] ?? '0')
  if (declared > BODY_MAX_BYTES) return Promise.resolve({ status: 413, body: { error: 'too-large' } })
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (c: Buffer) => {
      if (done) return
      size += c.length
      if (size > BODY_MAX_BYTES) {
        done = true
        resolve({ status: 413, body: { error: 'too-large' } })
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      if (done) return
      done = true
      try {
        resolve({ value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown })
      } catch {
        resolve({ status: 400, body: { error: 'not-json' } })
      }
    })
    req.on('error', () => {
      if (!done) resolve({ status: 400, body: { error: 'aborted' } })
      done = true
    })
  })
}

async function handle(req: IncomingMessage, res: ServerResponse, routes: RoomRoutes): Promise<void> {
  const m = ROUTE.exec(req.url ?? '')
  const token = routes.token()
  if (!m || !sameToken(m[1]!, token)) return notFound(res)
  const route = m[2] ?? ''
  const method = req.method ?? ''
  if (method === 'GET') {
    if (route === '') return send(res, 200, 'text/html; charset=utf-8', participantHtml(token!))
    if (route === 'app.js') return send(res, 200, 'text/javascript; charset=utf-8', PARTICIPANT_JS)
    if (route === 'app.css') return send(res, 200, 'text/css; charset=utf-8', PARTICIPANT_CSS)
  }
  const key = req.headers['x-room-key']
  const device = typeof key === 'string' && KEY.test(key) ? key : null
  if (method === 'GET' && route === 'state') return json(res, device ? routes.state(device) : { status: 401, body: { error: 'join-first' } })
  if (method !== 'POST' || !['join', 'answer', 'vote'].includes(route)) return notFound(res)
  const body = await readJson(req)
  if ('status' in body) return json(res, body, true)
  if (route === 'join') return json(res, await routes.join(body.value, req.socket.remoteAddress ?? ''))
  if (!device) return json(res, { status: 401, body: { error: 'join-first' } })
  return json(res, await (route === 'answer' ? routes.answer(device, body.value) : routes.vote(device, body.value)))
}

export function startRoomServer(opts: { readonly host: string; readonly port: number; readonly routes: RoomRoutes; readonly log: Logger }): Promise<RoomServer> {
  const server = createServer({ maxHeaderSize: 8192, requestTimeout: 10_000, headersTimeout: 5_000, keepAliveTimeout: 5_000 }, (req, res) => {
    handle(req, res, opts.routes).catch((e: unknown) => {
      opts.log.error('room server: request failed', e)
      if (!res.headersSent) json(res, { status: 500, body: { error: 'internal' } }, true)
      else res.destroy()
    })
  })
  server.maxConnections = 1000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject)
      server.on('error', (e) => opts.log.error('room server error', e))
      const address = server.address()
      resolve({
        port: typeof address === 'object' && address !== null ? address.port : opts.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
