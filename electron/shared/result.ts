/**
 * Errors cross every boundary (IPC, e2e binding, CLI) as values, never as exceptions: Electron keeps
 * only the `message` of an error thrown in `ipcMain.handle`, and a value forces the caller to look.
 */

/** Stable, machine-readable error kinds. The UI maps each to a sentence in its dictionary. */
export type ErrorCode =
  | 'invalid-payload' // the payload failed its schema
  | 'unknown-channel' // no such method in the contract
  | 'forbidden-sender' // IPC from a frame or origin we do not trust
  | 'not-found' // a document, annotation… that does not exist
  | 'corrupt' // a stored or imported file that cannot be read as what it claims to be
  | 'conflict' // a concurrent change won
  | 'io' // the file system refused
  | 'read-only' // stored data this version must not write (e.g. saved by a newer version)
  | 'internal' // a bug: logged with its stack, reported without it

export interface AppError {
  readonly code: ErrorCode
  /** A sentence for a person (English, for logs and CLI); the UI may translate by `code`. */
  readonly message: string
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}

/** An exception that carries an ErrorCode; handlers turn it into an error value. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppFailure'
  }
}
