/** `cli export --answers`: the workshops' answers of the data dir's sessions (a real one, played over HTTP) in the export. */
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import { main } from './main'
import { captureIo } from './capture-io'
import { createServices } from '../services/services'
import { fixedClock } from '../services/platform/clock'
import { memoryLogger } from '../services/platform/log'
import { recordingOpener } from '../services/platform/external-opener'
import { tempDir, writePack } from '../services/testing/temp-pack'
import { playWorkshop, WORKSHOP_PACK } from '../services/testing/room-client'

describe('cli export --answers', () => {
  it('adds the visible answers of past sessions after the notes, and says how many', async () => {
    const contentDir = await writePack(WORKSHOP_PACK)
    const dataDir = await tempDir()
    const s = await createServices({ contentDir, dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test', roomHost: '127.0.0.1' })
    const sectionId = s.reader.get('cahier-passerelles').sections.find((x) => x.title === 'Questions pour l’atelier')!.id
    const [, hidden] = await playWorkshop(s.room, { docId: 'cahier-passerelles', sectionId }, [{ text: 'Partager un local' }, { text: 'Une réponse masquée' }])
    await s.room.dispatch({ type: 'hide', answerIds: [hidden!], hidden: true })
    await s.room.end()
    await s.close()

    const out = join(dataDir, 'export.md')
    const c = captureIo()
    expect(await main(['export', '--answers', '--out', out, '--content-dir', contentDir, '--data-dir', dataDir], c.io)).toBe(0)
    expect(c.err()).toContain('Exported 0 annotation(s) and 1 workshop answer(s)')
    const md = await readFile(out, 'utf8')
    expect(md).toContain('> Partager un local')
    expect(md).not.toContain('masquée')
    const csv = captureIo()
    expect(await main(['export', '--format', 'csv', '--answers', '--content-dir', contentDir, '--data-dir', dataDir], csv.io)).toBe(0)
    expect(csv.out()).toContain('réponse d’atelier')
    const plain = captureIo()
    expect(await main(['export', '--content-dir', contentDir, '--data-dir', dataDir], plain.io)).toBe(0)
    expect(plain.out()).not.toContain('Partager un local')
  })
})
