/**
 * The room service on the loopback interface, through real HTTP: a session, the participants'
 * routes, the facilitator's actions, the journal on disk. Hostile participants get refusals and
 * change nothing (the journal's bytes and the revision are compared before and after).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createRoomService } from './room-service'
import type { RoomService, RoomServiceOptions } from './room-service'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { tempDir } from '../testing/temp-pack'
import { joinRoom, MOVED_TO, post, raw, testQuestions, TEST_SECTION } from '../testing/room-client'
import { runTs } from '../testing/child'
import { BODY_MAX_BYTES } from '../../shared/room/model'
import type { RoomParticipantView } from '../../shared/room/views'

const open: RoomService[] = []
afterEach(async () => {
  for (const r of open.splice(0)) await r.close()
})

async function room(dataDir?: string, extra: Partial<RoomServiceOptions> = {}): Promise<{ room: RoomService; dataDir: string }> {
  const dir = dataDir ?? (await tempDir())
  // Time stands still for the rate limits: a test's bursts are exact, nothing refills while it runs.
  const r = await createRoomService({
    dataDir: dir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), questionsFor: testQuestions, host: '127.0.0.1',
    monotonic: () => 0, ...extra,
  })
  open.push(r)
  return { room: r, dataDir: dir }
}

async function started(dataDir?: string, extra: Partial<RoomServiceOptions> = {}): Promise<{ room: RoomService; dataDir: string; port: number; token: string; code: string }> {
  const r = await room(dataDir, extra)
  const s = await r.room.start({ docId: TEST_SECTION.docId, sectionId: null, place: 'Brest' })
  const url = new URL(s.urls[0]!)
  return { ...r, port: Number(url.port), token: url.pathname.slice(1), code: s.view!.code }
}

const journalBytes = async (dataDir: string): Promise<string> => {
  const dir = join(dataDir, 'room')
  return (await Promise.all((await readdir(dir)).sort().map((f) => readFile(join(dir, f), 'utf8')))).join('|')
}

describe('a participation session on the loopback interface', () => {
  it('serves the page with a strict CSP, lets a device join with the code, answer and vote, and shows it all to the console', async () => {
    const { room: r, port, token, code } = await started()
    expect(token).toMatch(/^[a-z2-9]{12}$/)
    expect(code).toMatch(/^\d{6}$/)
    const page = await raw(port, 'GET', `/${token}`)
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.text).toContain('<html lang="fr">')
    expect((await raw(port, 'GET', `/${token}/app.js`)).headers['content-type']).toMatch(/javascript/)

    const anne = await joinRoom(port, token, code)
    const lou = await joinRoom(port, token, code)
    const q = r.status().view!.current!
    const a1 = await post(port, `/${token}/answer`, { questionId: q, text: 'Un serveur partagé', pseudonym: 'Anne' }, anne)
    expect(a1.status).toBe(201)
    const id = (JSON.parse(a1.text) as { id: string }).id
    expect((await post(port, `/${token}/vote`, { answerId: id }, lou)).status).toBe(200)
    const seen = JSON.parse((await raw(port, 'GET', `/${token}/state`, { headers: { 'x-room-key': lou } })).text) as RoomParticipantView
    expect(seen.question!.text).toBe('Lequel des six chantiers votre structure peut-elle porter ?')
    expect(seen.answers).toEqual([{ id, text: 'Un serveur partagé', pseudonym: 'Anne', votes: 1, mine: false, voted: true }])
    const v = r.status().view!
    expect(v.devices).toBe(2)
    expect(v.answers.map((a) => [a.text, a.votes, a.weight])).toEqual([['Un serveur partagé', 1, 2]])
    expect(v.place).toBe('Brest')
    // The audience screen shows nothing the facilitator did not choose: only the invitation.
    expect(r.audience().projection.groups).toEqual([])
    expect(r.audience().join).toEqual({ url: `http://127.0.0.1:${port}/${token}`, code })
    await r.dispatch({ type: 'project', answerIds: [id], invitation: false })
    expect(r.audience().projection.groups[0]!.cards.map((c) => c.text)).toEqual(['Un serveur partagé'])
    expect(r.audience().join).toBeNull()
  })

  it('stores HTML and script payloads as text, never as markup', async () => {
    const { room: r, port, token, code } = await started()
    const key = await joinRoom(port, token, code)
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    expect((await post(port, `/${token}/answer`, { questionId: r.status().view!.current, text: payload, pseudonym: '<b>moi</b>' }, key)).status).toBe(201)
    expect(r.status().view!.answers[0]!.text).toBe(payload)
    const state = await raw(port, 'GET', `/${token}/state`, { headers: { 'x-room-key': key } })
    expect(state.headers['content-type']).toBe('application/json; charset=utf-8')
    expect((JSON.parse(state.text) as RoomParticipantView).answers[0]!.pseudonym).toBe('<b>moi</b>')
    // The page's script never uses innerHTML (text only).
    expect((await raw(port, 'GET', `/${token}/app.js`)).text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/)
  })

  it('refuses hostile requests, and they change nothing', async () => {
    const { room: r, dataDir, port, token, code } = await started(undefined, { limits: { wrongCodePerAddress: { capacity: 3, everyMs: 60_000 } } })
    const key = await joinRoom(port, token, code)
    const q = r.status().view!.current!
    const before = { bytes: await journalBytes(dataDir), revision: r.status().revision }
    const refusals: [string, Promise<number>, number][] = [
      ['oversized answer (declared)', post(port, `/${token}/answer`, { questionId: q, text: 'x'.repeat(BODY_MAX_BYTES) }, key).then((x) => x.status), 413],
      ['answer over 500 characters', post(port, `/${token}/answer`, { questionId: q, text: 'é'.repeat(501) }, key).then((x) => x.status), 400],
      ['extra fields', post(port, `/${token}/answer`, { questionId: q, text: 'ok', html: '<b>' }, key).then((x) => x.status), 400],
      ['not JSON', raw(port, 'POST', `/${token}/answer`, { body: 'text=hello', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-room-key': key } }).then((x) => x.status), 415],
      ['broken JSON', raw(port, 'POST', `/${token}/answer`, { body: '{"text":', headers: { 'content-type': 'application/json', 'x-room-key': key } }).then((x) => x.status), 400],
      ['no device key', post(port, `/${token}/answer`, { questionId: q, text: 'ok' }).then((x) => x.status), 401],
      ['unknown device key', post(port, `/${token}/answer`, { questionId: q, text: 'ok' }, 'AAAAAAAAAAAAAAAAAAAAAA').then((x) => x.status), 401],
      ['old question', post(port, `/${token}/answer`, { questionId: 'zzzz', text: 'ok' }, key).then((x) => x.status), 409],
      ['wrong token', post(port, `/${'a'.repeat(12)}/answer`, { questionId: q, text: 'ok' }, key).then((x) => x.status), 404],
      ['token in another case', raw(port, 'GET', `/${token.toUpperCase()}`).then((x) => x.status), 404],
      ['root', raw(port, 'GET', '/').then((x) => x.status), 404],
      ['dot segments', raw(port, 'GET', `/${token}/../../etc/passwd`).then((x) => x.status), 404],
      ['encoded dot segments', raw(port, 'GET', `/${token}/%2e%2e/%2e%2e/etc/passwd`).then((x) => x.status), 404],
      ['encoded slash', raw(port, 'GET', `/${token}%2Fapp.js`).then((x) => x.status), 404],
      ['query string', raw(port, 'GET', `/${token}/app.js?../../x`).then((x) => x.status), 404],
      ['absolute URL form', raw(port, 'GET', `http://127.0.0.1:${port}/${token}/state`).then((x) => x.status), 404],
      ['the app\'s files', raw(port, 'GET', `/${token}/package.json`).then((x) => x.status), 404],
      ['another method', raw(port, 'PUT', `/${token}/answer`, { body: '{}', headers: { 'content-type': 'application/json' } }).then((x) => x.status), 404],
      ['GET on a POST route', raw(port, 'GET', `/${token}/join`).then((x) => x.status), 404],
      ['vote for an unknown answer', post(port, `/${token}/vote`, { answerId: 'zzzz' }, key).then((x) => x.status), 409],
    ]
    for (const [what, status, expected] of refusals) expect([what, await status]).toEqual([what, expected])
    // Wrong codes: refused, then held back (per address) before six digits could be tried through.
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const codes = []
    for (let i = 0; i < 5; i++) codes.push((await post(port, `/${token}/join`, { code: wrong })).status)
    expect(codes).toEqual([403, 403, 403, 429, 429])
    expect((await post(port, `/${token}/join`, { code: 123 })).status).toBe(400)
    // An oversized body that lies about its size is cut off all the same.
    const lying = await raw(port, 'POST', `/${token}/answer`, { body: `{"text":"${'x'.repeat(BODY_MAX_BYTES * 2)}"}`, headers: { 'content-type': 'application/json', 'x-room-key': key, 'transfer-encoding': 'chunked' } }).then((x) => x.status, () => 413)
    expect(lying).toBe(413)
    expect({ bytes: await journalBytes(dataDir), revision: r.status().revision }).toEqual(before)
    expect(r.status().view!.answers).toEqual([])
  })

  it('rate-limits a flooding device and the whole session; the answers accepted are exactly those acknowledged', async () => {
    const { room: r, port, token, code } = await started(undefined, { limits: { writesSession: { capacity: 8, everyMs: 60_000 } } })
    const flooder = await joinRoom(port, token, code)
    const q = r.status().view!.current!
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => post(port, `/${token}/answer`, { questionId: q, text: `flood ${i}` }, flooder).then((x) => x.status)))
    expect(statuses.filter((s) => s === 201)).toHaveLength(5) // the device's burst
    expect(statuses.filter((s) => s === 429)).toHaveLength(15)
    // Other devices still get in, up to the session's limit (8 writes in all).
    const others = await Promise.all(Array.from({ length: 5 }, () => joinRoom(port, token, code)))
    const more = await Promise.all(others.map((k, i) => post(port, `/${token}/answer`, { questionId: q, text: `autre ${i}` }, k).then((x) => x.status)))
    expect(more.filter((s) => s === 201)).toHaveLength(3)
    expect(r.status().view!.answers).toHaveLength(8)
  })

  it('refuses a replayed token and device key once the session ended, and from a new session', async () => {
    const { room: r, dataDir, port, token, code } = await started()
    const key = await joinRoom(port, token, code)
    await r.end()
    expect(r.status().running).toBe(false)
    expect((await raw(port, 'GET', `/${token}/state`, { headers: { 'x-room-key': key } })).status).toBe(410) // ended, said for a while
    await r.close()
    await expect(raw(port, 'GET', `/${token}`)).rejects.toThrow() // the server is gone
    const { room: r2, port: port2, token: token2, code: code2 } = await started(dataDir)
    expect(token2).not.toBe(token)
    expect((await raw(port2, 'GET', `/${token}`)).status).toBe(404)
    expect((await post(port2, `/${token}/join`, { code })).status).toBe(404)
    expect((await post(port2, `/${token2}/answer`, { questionId: r2.status().view!.current, text: 'rejoué' }, key)).status).toBe(401)
    expect((await raw(port2, 'GET', `/${token2}/state`, { headers: { 'x-room-key': key } })).status).toBe(401)
    expect(code2).toMatch(/^\d{6}$/)
  })

  it('tells the phones the session has ended (410 « ended » on every route, nothing written), then stops listening', async () => {
    const { room: r, dataDir, port, token, code } = await started(undefined, { endedGraceMs: 200 })
    const key = await joinRoom(port, token, code)
    const questionId = r.status().view!.current
    await r.end()
    const journal = await journalBytes(dataDir)
    const replies = [
      await raw(port, 'GET', `/${token}/state`, { headers: { 'x-room-key': key } }),
      await raw(port, 'GET', `/${token}/state`, { headers: { 'x-room-key': 'unknown-device-key' } }),
      await post(port, `/${token}/answer`, { questionId, text: 'Trop tard' }, key),
      await post(port, `/${token}/vote`, { answerId: 'abc' }, key),
      await post(port, `/${token}/join`, { code }),
    ]
    expect(replies.map((x) => [x.status, JSON.parse(x.text)])).toEqual(Array.from({ length: 5 }, () => [410, { error: 'ended' }]))
    // The page itself still loads (a phone reloading it is told the same), under the same strict CSP.
    const page = await raw(port, 'GET', `/${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('La séance est terminée')
    expect(await journalBytes(dataDir)).toBe(journal)
    expect(r.status()).toMatchObject({ running: false, urls: [], view: { closed: true } })
    // After the grace the server closes: nothing listens on the port any more.
    await expect.poll(() => raw(port, 'GET', `/${token}/state`).then(() => 'answered', () => 'gone')).toBe('gone')
  })

  it('a new session closes the ended one’s server at once (the port serves only the new token)', async () => {
    const { room: r, port, token, code } = await started()
    const key = await joinRoom(port, token, code)
    const ask = (): Promise<number | 'gone'> => raw(port, 'GET', `/${token}/state`, { headers: { 'x-room-key': key } }).then((x) => x.status, () => 'gone')
    await r.end()
    expect(await ask()).toBe(410)
    const s = await r.start({ docId: 'un-autre-texte', sectionId: null })
    const url = new URL(s.urls[0]!)
    expect(url.pathname.slice(1)).not.toBe(token)
    const left = await ask()
    // Either nothing listens there any more, or the new session does — and knows nothing of the old token.
    expect(left === 'gone' || left === 404).toBe(true)
  })

  it('resumes an open session after a restart: same address, same code, same devices and answers', async () => {
    const { room: r, dataDir, port, token, code } = await started()
    const key = await joinRoom(port, token, code)
    await post(port, `/${token}/answer`, { questionId: r.status().view!.current, text: 'Avant' }, key)
    await r.close()
    const { room: again } = await room(dataDir)
    expect(again.status().running).toBe(false)
    expect(again.status().view!.answers.map((a) => a.text)).toEqual(['Avant'])
    const s = await again.start({ docId: TEST_SECTION.docId, sectionId: null })
    expect(s.urls[0]).toBe(`http://127.0.0.1:${port}/${token}`)
    expect(s.view!.code).toBe(code)
    expect((await post(port, `/${token}/answer`, { questionId: s.view!.current, text: 'Après' }, key)).status).toBe(201)
  })

  it('a session read back after a restart can be ended or acted on without being resumed first', async () => {
    const { room: r, dataDir, port, token, code } = await started()
    const key = await joinRoom(port, token, code)
    const id = (JSON.parse((await post(port, `/${token}/answer`, { questionId: r.status().view!.current, text: 'Gardée' }, key)).text) as { id: string }).id
    await r.close()
    const { room: again } = await room(dataDir)
    await again.dispatch({ type: 'hide', answerIds: [id], hidden: true })
    await again.end()
    await again.close()
    const { room: third } = await room(dataDir)
    expect(third.status().view).toMatchObject({ closed: true, answers: [{ id, hidden: true }] })
    expect((await third.cahier()).markdown).toContain('1 réponse masquée')
  })

  it('lists the sessions kept in the data dir, each attached to its section, and writes the cahier of a past one', async () => {
    const clock = fixedClock('2026-11-28T10:00:00Z')
    const { room: r, dataDir, port, token, code } = await started(undefined, { clock })
    const first = r.status().view!.id
    const key = await joinRoom(port, token, code)
    await post(port, `/${token}/answer`, { questionId: r.status().view!.current, text: 'Première session' }, key)
    await r.end()
    clock.advance(3_600_000) // the afternoon's workshop
    await r.start({ docId: 'cahier-08-convaincre-l-economie-classique', sectionId: null })
    const second = r.status().view!.id
    const list = await r.sessions()
    expect(list.map((x) => [x.id, x.section.docId, x.answers, x.closed])).toEqual([
      [second, 'cahier-08-convaincre-l-economie-classique', 0, false],
      [first, TEST_SECTION.docId, 1, true],
    ])
    expect((await r.cahier(first)).markdown).toContain('- Première session (1 soutien)')
    await expect(r.cahier('zzzz')).rejects.toThrow(/No participation session "zzzz"/)
    const saved = await r.saveCahier(join(dataDir, 'out'), first)
    expect(await readFile(saved.path, 'utf8')).toContain('Première session')
  })

  it('facilitator actions: a typed question, hide, merge, group, project; the cahier is saved to a folder', async () => {
    const { room: r, dataDir, port, token, code } = await started()
    const keys = await Promise.all([0, 1, 2].map(() => joinRoom(port, token, code)))
    await r.dispatch({ type: 'question', text: 'Qui faut-il convaincre ?' })
    const q = r.status().view!.current!
    expect(r.status().view!.questions.find((x) => x.id === q)!.text).toBe('Qui faut-il convaincre ?')
    const ids: string[] = []
    for (const [i, text] of ['La mairie', 'Le conseil municipal', 'Hors sujet'].entries()) {
      ids.push((JSON.parse((await post(port, `/${token}/answer`, { questionId: q, text, pseudonym: i === 0 ? 'Anne' : '' }, keys[i])).text) as { id: string }).id)
    }
    await r.dispatch({ type: 'hide', answerIds: [ids[2]!], hidden: true })
    await r.dispatch({ type: 'merge', into: ids[0]!, answerIds: [ids[1]!] })
    await r.dispatch({ type: 'group', answerIds: [ids[0]!], group: 'Élus' })
    await expect(r.dispatch({ type: 'project', answerIds: [ids[2]!], invitation: false })).rejects.toThrow(/visible/)
    await r.dispatch({ type: 'project', answerIds: [ids[0]!], invitation: false })
    expect(r.audience().projection).toEqual({
      question: 'Qui faut-il convaincre ?', invitation: false,
      groups: [{ name: 'Élus', weight: 2, cards: [{ id: ids[0], text: 'La mairie', pseudonym: 'Anne', weight: 2, merged: [{ text: 'Le conseil municipal', pseudonym: '' }] }] }],
    })
    const saved = await r.saveCahier(join(dataDir, 'cahiers'))
    const md = await readFile(saved.path, 'utf8')
    expect(saved.path.endsWith('cahier-de-l-atelier-2026-11-28-renforcer-les-passerelles.md')).toBe(true)
    expect(md).toContain('## Qui faut-il convaincre ?\n\n### Élus (2 soutiens)\n\n- La mairie — Anne (2 soutiens)\n  - Le conseil municipal')
    expect(md).not.toContain('Hors sujet')
    expect(md).toContain('- Lieu : Brest')
  })
})

describe('a crash of the app during a session', () => {
  it('loses no acknowledged answer (SIGKILL while answers are in flight), and the session resumes', async () => {
    const dataDir = await tempDir()
    const child = runTs(join(__dirname, '..', 'testing', 'room-server.child.ts'), [dataDir])
    const [, port, token, code] = (await child.waitFor((l) => l.startsWith('ready '))).split(' ') as [string, string, string, string]
    const p = Number(port)
    const keys = await Promise.all(Array.from({ length: 20 }, () => joinRoom(p, token, code)))
    const questionId = (JSON.parse((await raw(p, 'GET', `/${token}/state`, { headers: { 'x-room-key': keys[0]! } })).text) as RoomParticipantView).question!.id
    const acked: string[] = []
    let sent = 0
    const phone = async (key: string, n: number): Promise<void> => {
      for (let i = 0; ; i++) {
        sent++
        const res = await post(p, `/${token}/answer`, { questionId, text: `téléphone ${n}, réponse ${i}` }, key).catch(() => null)
        if (res === null) return // the server died
        if (res.status === 201) acked.push((JSON.parse(res.text) as { id: string }).id)
        if (acked.length >= 150 && !child.proc.killed) child.proc.kill('SIGKILL')
      }
    }
    await Promise.all(keys.map((k, n) => phone(k, n)))
    expect((await child.exited).signal).toBe('SIGKILL')
    expect(sent).toBeGreaterThan(acked.length) // some were in flight when it died
    const { room: again } = await room(dataDir)
    const kept = new Set(again.status().view!.answers.map((a) => a.id))
    expect(acked.filter((id) => !kept.has(id))).toEqual([])
    expect(again.status().view!.devices).toBe(20)
    const s = await again.start({ docId: TEST_SECTION.docId, sectionId: null })
    expect(s.urls[0]).toBe(`http://127.0.0.1:${port}/${token}`)
  })

  it('comes back to the question asked and the section presented (SIGKILL right after they changed)', async () => {
    const dataDir = await tempDir()
    const child = runTs(join(__dirname, '..', 'testing', 'room-server.child.ts'), [dataDir, 'moved'])
    const [, port, token, code] = (await child.waitFor((l) => l.startsWith('ready '))).split(' ') as [string, string, string, string]
    const key = await joinRoom(Number(port), token, code)
    child.proc.kill('SIGKILL')
    expect((await child.exited).signal).toBe('SIGKILL')
    const { room: again } = await room(dataDir)
    const before = again.status().view!
    expect(before.at).toEqual(MOVED_TO)
    expect(before.current).toBe(before.questions[1]!.id)
    // Resumed from wherever the console is now: the session keeps its section and its question.
    const s = await again.start({ docId: TEST_SECTION.docId, sectionId: 'introduction' })
    expect(s.view).toMatchObject({ at: MOVED_TO, current: before.questions[1]!.id })
    const phone = JSON.parse((await raw(Number(port), 'GET', `/${token}/state`, { headers: { 'x-room-key': key } })).text) as RoomParticipantView
    expect(phone.question?.text).toBe('Quel financeur faudrait-il convaincre en premier ?')
  })
})
