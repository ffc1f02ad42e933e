/**
 * Electron fuses (checklist item 19): the release posture the issue requires, how each
 * electron-builder `electronFuses` key maps onto the fuse wire in the binary, and a readable table
 * comparing a binary's wire with the configuration (printed by package:check).
 */

/** electron-builder's `electronFuses` keys, in fuse-wire order (@electron/fuses FuseV1Options). */
export const FUSE_KEYS = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const
export type FuseKey = (typeof FUSE_KEYS)[number]

/** What a release build must have, and why. */
export const RELEASE_FUSES: Readonly<Record<FuseKey, { readonly value: boolean; readonly why: string }>> = {
  runAsNode: { value: false, why: 'ELECTRON_RUN_AS_NODE would turn the app binary into a plain Node interpreter' },
  enableCookieEncryption: { value: true, why: 'cookies at rest encrypted with the OS keychain' },
  enableNodeOptionsEnvironmentVariable: { value: false, why: 'NODE_OPTIONS could inject code into the main process' },
  enableNodeCliInspectArguments: { value: false, why: '--inspect would let anyone on the machine attach a debugger (Playwright needs it: e2e runs unpackaged)' },
  enableEmbeddedAsarIntegrityValidation: { value: true, why: 'macOS and Windows refuse a tampered app.asar (Linux has no such check)' },
  onlyLoadAppFromAsar: { value: true, why: 'no loose app/ folder next to the asar can replace the app' },
  loadBrowserProcessSpecificV8Snapshot: { value: false, why: 'one V8 snapshot for every process (default)' },
  grantFileProtocolExtraPrivileges: { value: false, why: 'nothing is loaded from file://; the app uses app://reader' },
}

/** The bytes @electron/fuses writes: '0' disabled, '1' enabled, 'r' removed. */
export const FUSE_STATE = { disabled: 48, enabled: 49, removed: 114 } as const

export interface FuseRow {
  readonly fuse: FuseKey
  readonly expected: boolean | undefined
  readonly actual: boolean | 'removed' | 'absent'
  readonly ok: boolean
}

/** Compares a fuse wire (index → state byte, as getCurrentFuseWire returns) with a configuration. */
export function compareFuses(config: Readonly<Record<string, boolean>>, wire: Readonly<Record<number, number>>): FuseRow[] {
  return FUSE_KEYS.map((fuse, i) => {
    const byte = wire[i]
    const actual = byte === FUSE_STATE.enabled ? true : byte === FUSE_STATE.disabled ? false : byte === FUSE_STATE.removed ? 'removed' : 'absent'
    const expected = config[fuse]
    return { fuse, expected, actual, ok: expected === undefined || actual === expected }
  })
}

/** A fixed-width table of the rows, for the package:check report. */
export function formatFuseTable(rows: readonly FuseRow[]): string {
  const show = (v: boolean | string | undefined): string => (v === true ? 'on' : v === false ? 'off' : v === undefined ? '(inherit)' : v)
  const width = Math.max(...rows.map((r) => r.fuse.length))
  return rows.map((r) => `  ${r.ok ? '✓' : '✗'} ${r.fuse.padEnd(width)}  expected ${show(r.expected).padEnd(9)}  binary ${show(r.actual)}`).join('\n')
}
