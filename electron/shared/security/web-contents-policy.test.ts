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
    'hid', 'serial', 'usb', 'bluetooth', 'deprecated-sync-clipboard-read', '', '__proto__',
  ]
  const DENIED = PERMISSIONS.filter((p) => p !== 'clipboard-sanitized-write')
  const OURS = 'app://reader/index.html#/export'
  const page = (url: string) => ({ getURL: () => url })

  /** What the request handler answers (it must answer exactly once). */
  function request(h: ReturnType<typeof harness>, permission: string, webContents: { getURL(): string } | null, details?: { requestingUrl?: string; isMainFrame?: boolean }): boolean[] {
    const answers: boolean[] = []
    h.policy.onPermissionRequest(webContents, permission, (granted) => answers.push(granted), details)
    return answers
  }

  it.each(DENIED)('answers false to a request for %j, even from our own page, and logs it', (permission) => {
    const h = harness()
    expect(request(h, permission, page(OURS), { requestingUrl: OURS, isMainFrame: true })).toEqual([false])
    expect(h.warnings).toHaveLength(1)
  })

  it.each(DENIED)('answers false to a check for %j, even from our own page', (permission) => {
    expect(harness().policy.onPermissionCheck(page(OURS), permission, 'app://reader', { requestingUrl: OURS, isMainFrame: true })).toBe(false)
  })

  describe('clipboard-sanitized-write (navigator.clipboard.writeText: every « Copier »)', () => {
    const W = 'clipboard-sanitized-write'

    it('is granted to our own page: request by requestingUrl or, without one, by the webContents URL; check by requestingUrl or origin', () => {
      const h = harness()
      expect(request(h, W, page(OURS), { requestingUrl: 'app://reader/', isMainFrame: true })).toEqual([true])
      expect(request(h, W, page(OURS), undefined)).toEqual([true])
      expect(h.policy.onPermissionCheck(page(OURS), W, 'app://reader', { requestingUrl: 'app://reader/', isMainFrame: true })).toBe(true)
      expect(h.policy.onPermissionCheck(null, W, 'app://reader', { isMainFrame: true })).toBe(true)
      expect(h.warnings).toEqual([])
    })

    it('is granted to the dev server only when one is configured', () => {
      const dev = harness('http://localhost:5173')
      expect(request(dev, W, page('http://localhost:5173/#/'), { requestingUrl: 'http://localhost:5173/#/', isMainFrame: true })).toEqual([true])
      expect(dev.policy.onPermissionCheck(null, W, 'http://localhost:5173', { requestingUrl: 'http://localhost:5173/', isMainFrame: true })).toBe(true)
      expect(dev.policy.onPermissionCheck(null, W, 'http://localhost:5174', { requestingUrl: 'http://localhost:5174/', isMainFrame: true })).toBe(false)
      const prod = harness()
      expect(request(prod, W, page('http://localhost:5173/'), { requestingUrl: 'http://localhost:5173/', isMainFrame: true })).toEqual([false])
      expect(prod.policy.onPermissionCheck(null, W, 'http://localhost:5173', { requestingUrl: 'http://localhost:5173/', isMainFrame: true })).toBe(false)
    })

    it.each(['https://example.org/', 'app://reader.evil/', 'app://reader@evil/', 'app://evil/', 'file:///etc/passwd', 'about:blank', 'null', 'not a url'])(
      'is refused to another origin: %j',
      (url) => {
        const h = harness()
        expect(request(h, W, page(url), { requestingUrl: url, isMainFrame: true })).toEqual([false])
        expect(h.policy.onPermissionCheck(page(url), W, url, { requestingUrl: url, isMainFrame: true })).toBe(false)
      },
    )

    it('judges the requesting frame, not the window around it', () => {
      const h = harness()
      // An https: page in a window of ours (it could only be a frame, our CSP forbids them anyway).
      expect(request(h, W, page(OURS), { requestingUrl: 'https://example.org/', isMainFrame: true })).toEqual([false])
      expect(h.policy.onPermissionCheck(page(OURS), W, 'https://example.org', { isMainFrame: true })).toBe(false)
      // A sub frame, even of our origin, and a cross-origin sub frame (no requestingUrl, an embedding origin).
      expect(request(h, W, page(OURS), { requestingUrl: OURS, isMainFrame: false })).toEqual([false])
      expect(h.policy.onPermissionCheck(page(OURS), W, 'app://reader', { requestingUrl: OURS, isMainFrame: false })).toBe(false)
      expect(h.policy.onPermissionCheck(page(OURS), W, 'app://reader', { isMainFrame: false, embeddingOrigin: 'app://reader' })).toBe(false)
    })

    it('is refused when there is no URL to judge', () => {
      const h = harness()
      expect(request(h, W, null, undefined)).toEqual([false])
      expect(request(h, W, page(''), { requestingUrl: '', isMainFrame: true })).toEqual([false])
      const destroyed = { getURL: (): string => { throw new Error('Object has been destroyed') } }
      expect(request(h, W, destroyed, undefined)).toEqual([false])
      expect(h.policy.onPermissionCheck(null, W, '', { isMainFrame: true })).toBe(false)
      expect(h.policy.onPermissionCheck(null, W, undefined, undefined)).toBe(false)
    })
  })
})
