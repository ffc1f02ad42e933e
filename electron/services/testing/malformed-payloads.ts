/**
 * Test helper: fast-check arbitraries of payloads a compromised renderer could send on an IPC
 * channel — anything structured clone can carry (primitives, arrays, objects, null prototypes,
 * Dates, Maps, Sets, typed arrays, BigInts, sparse arrays), the channel's own field names filled
 * with wrong values, unknown extra keys, prototype-pollution shapes, path-traversal and control
 * characters, and very large strings. Whether a value is really malformed is decided by the
 * channel's schema (callers discard the accidentally valid ones with fc.pre).
 */
import fc from 'fast-check'
import { z } from 'zod'

/** Strings that have hurt real apps: traversal, NUL and control characters, URL schemes, markup, huge. */
const NASTY_STRINGS = [
  '', ' ', '../../../../etc/passwd', '..\\..\\windows\\win.ini', '%2e%2e%2f', '\u0000', 'a\u0000b', '\u202e', '\ud800',
  'javascript:alert(1)', 'file:///etc/passwd', 'app://reader/../x', '<img src=x onerror=alert(1)>', '__proto__', 'constructor',
  'prototype', 'toString', 'NaN', '-1', '1e309', '{"$ne":null}', 'x'.repeat(70_000),
]

const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
})

const wrongValue = fc.oneof(
  { weight: 3, arbitrary: anything },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 1.5, -1, 1e308) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
)

/** `{"__proto__": …}` as JSON.parse makes it (an own key), plus constructor.prototype shapes. */
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown,
  JSON.parse('{"__proto__":{"toString":"x"},"id":"a"}') as unknown,
)

function keysOf(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as Record<string, unknown>) : []
}

export function malformedPayload(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = keysOf(schema)
  const ownFields = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, wrongValue])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] })
    : fc.constant({})
  const withExtra = fc
    .tuple(ownFields, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), anything, { minKeys: 1, maxKeys: 3 }))
    .map(([own, extra]) => ({ ...extra, ...own }))
  return fc.oneof(
    { weight: 3, arbitrary: anything },
    { weight: 3, arbitrary: ownFields },
    { weight: 2, arbitrary: withExtra },
    { weight: 1, arbitrary: wrongValue },
    { weight: 1, arbitrary: pollution },
  )
}
