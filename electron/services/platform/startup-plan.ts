/**
 * What main must decide before `ready`, from the facts of this launch (platform, environment,
 * packaged or not, argv), as a pure function so every branch is unit-tested without Electron and
 * the packed main is checked against it by the boot test (build/scripts/packaging/boot-check.ts).
 *
 * - Linux Wayland: Electron ≥ 38 runs native Wayland by default, where a window can neither be
 *   placed nor report its position, so the audience screen cannot be put on the projector. Where
 *   XWayland is there (DISPLAY set) we ask for X11, Electron's documented advice; an explicit
 *   `--ozone-platform` or ELECTRON_OZONE_PLATFORM_HINT from the user wins.
 * - Profile folder: `npm start` (unpackaged) must never share the installed copy's profile, its
 *   single-instance lock or its notes, so it uses `<userData>-dev`. An explicit data dir
 *   (`--data-dir`, PASSERELLES_DATA_DIR) also gets its own Chromium profile inside it, so two
 *   instances on two data dirs never exclude each other (the smoke test runs beside an installed app).
 * - Windows, packaged: NSIS writes no URL-scheme key (electron-builder's `protocols` is read only
 *   by the Linux, macOS and AppX targets), so the app registers passerelles:// itself (HKCU, which
 *   suits the per-user install), and sets the AppUserModelID the NSIS shortcut carries.
 * - A packaged app logs to a file: a GUI launch on Windows or macOS discards stderr.
 */
import { join, resolve } from 'node:path'
import { dirsFromArgv } from './dirs'

export interface StartupFacts {
  readonly platform: NodeJS.Platform
  readonly env: Readonly<Record<string, string | undefined>>
  readonly isPackaged: boolean
  readonly argv: readonly string[]
}

export interface StartupPlan {
  /** Chromium switches to append before `ready`, as [name, value]. */
  readonly switches: readonly (readonly [string, string])[]
  /** The Chromium profile folder (`app.setPath('userData', …)`), or null to keep Electron's default. */
  readonly profileDir: string | null
  /** Register passerelles:// as this user's handler (Windows, packaged). */
  readonly registerSchemeHandler: boolean
  /** `app.setAppUserModelId` (Windows): groups the window with the installer's shortcut. */
  readonly appUserModelId: string | null
  /** Write the log to a file in the OS log folder (`app.getPath('logs')`). */
  readonly logToFile: boolean
}

/** electron-builder's appId; the NSIS shortcut carries it as its AppUserModelID. */
export const APP_USER_MODEL_ID = 'org.passerelles.app'
export const LOG_FILE_NAME = 'passerelles.log'
/** The name given to an unpackaged run's profile folder: `<userData>` + this. */
export const DEV_PROFILE_SUFFIX = '-dev'

function wantsX11(facts: StartupFacts): boolean {
  if (facts.platform !== 'linux') return false
  const wayland = facts.env.XDG_SESSION_TYPE === 'wayland' || Boolean(facts.env.WAYLAND_DISPLAY)
  const chosen = Boolean(facts.env.ELECTRON_OZONE_PLATFORM_HINT) || facts.argv.some((a) => a.startsWith('--ozone-platform'))
  return wayland && !chosen && Boolean(facts.env.DISPLAY)
}

/** `defaultUserData`: what `app.getPath('userData')` answers before any change. */
export function startupPlan(facts: StartupFacts, defaultUserData: string): StartupPlan {
  const dataDir = dirsFromArgv(facts.argv).dataDir ?? facts.env.PASSERELLES_DATA_DIR
  const profileDir = dataDir ? join(resolve(dataDir), 'chromium-profile') : facts.isPackaged ? null : `${defaultUserData}${DEV_PROFILE_SUFFIX}`
  const windows = facts.platform === 'win32'
  return {
    switches: wantsX11(facts) ? [['ozone-platform', 'x11']] : [],
    profileDir,
    registerSchemeHandler: windows && facts.isPackaged,
    appUserModelId: windows ? APP_USER_MODEL_ID : null,
    logToFile: facts.isPackaged,
  }
}
