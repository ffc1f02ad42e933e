import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { APP_USER_MODEL_ID, startupPlan } from './startup-plan'
import type { StartupFacts } from './startup-plan'

const USER_DATA = '/home/ana/.config/Passerelles'
const facts = (patch: Partial<StartupFacts> = {}): StartupFacts => ({ platform: 'linux', env: {}, isPackaged: true, argv: ['/opt/Passerelles/passerelles'], ...patch })

describe('startupPlan', () => {
  it('leaves an installed Linux app on X11 as Electron starts it', () => {
    expect(startupPlan(facts({ env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' } }), USER_DATA)).toEqual({
      switches: [], profileDir: null, registerSchemeHandler: false, appUserModelId: null, logToFile: true,
    })
  })

  it('asks for X11 under Wayland when XWayland is there, so the audience window can be placed', () => {
    expect(startupPlan(facts({ env: { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' } }), USER_DATA).switches).toEqual([['ozone-platform', 'x11']])
    expect(startupPlan(facts({ env: { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':1' } }), USER_DATA).switches).toEqual([['ozone-platform', 'x11']])
  })

  it('keeps native Wayland without XWayland, or when the user chose a platform', () => {
    expect(startupPlan(facts({ env: { XDG_SESSION_TYPE: 'wayland' } }), USER_DATA).switches).toEqual([])
    expect(startupPlan(facts({ env: { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0', ELECTRON_OZONE_PLATFORM_HINT: 'wayland' } }), USER_DATA).switches).toEqual([])
    expect(startupPlan(facts({ env: { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' }, argv: ['x', '--ozone-platform=wayland'] }), USER_DATA).switches).toEqual([])
    expect(startupPlan(facts({ platform: 'darwin', env: { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' } }), USER_DATA).switches).toEqual([])
  })

  it('gives npm start (unpackaged) its own profile, lock and notes', () => {
    const p = startupPlan(facts({ isPackaged: false }), USER_DATA)
    expect(p.profileDir).toBe(`${USER_DATA}-dev`)
    expect(p.logToFile).toBe(false)
  })

  it('puts the Chromium profile inside an explicit data dir (flag first, then environment)', () => {
    expect(startupPlan(facts({ env: { PASSERELLES_DATA_DIR: '/tmp/d' } }), USER_DATA).profileDir).toBe(join(resolve('/tmp/d'), 'chromium-profile'))
    expect(startupPlan(facts({ isPackaged: false, argv: ['x', '--data-dir=/srv/n'], env: { PASSERELLES_DATA_DIR: '/tmp/d' } }), USER_DATA).profileDir).toBe(join(resolve('/srv/n'), 'chromium-profile'))
  })

  it('can ask for no Chromium switch but ozone-platform=x11, whatever the launch (nothing that weakens security)', () => {
    const seen = new Set<string>()
    for (const platform of ['linux', 'win32', 'darwin'] as const)
      for (const isPackaged of [true, false])
        for (const env of [{}, { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' }, { WAYLAND_DISPLAY: 'w', DISPLAY: ':1', PASSERELLES_DATA_DIR: '/d' }])
          for (const argv of [['x'], ['x', '--no-sandbox'], ['x', '--disable-web-security']])
            for (const [name, value] of startupPlan({ platform, isPackaged, env, argv }, USER_DATA).switches) seen.add(`${name}=${value}`)
    expect([...seen]).toEqual(['ozone-platform=x11'])
  })

  it('registers the URL scheme and the AppUserModelID on Windows, packaged only', () => {
    const packaged = startupPlan(facts({ platform: 'win32' }), USER_DATA)
    expect([packaged.registerSchemeHandler, packaged.appUserModelId]).toEqual([true, APP_USER_MODEL_ID])
    const dev = startupPlan(facts({ platform: 'win32', isPackaged: false }), USER_DATA)
    expect([dev.registerSchemeHandler, dev.appUserModelId]).toEqual([false, APP_USER_MODEL_ID])
    expect(startupPlan(facts({ platform: 'darwin' }), USER_DATA).registerSchemeHandler).toBe(false)
  })
})
