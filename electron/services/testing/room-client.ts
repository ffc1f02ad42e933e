/**
 * A participant's phone, for tests and the load bench: raw HTTP requests to the room server (node:http,
 * the path sent exactly as given — no URL normalisation, so path tricks reach the server as written).
 */
import { Agent, request } from 'node:http'
import type { RoomSection } from '../../shared/room/model'
import { doc } from './temp-pack'
import type { QuestionsFor, RoomService } from '../room/room-service'

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

/**
 * A workshop played for real: the session started on a section, then one phone per answer joins
 * with the code and answers the current question over HTTP. Returns the answers' ids, in order.
 */
export async function playWorkshop(room: RoomService, section: { readonly docId: string; readonly sectionId: string | null; readonly place?: string }, answers: readonly { readonly text: string; readonly pseudonym?: string }[]): Promise<string[]> {
  const status = await room.start({ docId: section.docId, sectionId: section.sectionId, place: section.place ?? 'Brest' })
  const url = new URL(status.urls[0]!)
  const port = Number(url.port)
  const token = url.pathname.slice(1)
  const questionId = status.view!.current!
  const ids: string[] = []
  for (const a of answers) {
    const key = await joinRoom(port, token, status.view!.code)
    const r = await post(port, `/${token}/answer`, { questionId, text: a.text, ...(a.pseudonym ? { pseudonym: a.pseudonym } : {}) }, key)
    if (r.status !== 201) throw new Error(`answer refused: ${r.status} ${r.text}`)
    ids.push((JSON.parse(r.text) as { id: string }).id)
  }
  return ids
}

/** A small pack for workshops: a chapter whose « Questions pour l’atelier » the session asks, and a case study. */
export const WORKSHOP_PACK: Readonly<Record<string, string>> = {
  'cahiers/passerelles.md': doc(
    { id: 'cahier-passerelles', kind: 'cahier', order: 1, title: 'Renforcer les passerelles', tags: ['reseaux'] },
    '## Les chantiers\n\nSix chantiers pour coopérer entre structures.\n\n## Questions pour l’atelier\n\n- Quel chantier votre structure peut-elle porter ?\n- Quel financeur faudrait-il convaincre ?\n',
  ),
  'cas/framasoft.md': doc({ id: 'cas-framasoft', kind: 'cas', title: 'Framasoft', tags: ['logiciel-libre'], organisation: { name: 'Framasoft', legalForm: 'association loi 1901', founded: '2004', website: 'https://framasoft.org' } }, '## Qui\n\nFramasoft est une association d’éducation populaire.\n'),
}
