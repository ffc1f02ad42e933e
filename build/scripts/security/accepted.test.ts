import { describe, expect, it } from 'vitest'
import { ACCEPTED, unexplained } from './accepted'
import type { Issue } from './accepted'

const issue = (id: string, sample: string): Issue => ({
  id,
  file: 'out/renderer/assets/index.js',
  sample,
  location: { line: 1, column: 0 },
  severity: { name: 'MEDIUM' },
  confidence: { name: 'TENTATIVE' },
  manualReview: true,
  description: '',
})

describe('accepted Electronegativity findings', () => {
  it('every accepted finding carries a reason', () => {
    for (const a of ACCEPTED) expect(a.reason.length, a.id).toBeGreaterThan(40)
  })

  it('accepts our own API call, not a raw shell.openExternal', () => {
    expect(unexplained('out', [issue('OPEN_EXTERNAL_JS_CHECK', 'void api.app.openExternal({ url: href });')])).toEqual([])
    const raw = issue('OPEN_EXTERNAL_JS_CHECK', 'electron.shell.openExternal(details.url)')
    expect(unexplained('out', [raw])).toEqual([raw])
  })

  it('accepts the CSP caution only for our exact policy, and no missing CSP in the build', () => {
    expect(unexplained('out', [issue('CSP_GLOBAL_CHECK', "default-src 'none'; script-src 'self'; style-src 'self'")])).toEqual([])
    const weak = issue('CSP_GLOBAL_CHECK', "default-src *; script-src 'self' 'unsafe-inline'")
    expect(unexplained('out', [weak])).toEqual([weak])
    const none = issue('CSP_GLOBAL_CHECK', '')
    expect(unexplained('out', [none])).toEqual([none])
  })

  it('keeps scopes apart and never accepts unknown checks', () => {
    const nav = issue('LIMIT_NAVIGATION_GLOBAL_CHECK', '')
    expect(unexplained('source', [nav])).toEqual([nav])
    expect(unexplained('out', [nav])).toEqual([nav])
  })
})
