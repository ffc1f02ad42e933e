/**
 * Test child for the room's crash test: runs the room service (server on 127.0.0.1, any port) on a
 * data dir, starts (or resumes) a session and prints `ready <port> <token> <code>`; then serves until
 * the parent kills it (SIGKILL). The parent posts answers, kills it mid-flight, restarts on the same
 * data dir and checks that every acknowledged answer is there. With `moved`, the facilitator has
 * first asked the second question and the presenter gone to another section (MOVED_TO).
 *
 *   node --import tsx room-server.child.ts <dataDir> [moved]
 */
import { writeSync } from 'node:fs'
import { createRoomService } from '../room/room-service'
import { systemClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { MOVED_TO, testQuestions, TEST_SECTION } from './room-client'

async function main(dataDir: string, moved: boolean): Promise<void> {
  const room = await createRoomService({
    dataDir, clock: systemClock, log: memoryLogger(), questionsFor: testQuestions, host: '127.0.0.1',
    limits: { answer: { capacity: 1000, everyMs: 1 }, joinPerAddress: { capacity: 1000, everyMs: 1 } },
  })
  let s = await room.start({ docId: TEST_SECTION.docId, sectionId: null })
  if (moved) {
    s = await room.dispatch({ type: 'ask', questionId: s.view!.questions[1]!.id })
    s = await room.dispatch({ type: 'at', ...MOVED_TO })
  }
  const url = new URL(s.urls[0]!)
  writeSync(1, `ready ${url.port} ${url.pathname.slice(1)} ${s.view!.code}\n`)
}

void main(process.argv[2]!, process.argv[3] === 'moved')
