/**
 * The presentation windows, created by main (never by window.open): the presenter console on the
 * facilitator's display, the audience screen fullscreen on another display when there is one
 * (`pickAudienceDisplay`, a pure tested function), else a window they can move. Both use the same
 * hardened preferences, preload and origin as the main window; neither drives the other — both
 * send actions to the presentation service, which pushes the state to every window.
 */
import { BrowserWindow, powerSaveBlocker, screen } from 'electron'
import type { Display } from 'electron'
import { APP_ORIGIN } from '../shared/security/urls'
import { audiencePlacement, pickAudienceDisplay } from '../shared/presentation/displays'
import type { DisplayInfo } from '../shared/presentation/displays'
import type { PresentationWindowRole, PresentationWindows } from '../services/presentation/windows'
import type { Logger } from '../services/platform/log'
import { secureWebPreferences, superviseWindow } from './window'

function info(d: Display): DisplayInfo {
  return { id: d.id, bounds: d.bounds, workArea: d.workArea, internal: d.internal }
}

export interface MainPresentationWindows extends PresentationWindows {
  /** True for the audience window's web contents (it is refused the speaker notes). */
  isAudience(webContentsId: number): boolean
}

export function createPresentationWindows(opts: {
  readonly devUrl: string | undefined
  /** The window the facilitator works in (its display is the presenter's). */
  readonly mainWindow: () => BrowserWindow | null
  /** The presenter window was closed by the user: the presentation ends. */
  readonly onPresenterClosed: () => void
  readonly log: Logger
}): MainPresentationWindows {
  const windows: Record<PresentationWindowRole, BrowserWindow | null> = { presenter: null, audience: null }
  let blocker: number | null = null
  let closing = false
  const url = (role: PresentationWindowRole): string => `${opts.devUrl ?? `${APP_ORIGIN}/`}#/present/${role}`
  const alive = (role: PresentationWindowRole): BrowserWindow | null => {
    const w = windows[role]
    return w && !w.isDestroyed() ? w : null
  }

  const openPresenter = (): BrowserWindow => {
    const near = opts.mainWindow()
    const display = near && !near.isDestroyed() ? screen.getDisplayMatching(near.getBounds()) : screen.getPrimaryDisplay()
    const area = display.workArea
    const w = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK — webPreferences come from secureWebPreferences() (window.ts): isolated, sandboxed, no Node; source-audit.test.ts reads that literal for every window; middle clicks can only ask for a window, which the policy denies
      x: area.x, y: area.y, width: Math.min(1440, area.width), height: Math.min(900, area.height),
      minWidth: 800, minHeight: 560, show: false, title: 'Passerelles — pupitre', backgroundColor: '#16181b',
      webPreferences: secureWebPreferences(),
    })
    superviseWindow(w, opts.log, () => {
      w.maximize()
      w.show()
    })
    w.on('closed', () => {
      windows.presenter = null
      if (!closing) opts.onPresenterClosed()
    })
    void w.loadURL(url('presenter'))
    return w
  }

  const openAudience = (presenter: BrowserWindow): BrowserWindow => {
    const here = screen.getDisplayMatching(presenter.getBounds())
    const target = pickAudienceDisplay(screen.getAllDisplays().map(info), here.id)
    const place = audiencePlacement(target, info(here))
    const w = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK — webPreferences come from secureWebPreferences() (window.ts): isolated, sandboxed, no Node; source-audit.test.ts reads that literal for every window; middle clicks can only ask for a window, which the policy denies
      ...place.bounds, show: false, title: 'Passerelles — écran public', backgroundColor: '#000000', autoHideMenuBar: true,
      webPreferences: secureWebPreferences(),
    })
    w.setMenuBarVisibility(false)
    // Positioned inside the target display first, then made fullscreen there (Electron issue #30249).
    superviseWindow(w, opts.log, () => {
      if (place.fullscreen) w.setFullScreen(true)
      w.show()
      presenter.focus()
    })
    w.on('closed', () => {
      windows.audience = null
    })
    void w.loadURL(url('audience'))
    opts.log.info(target ? `audience screen on display ${target.id}` : 'one display: the audience screen is a window')
    return w
  }

  // A projector unplugged mid-talk: the audience window comes back to a screen that exists.
  screen.on('display-removed', () => {
    const w = alive('audience')
    if (!w) return
    const bounds = w.getBounds()
    const onScreen = screen.getAllDisplays().some((d) => bounds.x >= d.bounds.x && bounds.x < d.bounds.x + d.bounds.width)
    if (onScreen) return
    w.setFullScreen(false)
    const area = screen.getPrimaryDisplay().workArea
    w.setBounds({ x: area.x + 40, y: area.y + 40, width: Math.min(1280, area.width - 80), height: Math.min(720, area.height - 80) })
  })

  return {
    async open() {
      closing = false
      const presenter = alive('presenter') ?? (windows.presenter = openPresenter())
      if (!alive('audience')) windows.audience = openAudience(presenter)
      alive('audience')?.showInactive()
      presenter.focus()
      if (blocker === null) blocker = powerSaveBlocker.start('prevent-display-sleep')
    },
    async close() {
      closing = true
      for (const role of ['audience', 'presenter'] as const) alive(role)?.close()
      if (blocker !== null) powerSaveBlocker.stop(blocker)
      blocker = null
    },
    async toggleFullscreen(role) {
      const w = alive(role)
      if (w) w.setFullScreen(!w.isFullScreen())
    },
    isAudience(id) {
      return alive('audience')?.webContents.id === id
    },
  }
}
