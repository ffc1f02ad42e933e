/**
 * A participant's phone, for tests and the load bench: raw HTTP requests to the room server (node:http,
 * the path sent exactly as given — no URL normalisation, so path tricks reach the server as written).
 */
import { Agent, request } from 'node:http'
import type { RoomSection } from '../../shared/room/model'
import type { QuestionsFor } from '../room/room-service'

export interface RawResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly text: string
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 })

export function raw(port: number, method: string, path: string, opts: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: { ...(opts.body !== undefined && opts.headers?.['transfer-encoding'] === undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}), ...opts.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}

/** POST a JSON body (as a phone's page does), with the device key when given. */
export function post(port: number, path: string, body: unknown, key?: string): Promise<RawResponse> {
  return raw(port, 'POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(key ? { 'x-room-key': key } : {}) } })
}

export async function joinRoom(port: number, token: string, code: string): Promise<string> {
  const r = await post(port, `/${token}/join`, { code })
  if (r.status !== 200) throw new Error(`join refused: ${r.status} ${r.text}`)
  return (JSON.parse(r.text) as { key: string }).key
}

export const TEST_SECTION: RoomSection = {
  docId: 'cahier-07-renforcer-les-passerelles', sectionId: null, docTitle: 'Renforcer les passerelles', sectionTitle: 'Renforcer les passerelles',
}

/** A section the presenter moves to during a test session. */
export const MOVED_TO = { sectionId: 'deuxieme-partie', title: 'Deuxième partie', slide: 2 } as const

/** The questions port of the room service, without a library: two questions. */
export const testQuestions: QuestionsFor = async (docId) => ({
  section: { ...TEST_SECTION, docId },
  questions: ['Lequel des six chantiers votre structure peut-elle porter ?', 'Quel financeur faudrait-il convaincre en premier ?'],
})
