/**
 * `npm run cli -- room list | cahier`: the sessions a workshop left in the data dir, and a
 * session's « Cahier de l’atelier », through the same handlers as the app (a session is made by
 * the real room service on loopback, then the CLI runs on the same data dir).
 */
import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { main } from './main'
import { createRoomService } from '../services/room/room-service'
import { fixedClock } from '../services/platform/clock'
import { memoryLogger } from '../services/platform/log'
import { doc, tempDir, writePack } from '../services/testing/temp-pack'
import { joinRoom, post, testQuestions } from '../services/testing/room-client'

function capture() {
  let out = ''
  let err = ''
  return { io: { out: { write: (s: string) => void (out += s) }, err: { write: (s: string) => void (err += s) } }, out: () => out, err: () => err }
}

describe('passerelles room', () => {
  it('lists the sessions and writes a cahier; bad arguments are usage errors', async () => {
    const pack = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Premier' }) })
    const data = await tempDir()
    const room = await createRoomService({ dataDir: data, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), questionsFor: testQuestions, host: '127.0.0.1' })
    const s = await room.start({ docId: 'doc-a', sectionId: null, place: 'Quimper' })
    const url = new URL(s.urls[0]!)
    const key = await joinRoom(Number(url.port), url.pathname.slice(1), s.view!.code)
    await post(Number(url.port), `${url.pathname}/answer`, { questionId: s.view!.current, text: 'Une idée *forte*' }, key)
    await room.end()
    await room.close()
    const dirs = ['--content-dir', pack, '--data-dir', data]

    const list = capture()
    expect(await main(['room', 'list', '--json', ...dirs], list.io)).toBe(0)
    const sessions = JSON.parse(list.out()) as { id: string; answers: number; closed: boolean; section: { docId: string } }[]
    expect(sessions.map((x) => [x.section.docId, x.answers, x.closed])).toEqual([['doc-a', 1, true]])

    const out = join(data, 'cahier.md')
    const cahier = capture()
    expect(await main(['room', 'cahier', sessions[0]!.id, '--out', out, ...dirs], cahier.io)).toBe(0)
    const md = await readFile(out, 'utf8')
    expect(md).toContain('- Lieu : Quimper')
    expect(md).toContain('- Une idée \\*forte\\* (1 soutien)')

    const missing = capture()
    expect(await main(['room', 'cahier', 'zzzz', ...dirs], missing.io)).toBe(1)
    expect(missing.err()).toContain('No participation session "zzzz"')
    const bad = capture()
    expect(await main(['room', 'cahier', '../x', ...dirs], bad.io)).toBe(2)
    const none = capture()
    expect(await main(['room', ...dirs], none.io)).toBe(2)
    expect(none.err()).toContain('Usage: passerelles room list')
  })
})
