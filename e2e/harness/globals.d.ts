import type { PasserellesApi } from '../../electron/shared/api/types'

declare global {
  interface Window {
    /** Bound by the harness (bind-api.ts) in Chromium, by the preload in Electron. */
    readonly passerelles: PasserellesApi
  }
}
