/**
 * Records every request a page makes (Playwright's request events, which include those of frames,
 * images, fonts and fetches) and classifies it: the app's own origin, local data:/blob:/about:, or
 * leaving the machine. The privacy promise is that the last list stays empty.
 */
import type { Page } from '@playwright/test'

export type RequestKind = 'same-origin' | 'local' | 'leaving'

export interface LoggedRequest {
  readonly url: string
  readonly kind: RequestKind
}

export function classifyRequest(url: string, origin: string): RequestKind {
  if (url === origin || url.startsWith(`${origin}/`)) return 'same-origin'
  return /^(data|blob|about):/.test(url) ? 'local' : 'leaving'
}

export class RequestLog {
  readonly all: LoggedRequest[] = []
  private readonly listeners: ((r: LoggedRequest) => void)[] = []

  constructor(page: Page, origin: string) {
    page.on('request', (r) => {
      const entry = { url: r.url(), kind: classifyRequest(r.url(), origin) }
      this.all.push(entry)
      for (const l of this.listeners) l(entry)
    })
  }

  onRequest(listener: (r: LoggedRequest) => void): void {
    this.listeners.push(listener)
  }

  leaving(): string[] {
    return this.all.filter((r) => r.kind === 'leaving').map((r) => r.url)
  }

  count(kind: RequestKind): number {
    return this.all.filter((r) => r.kind === kind).length
  }
}
