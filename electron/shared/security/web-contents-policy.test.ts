import { describe, expect, it } from 'vitest'
import { createWebContentsPolicy } from './web-contents-policy'

function harness(devUrl?: string) {
  const warnings: string[] = []
  const policy = createWebContentsPolicy({ devUrl, log: { warn: (m) => warnings.push(m) } })
  const navigate = (url: string): boolean => {
    let prevented = false
    policy.onNavigate({ preventDefault: () => void (prevented = true) }, url)
    return !prevented
  }
  return { policy, warnings, navigate }
}

describe('navigation (checklist 13)', () => {
  it.each(['app://reader/', 'app://reader/index.html#/doc/x', 'app://reader/#/about'])('lets %s through', (url) => {
    expect(harness().navigate(url)).toBe(true)
  })

  it.each([
    'https://example.org/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://reader.evil/',
    'app://reader@evil/',
    'app://evil/',
    'about:blank',
    'blob:app://reader/1234',
    'passerelles://open/doc',
    'not a url',
    '',
  ])('prevents %j and logs it', (url) => {
    const h = harness()
    expect(h.navigate(url)).toBe(false)
    expect(h.warnings).toHaveLength(1)
  })

  it('allows the dev server only when one is configured, and only that origin', () => {
    expect(harness('http://localhost:5173').navigate('http://localhost:5173/#/')).toBe(true)
    expect(harness('http://localhost:5173').navigate('http://localhost:5174/')).toBe(false)
    expect(harness().navigate('http://localhost:5173/')).toBe(false)
  })

  it('never logs more than a clipped URL', () => {
    const h = harness()
    h.navigate(`https://example.org/${'a'.repeat(100_000)}`)
    expect(h.warnings[0]!.length).toBeLessThan(300)
  })
})

describe('new windows and webviews (checklist 12, 14)', () => {
  it.each(['https://example.org/', 'app://reader/', 'about:blank', ''])('denies window.open(%j)', (url) => {
    expect(harness().policy.onWindowOpen({ url })).toEqual({ action: 'deny' })
  })

  it('prevents every <webview> attachment', () => {
    let prevented = 0
    harness().policy.onAttachWebview({ preventDefault: () => void prevented++ })
    expect(prevented).toBe(1)
  })
})

describe('permissions (checklist 5)', () => {
  // Electron's permission names (session.setPermissionRequestHandler documentation), plus junk.
  const PERMISSIONS = [
    'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection',
    'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal',
    'speaker-selection', 'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem',
    'hid', 'serial', 'usb', 'bluetooth', '', '__proto__',
  ]

  it.each(PERMISSIONS)('answers false to a request for %j', (permission) => {
    const answers: boolean[] = []
    harness().policy.onPermissionRequest({}, permission, (granted) => answers.push(granted))
    expect(answers).toEqual([false])
  })

  it.each(PERMISSIONS)('answers false to a check for %j', (permission) => {
    expect(harness().policy.onPermissionCheck({}, permission)).toBe(false)
  })
})
