/** The CLI's command table. Each command declares its flags and runs against the services. */
import type { PasserellesApi } from '../shared/api/types'
import type { Services } from '../services/services'
import type { ParsedArgs, FlagSpec } from './args'
import type { CliIo } from './io'
import type { LogLevel } from '../services/platform/log'
import { listCommand } from './commands/list'
import { checkCommand } from './commands/check'
import { searchCommand } from './commands/search'
import { indexCommand } from './commands/index'
import { annotationsCommand } from './commands/annotations'
import { exportCommand } from './commands/export'
import { addCommand } from './commands/add'
import { roomCommand } from './commands/room'
import { removeCommand } from './commands/remove'

export interface CommandContext {
  readonly services: Services
  /** The contract's API, in process (shared/api/in-process.ts): typed like the renderer's. */
  readonly api: PasserellesApi
  readonly args: ParsedArgs
  readonly io: CliIo
}

export interface Command {
  readonly summary: string
  readonly synopsis: string
  readonly flags: FlagSpec
  /** The least severe log level written to stderr (default `warn`). */
  readonly logLevel?: LogLevel
  run(ctx: CommandContext): Promise<number>
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  list: listCommand,
  check: checkCommand,
  search: searchCommand,
  index: indexCommand,
  annotations: annotationsCommand,
  export: exportCommand,
  add: addCommand,
  room: roomCommand,
  remove: removeCommand,
}

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([, c]) => `  ${c.synopsis.padEnd(52)} ${c.summary}`)
  return [
    'Usage: passerelles <command> [options]   (npm run cli -- <command> …)',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command accepts --content-dir DIR (or PASSERELLES_CONTENT_DIR) and --data-dir DIR (or PASSERELLES_DATA_DIR).',
    '',
  ].join('\n')
}
