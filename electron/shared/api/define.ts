/**
 * Building blocks of the API contract. A method is an input schema (validated in main, at the
 * boundary) plus a phantom output type (trusted: it comes from our own services).
 */
import type { z } from 'zod'

export interface MethodSpec<I extends z.ZodType, O> {
  readonly input: I
  /** Never read at runtime: carries the output type. */
  readonly output?: O
}

/** `method<Output>()(inputSchema)`: curried so the input type is inferred from the schema. */
export function method<O>(): <I extends z.ZodType>(input: I) => MethodSpec<I, O> {
  return (input) => ({ input })
}

/** An event main pushes to the renderer; the payload type is phantom. */
export interface EventSpec<P> {
  readonly payload?: P
}

export function event<P>(): EventSpec<P> {
  return {}
}
