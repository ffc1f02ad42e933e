/** A strict flag parser: unknown flags and missing values are usage errors (exit 2). */

export class UsageError extends Error {}

/** Flag name → 'boolean' | 'string'. `--content-dir` and `--data-dir` are accepted by every command. */
export type FlagSpec = Readonly<Record<string, 'boolean' | 'string'>>

export interface ParsedArgs {
  readonly flags: Readonly<Record<string, string | boolean>>
  readonly positionals: readonly string[]
}

const COMMON: FlagSpec = { 'content-dir': 'string', 'data-dir': 'string' }

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const all = { ...COMMON, ...spec }
  const flags: Record<string, string | boolean> = {}
  const positionals: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (!a.startsWith('--')) {
      positionals.push(a)
      continue
    }
    const [rawName, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
    const kind = all[rawName]
    if (!kind) throw new UsageError(`unknown flag --${rawName}`)
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${rawName} takes no value`)
      flags[rawName] = true
    } else {
      const value = inline ?? argv[++i]
      if (value === undefined || value === '') throw new UsageError(`--${rawName} needs a value`)
      flags[rawName] = value
    }
  }
  return { flags, positionals }
}
