/**
 * `passerelles <command>`: the app's services in plain Node, through the same handler table as the
 * app. Exit codes: 0 success, 1 the command ran and found errors, 2 usage error.
 */
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { createServices } from '../services/services'
import { createHandlers } from '../services/handlers'
import { inProcessClient } from '../shared/api/in-process'
import { defaultUserDataDir, resolveDirs } from '../services/platform/dirs'
import { systemClock } from '../services/platform/clock'
import { stderrLogger } from '../services/platform/log'
import { recordingOpener } from '../services/platform/external-opener'
import { COMMANDS, usage } from './commands'
import type { CliIo } from './io'
import { parseArgs, UsageError } from './args'

/** The repository (or installed package) root: holds package.json and the default content/. */
export const PACKAGE_ROOT = join(__dirname, '..', '..')

function appVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version
}

export async function main(argv: readonly string[], io: CliIo = { out: process.stdout, err: process.stderr }): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out.write(usage())
    return name ? 0 : 2
  }
  const command = COMMANDS[name]
  if (!command) {
    io.err.write(`passerelles: unknown command "${name}"\n\n${usage()}`)
    return 2
  }
  let args
  try {
    args = parseArgs(rest, command.flags)
  } catch (e) {
    if (e instanceof UsageError) {
      io.err.write(`passerelles ${name}: ${e.message}\n\n${usage()}`)
      return 2
    }
    throw e
  }
  const dirs = resolveDirs(rest, process.env, { contentDir: join(PACKAGE_ROOT, 'content'), dataDir: defaultUserDataDir() })
  const services = await createServices({
    ...dirs,
    clock: systemClock,
    log: stderrLogger(command.logLevel),
    openUrl: recordingOpener(),
    appVersion: appVersion(),
    // One command, then exit: no watch on the data dir.
    watchDocuments: false,
  })
  try {
    return await command.run({ services, api: inProcessClient(createHandlers(services)), args, io })
  } catch (e) {
    if (e instanceof UsageError) {
      io.err.write(`passerelles ${name}: ${e.message}\n\n${usage()}`)
      return 2
    }
    throw e
  } finally {
    await services.close()
  }
}
