/** Types derived from the contract: the API object's shape, channel names, handler tables. */
import type { z } from 'zod'
import type { Result } from '../result'
import type { Contract, Events } from './contract'
import type { EventSpec, MethodSpec } from './define'

type AnyMethod = MethodSpec<z.ZodType, unknown>

export type Namespace = keyof Contract
export type MethodName<N extends Namespace> = keyof Contract[N] & string
export type Channel = { [N in Namespace]: `${N}:${MethodName<N>}` }[Namespace]

type InputOf<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never
type ParsedInputOf<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never
type OutputOf<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never

/** The object the preload exposes as `window.passerelles`. */
export type PasserellesApi = {
  readonly [N in Namespace]: {
    readonly [M in MethodName<N>]: (input: InputOf<Contract[N][M]>) => Promise<Result<OutputOf<Contract[N][M]>>>
  }
} & {
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  readonly on: <E extends keyof Events>(name: E, listener: (payload: EventPayload<E>) => void) => () => void
}

export type EventPayload<E extends keyof Events> = Events[E] extends EventSpec<infer P> ? P : never

/** What a service-side implementation of one method receives and returns (payload already valid). */
export type Implementation = {
  readonly [N in Namespace]: {
    readonly [M in MethodName<N>]: (input: ParsedInputOf<Contract[N][M]>) => Promise<OutputOf<Contract[N][M]>>
  }
}

/** The validated handler table: channel → (raw payload) → result value. Never throws. */
export type HandlerTable = Readonly<Record<Channel, (payload: unknown) => Promise<Result<unknown>>>>

export type { AnyMethod }
