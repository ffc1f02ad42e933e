/** The renderer's handle on the system: `window.passerelles`, and a helper for its result values. */
import type { Result, AppError } from '../../../electron/shared/result'

export const api = window.passerelles

/** Thrown by `unwrap` so React error boundaries and effects can show the error's code and message. */
export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
  }
}

export async function unwrap<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new ApiError(r.error)
  return r.value
}
