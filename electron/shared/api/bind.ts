/**
 * Turns an implementation of the contract into the validated handler table that Electron IPC, the
 * e2e binding and the CLI all call. Every handler: parses its payload with the contract's schema,
 * calls the implementation, and returns a Result. It never throws and never leaks a stack.
 */
import { contract } from './contract'
import { channelOf } from './channels'
import type { Channel, HandlerTable, Implementation } from './types'
import type { z } from 'zod'
import { AppFailure, err, ok } from '../result'
import type { Result } from '../result'

export interface HandlerLog {
  warn(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

/** A readable one-line summary of a schema failure ("id: must be kebab-case…; extra: unrecognized key"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`)
    .join('; ')
}

export function bindImplementation(impl: Implementation, log: HandlerLog): HandlerTable {
  const table: Record<string, (payload: unknown) => Promise<Result<unknown>>> = {}
  for (const [ns, methods] of Object.entries(contract)) {
    for (const [name, spec] of Object.entries(methods as Record<string, { input: z.ZodType }>)) {
      const channel = channelOf(ns, name)
      const fn = (impl as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[ns]![name]!
      table[channel] = async (payload: unknown): Promise<Result<unknown>> => {
        const parsed = spec.input.safeParse(payload)
        if (!parsed.success) {
          const message = `Invalid payload for ${channel}: ${describeIssues(parsed.error)}`
          log.warn(message)
          return err('invalid-payload', message)
        }
        try {
          return ok(await fn(parsed.data))
        } catch (e) {
          if (e instanceof AppFailure) {
            log.warn(`${channel}: ${e.code}: ${e.message}`)
            return err(e.code, e.message)
          }
          log.error(`${channel} failed`, e)
          return err('internal', `${channel} failed unexpectedly; the details are in the log.`)
        }
      }
    }
  }
  return Object.freeze(table) as HandlerTable
}

/** Calls a channel by name, refusing names outside the contract (for transports that carry strings). */
export async function dispatch(table: HandlerTable, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (typeof channel !== 'string' || !Object.hasOwn(table, channel)) {
    return err('unknown-channel', `Unknown channel: ${String(channel).slice(0, 80)}`)
  }
  return table[channel as Channel](payload)
}
