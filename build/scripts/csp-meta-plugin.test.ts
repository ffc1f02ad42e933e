import { describe, expect, it } from 'vitest'
import { insertCspMeta, metaPolicy } from './csp-meta-plugin'
import { PRODUCTION_CSP } from '../../electron/shared/security/csp'

describe('CSP <meta> in the built index.html', () => {
  it('is the production policy without frame-ancestors (ignored in a meta)', () => {
    expect(metaPolicy()).toBe(PRODUCTION_CSP.replace("; frame-ancestors 'none'", ''))
    expect(metaPolicy()).not.toMatch(/frame-ancestors/)
  })

  it('goes right after <meta charset>, before any script', () => {
    const html = '<head>\n<meta charset="UTF-8" />\n<script type="module" src="./a.js"></script></head>'
    const out = insertCspMeta(html)
    expect(out.indexOf('Content-Security-Policy')).toBeGreaterThan(out.indexOf('charset'))
    expect(out.indexOf('Content-Security-Policy')).toBeLessThan(out.indexOf('<script'))
    expect(out).toContain("script-src &#39;self&#39;")
  })

  it('refuses a page without <meta charset> rather than misplacing the policy', () => {
    expect(() => insertCspMeta('<head><script src="a.js"></script></head>')).toThrow(/no <meta charset>/)
  })
})
