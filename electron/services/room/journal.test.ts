import { describe, expect, it } from 'vitest'
import { appendFile, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { openJournal, readJournal } from './journal'
import { tempDir } from '../testing/temp-pack'
import { ASKED, DEV, OPEN, answer } from '../../shared/room/testing'

const now = (): Date => new Date('2026-11-28T11:00:00Z')

describe('the room journal', () => {
  it('replays what was appended, group-committing concurrent appends in order', async () => {
    const dir = await tempDir()
    const path = join(dir, 's.jsonl')
    const j = await openJournal(path)
    await j.append([OPEN, ...ASKED, { t: 'join', device: DEV[0] }])
    await Promise.all(Array.from({ length: 50 }, (_, i) => j.append([answer(`a${i}`, `réponse ${i}`, DEV[0])])))
    await j.close()
    const read = await readJournal(path, now)
    expect(read!.state.answers.map((a) => a.id)).toEqual(Array.from({ length: 50 }, (_, i) => `a${i}`))
    expect(read!.problems).toBe(0)
  })

  it('cuts a torn last line (never acknowledged), keeps its bytes aside, and appends cleanly after it', async () => {
    const dir = await tempDir()
    const path = join(dir, 's.jsonl')
    const j = await openJournal(path)
    await j.append([OPEN, ...ASKED, { t: 'join', device: DEV[0] }, answer('a1', 'Gardée', DEV[0])])
    await j.close()
    await appendFile(path, JSON.stringify(answer('a2', 'Coupée', DEV[0])).slice(0, 30))
    const read = await readJournal(path, now)
    expect(read!.state.answers.map((a) => a.text)).toEqual(['Gardée'])
    expect(read!.tornBytes).toBe(30)
    expect((await readdir(dir)).filter((f) => f.includes('.torn-'))).toHaveLength(1)
    const again = await openJournal(path)
    await again.append([answer('a3', 'Après', DEV[0])])
    await again.close()
    expect((await readJournal(path, now))!.state.answers.map((a) => a.text)).toEqual(['Gardée', 'Après'])
    expect((await readFile(path, 'utf8')).endsWith('\n')).toBe(true)
  })

  it('skips and counts a complete line that is not a valid event; refuses a file that is not a session', async () => {
    const dir = await tempDir()
    const path = join(dir, 's.jsonl')
    const j = await openJournal(path)
    await j.append([OPEN, ...ASKED, { t: 'join', device: DEV[0] }])
    await j.close()
    await appendFile(path, '{"t":"answer","text":"<script>"}\nnot json\n')
    await appendFile(path, `${JSON.stringify(answer('a1', 'Lisible', DEV[0]))}\n`)
    const read = await readJournal(path, now)
    expect(read!.problems).toBe(2)
    expect(read!.state.answers.map((a) => a.text)).toEqual(['Lisible'])
    const other = join(dir, 'o.jsonl')
    await appendFile(other, `${JSON.stringify(answer('a1', 'x', DEV[0]))}\n`)
    expect(await readJournal(other, now)).toBeNull()
  })
})
