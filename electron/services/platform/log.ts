/** A small logger with an injectable sink, so tests can assert what was logged. */
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
  const rank: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 }
  const threshold = process.env.PASSERELLES_LOG === 'info' ? 0 : rank[minLevel]
  return createLogger((level, message, detail) => {
    if (rank[level] < threshold) return
    const extra = detail instanceof Error ? `\n${detail.stack ?? detail.message}` : detail === undefined ? '' : ` ${JSON.stringify(detail)}`
    process.stderr.write(`[passerelles] ${level}: ${message}${extra}\n`)
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
