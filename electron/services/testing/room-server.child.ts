/**
 * Test child for the room's crash test: runs the room service (server on 127.0.0.1, any port) on a
 * data dir, starts (or resumes) a session and prints `ready <port> <token> <code>`; then serves until
 * the parent kills it (SIGKILL). The parent posts answers, kills it mid-flight, restarts on the same
 * data dir and checks that every acknowledged answer is there.
 *
 *   node --import tsx room-server.child.ts <dataDir>
 */
import { writeSync } from 'node:fs'
import { createRoomService } from '../room/room-service'
import { systemClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { testQuestions, TEST_SECTION } from './room-client'

async function main(dataDir: string): Promise<void> {
  const room = await createRoomService({
    dataDir, clock: systemClock, log: memoryLogger(), questionsFor: testQuestions, host: '127.0.0.1',
    limits: { answer: { capacity: 1000, everyMs: 1 }, joinPerAddress: { capacity: 1000, everyMs: 1 } },
  })
  const s = await room.start({ docId: TEST_SECTION.docId, sectionId: null })
  const url = new URL(s.urls[0]!)
  writeSync(1, `ready ${url.port} ${url.pathname.slice(1)} ${s.view!.code}\n`)
}

void main(process.argv[2]!)
