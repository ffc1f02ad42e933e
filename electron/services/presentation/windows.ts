/**
 * The port through which the presentation service asks for its two windows. Main implements it
 * with BrowserWindows (electron/main/presentation-windows.ts); the e2e harness with two Playwright
 * pages bound to the same services; the CLI has no windows at all.
 */
export type PresentationWindowRole = 'presenter' | 'audience'

export interface PresentationWindows {
  /** Opens the presenter and audience windows, or shows again the ones already open. */
  open(): Promise<void>
  /** Closes both windows (the presentation ended). */
  close(): Promise<void>
  /** Puts a window in or out of fullscreen. */
  toggleFullscreen(role: PresentationWindowRole): Promise<void>
}

/** For hosts without windows (the CLI): nothing to open, nothing to close. */
export const NO_WINDOWS: PresentationWindows = {
  open: async () => undefined,
  close: async () => undefined,
  toggleFullscreen: async () => undefined,
}
