import { describe, expect, it } from 'vitest'
import { PRODUCTION_CSP } from './csp'

describe('production CSP', () => {
  it('is pinned: loosening it must be a deliberate change to this test', () => {
    expect(PRODUCTION_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; " +
        "manifest-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
  })
  it('never allows inline or eval script, nor remote origins', () => {
    expect(PRODUCTION_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })
})
