/** A small logger with an injectable sink, so tests can assert what was logged. */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { HandlerLog } from '../../shared/api/bind'

export interface Logger extends HandlerLog {
  info(message: string, detail?: unknown): void
}

export type LogLevel = 'info' | 'warn' | 'error'
export type LogSink = (level: LogLevel, message: string, detail?: unknown) => void

export function createLogger(sink: LogSink): Logger {
  return {
    info: (m, d) => sink('info', m, d),
    warn: (m, d) => sink('warn', m, d),
    error: (m, d) => sink('error', m, d),
  }
}

/**
 * Writes to stderr from `minLevel` up (default `warn`); PASSERELLES_LOG=info shows everything. A CLI
 * command that reports content problems itself (`check`) raises it to `error`.
 */
export function stderrLogger(minLevel: LogLevel = 'warn'): Logger {
  const threshold = process.env.PASSERELLES_LOG === 'info' ? 0 : RANK[minLevel]
  return createLogger((level, message, detail) => {
    if (RANK[level] < threshold) return
    process.stderr.write(`[passerelles] ${level}: ${message}${formatDetail(detail)}\n`)
  })
}

const RANK: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 }

function formatDetail(detail: unknown): string {
  if (detail instanceof Error) return `\n${detail.stack ?? detail.message}`
  if (detail === undefined) return ''
  try {
    return ` ${JSON.stringify(detail)}`
  } catch {
    return ` ${String(detail)}`
  }
}

/**
 * Appends to `path` (created with its folder), from `info` up, one timestamped line per entry. A
 * packaged app runs without a terminal on Windows and macOS: this file is where its errors go, and
 * the start-up error dialog names it. Synchronous on purpose: the last line before a crash must
 * reach the disk. At open, a file over `maxBytes` is moved to `<path>.1` (one generation kept).
 * A log that cannot be written never breaks the app: the entry is dropped.
 */
export function fileLogger(path: string, opts: { readonly maxBytes?: number; readonly now?: () => Date } = {}): Logger {
  const now = opts.now ?? (() => new Date())
  try {
    mkdirSync(dirname(path), { recursive: true })
    if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) > (opts.maxBytes ?? 1_000_000)) renameSync(path, `${path}.1`)
  } catch {
    // An unwritable folder: every append below fails the same way and is dropped.
  }
  return createLogger((level, message, detail) => {
    try {
      appendFileSync(path, `${now().toISOString()} ${level}: ${message}${formatDetail(detail)}\n`)
    } catch {
      // dropped (see above)
    }
  })
}

/** Sends every entry to each logger (stderr for a terminal, and the file). */
export function teeLogger(...loggers: readonly Logger[]): Logger {
  return createLogger((level, message, detail) => {
    for (const l of loggers) l[level](message, detail)
  })
}

/** Collects entries in memory (tests, and the e2e harness which asserts bad input is logged). */
export function memoryLogger(): Logger & { entries: { level: LogLevel; message: string }[] } {
  const entries: { level: LogLevel; message: string }[] = []
  return Object.assign(
    createLogger((level, message) => {
      entries.push({ level, message })
    }),
    { entries },
  )
}
