/// <reference types="vite/client" />
import type { PasserellesApi } from '../../electron/shared/api/types'

declare global {
  interface Window {
    /** Exposed by the preload (or bound by the e2e harness): the app's only way to the system. */
    readonly passerelles: PasserellesApi
  }
}
