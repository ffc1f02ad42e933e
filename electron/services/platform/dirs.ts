/**
 * Where content and user data live. Precedence: command-line flag, then environment variable,
 * then the default the caller supplies (Electron: the packaged content and `userData`).
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export interface DirOverrides {
  readonly contentDir?: string | undefined
  readonly dataDir?: string | undefined
}

/** Reads `--content-dir X`, `--content-dir=X`, `--data-dir …` from an argv list. */
export function dirsFromArgv(argv: readonly string[]): DirOverrides {
  const out: { contentDir?: string; dataDir?: string } = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    for (const [flag, key] of [['--content-dir', 'contentDir'], ['--data-dir', 'dataDir']] as const) {
      if (a === flag && argv[i + 1] !== undefined) out[key] = argv[i + 1]
      else if (a.startsWith(`${flag}=`)) out[key] = a.slice(flag.length + 1)
    }
  }
  return out
}

export function resolveDirs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaults: { contentDir: string; dataDir: string },
): { contentDir: string; dataDir: string } {
  const flags = dirsFromArgv(argv)
  return {
    contentDir: resolve(flags.contentDir ?? env.PASSERELLES_CONTENT_DIR ?? defaults.contentDir),
    dataDir: resolve(flags.dataDir ?? env.PASSERELLES_DATA_DIR ?? defaults.dataDir),
  }
}

/**
 * The folder Electron's `app.getPath('userData')` gives for "Passerelles", computed without Electron
 * so the CLI reads and writes the same data as the app.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Passerelles')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Passerelles')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Passerelles')
}
