import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl, isAppUrl, isTrustedFrame } from './urls'

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://framasoft.org/',
    'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296',
    'mailto:contact@april.org',
  ])('opens %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true))

  it.each([
    'http://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pw@example.org/',
    'https://localhost/',
    'https://exa mple.org/',
    'https://example.org/\u0000',
    'mailto://evil.example/',
    'app://reader/',
    '//example.org/',
    'vbscript:msgbox(1)',
    '',
  ])('refuses %j', (url) => expect(isAllowedExternalUrl(url)).toBe(false))
})

describe('isAppUrl and isTrustedFrame', () => {
  it.each([
    ['app://reader/', true],
    ['app://reader/index.html#/doc/x', true],
    ['app://reader.evil/', false],
    ['app://reader@evil/', false],
    ['app://evil/', false],
    ['https://reader/', false],
    ['file:///app/index.html', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isAppUrl(url)).toBe(expected))

  it('accepts the dev server origin only when one is given', () => {
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5173/')).toBe(false)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })

  it('trusts only the main frame of our origin', () => {
    expect(isTrustedFrame({ url: 'app://reader/', isMainFrame: true })).toBe(true)
    expect(isTrustedFrame({ url: 'app://reader/', isMainFrame: false })).toBe(false)
    expect(isTrustedFrame({ url: 'https://evil.example/', isMainFrame: true })).toBe(false)
    expect(isTrustedFrame(null)).toBe(false)
  })
})
