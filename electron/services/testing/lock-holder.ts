/**
 * Test child: takes the process lock at argv[2], says "held" on stdout, and holds it until killed.
 * Run with `node --import tsx lock-holder.ts <lock path>`.
 */
import { writeSync } from 'node:fs'
import { withProcessLock } from '../platform/process-lock'

void withProcessLock(process.argv[2]!, async () => {
  writeSync(1, 'held\n')
  setInterval(() => undefined, 60_000) // stay alive (a pending promise alone would not)
  await new Promise(() => undefined)
})
