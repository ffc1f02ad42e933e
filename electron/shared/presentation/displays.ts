/**
 * Where the audience window goes. Pure, so it is tested with fake displays (CI has one screen or
 * none); electron/main/presentation-windows.ts feeds it Electron's `screen.getAllDisplays()`.
 */

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** The part of Electron's `Display` we use. */
export interface DisplayInfo {
  readonly id: number
  readonly bounds: Rect
  readonly workArea: Rect
  /** True for a laptop's built-in panel (Electron's `Display.internal`). */
  readonly internal?: boolean
}

/**
 * The display for the audience: the one the facilitator chose (when it is still connected and is
 * not the presenter's), else another display than the presenter's — an external one (projector)
 * first, then the largest. Null when there is only the presenter's display.
 */
export function pickAudienceDisplay(
  displays: readonly DisplayInfo[],
  presenterDisplayId: number,
  preferredId: number | null = null,
): DisplayInfo | null {
  const others = displays.filter((d) => d.id !== presenterDisplayId)
  if (others.length === 0) return null
  const preferred = others.find((d) => d.id === preferredId)
  if (preferred) return preferred
  const area = (d: DisplayInfo): number => d.bounds.width * d.bounds.height
  return [...others].sort((a, b) => Number(a.internal === true) - Number(b.internal === true) || area(b) - area(a))[0]!
}

export interface AudiencePlacement {
  readonly bounds: Rect
  /** Fullscreen only on a display of its own; on a single screen it stays a window the user can move. */
  readonly fullscreen: boolean
}

const WINDOW = { width: 1280, height: 720 }

/** A 16:9 window inside `area`, at most 1280×720, centred. */
function fitted(area: Rect): Rect {
  const width = Math.min(WINDOW.width, Math.floor(area.width * 0.9))
  const height = Math.min(WINDOW.height, Math.floor(area.height * 0.9), Math.round((width * 9) / 16))
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  }
}

/**
 * Where to create the audience window. On another display: inside it (then made fullscreen there —
 * Electron fullscreens a window on the display it is on). Alone: a window over the presenter's
 * display, offset so both can be seen.
 */
export function audiencePlacement(target: DisplayInfo | null, presenter: DisplayInfo): AudiencePlacement {
  if (target) return { bounds: fitted(target.workArea), fullscreen: true }
  const b = fitted(presenter.workArea)
  return { bounds: { ...b, x: presenter.workArea.x + presenter.workArea.width - b.width, y: presenter.workArea.y }, fullscreen: false }
}
