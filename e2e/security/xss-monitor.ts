/**
 * Watches a page for every way an XSS payload could show it ran or leaked: canary calls
 * (`__xssHit(id)`, a Playwright binding reachable from any frame), dialogs, requests (classified
 * as same-origin, local data:/blob:, or leaving), navigations and popups, CSP violations (the CSP
 * stopping something the sanitiser let through), and — since the CSP would hide a sanitiser hole
 * at run time — the sanitised DOM itself: forbidden elements, event-handler attributes, script
 * URLs, remote resource URLs, foreign namespaces, clobbered globals.
 */
import type { Locator, Page } from '@playwright/test'
import { RequestLog } from './request-log'
import type { LoggedRequest } from './request-log'

export interface Observation {
  readonly hits: readonly string[]
  readonly dialogs: readonly string[]
  readonly requests: readonly LoggedRequest[]
  readonly navigations: readonly string[]
  readonly popups: readonly string[]
  readonly cspViolations: readonly string[]
  readonly residue: readonly string[]
}

export function problemsOf(o: Observation): string[] {
  return [
    ...o.hits.map((h) => `script ran: __xssHit(${h})`),
    ...o.dialogs.map((d) => `dialog: ${d}`),
    ...o.requests.filter((r) => r.kind === 'leaving').map((r) => `request left the app: ${r.url}`),
    ...o.navigations.map((n) => `navigated: ${n}`),
    ...o.popups.map((p) => `popup: ${p}`),
    ...o.cspViolations.map((v) => `CSP had to block: ${v}`),
    ...o.residue.map((r) => `sanitiser let through: ${r}`),
  ]
}

/** Runs in the page (serialised by Playwright, so self-contained): what could still execute, load or clobber. */
function inspectDom(roots: Element[]): string[] {
  const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'meta', 'link', 'style', 'form', 'input', 'button',
    'textarea', 'select', 'template', 'svg', 'math', 'noscript', 'xmp', 'listing', 'plaintext', 'video', 'audio', 'source', 'track', 'portal', 'dialog'])
  const URL_ATTRS = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'srcset', 'ping', 'cite', 'longdesc', 'lowsrc', 'dynsrc'])
  const out: string[] = []
  const all = roots.flatMap((root) => [root, ...root.querySelectorAll('*')])
  for (const el of all) {
    const tag = el.localName
    if (!roots.includes(el) && FORBIDDEN.has(tag)) out.push(`<${tag}>`)
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') out.push(`<${tag}> in ${el.namespaceURI}`)
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase()
      if (name.startsWith('on')) out.push(`<${tag} ${name}>`)
      if (name === 'style' || name === 'srcdoc' || name === 'target' || name === 'formaction' || name === 'http-equiv') out.push(`<${tag} ${name}="${a.value.slice(0, 60)}">`)
      if (URL_ATTRS.has(name)) {
        // Browsers ignore ASCII whitespace and control characters in schemes: so do we.
        const v = a.value.replace(/[\p{Cc}\s]/gu, '').toLowerCase()
        if (/^(javascript|vbscript|livescript|file|data:text|data:application)/.test(v)) out.push(`<${tag} ${name}="${a.value.slice(0, 60)}">`)
        if (name !== 'href' && /^(https?:)?\/\//.test(v)) out.push(`remote resource <${tag} ${name}="${a.value.slice(0, 60)}">`)
      }
    }
  }
  const w = window as unknown as { passerelles?: { library?: { get?: unknown } } }
  if (typeof document.getElementById !== 'function' || typeof document.querySelector !== 'function') out.push('document methods clobbered')
  if (typeof w.passerelles?.library?.get !== 'function') out.push('window.passerelles clobbered')
  if (!(document.body instanceof HTMLBodyElement)) out.push('document.body clobbered')
  return out
}

export class XssMonitor {
  private hits: string[] = []
  private dialogs: string[] = []
  private requests: LoggedRequest[] = []
  private navigations: string[] = []
  private popups: string[] = []
  private expectedUrl = ''
  /** Every request of the whole run, for the totals. */
  readonly log: RequestLog

  private constructor(readonly page: Page, readonly origin: string) {
    this.log = new RequestLog(page, origin)
    this.log.onRequest((r) => void this.requests.push(r))
  }

  /** Call before the first navigation: bindings and init scripts only reach documents loaded after. */
  static async attach(page: Page, origin: string): Promise<XssMonitor> {
    const m = new XssMonitor(page, origin)
    await page.exposeBinding('__xssHit', (_source, id: unknown) => void m.hits.push(String(id)))
    await page.addInitScript(() => {
      const list: string[] = []
      Object.defineProperty(window, '__cspViolations', { value: list })
      document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.effectiveDirective} ${e.blockedURI || '(inline)'}`))
    })
    page.on('dialog', (d) => {
      m.dialogs.push(`${d.type()}: ${d.message()}`)
      void d.dismiss().catch(() => undefined)
    })
    page.on('framenavigated', (f) => {
      if (f !== page.mainFrame() || f.url() !== m.expectedUrl) m.navigations.push(`${f === page.mainFrame() ? 'page' : 'frame'} → ${f.url()}`)
    })
    page.context().on('page', (p) => m.popups.push(p.url()))
    return m
  }

  /** Starts a new observation; the page is expected to stay at `url`. */
  async reset(expectedUrl: string): Promise<void> {
    this.expectedUrl = expectedUrl
    this.hits = []
    this.dialogs = []
    this.requests = []
    this.navigations = []
    this.popups = []
    await this.page.evaluate(() => void (window as unknown as { __cspViolations: string[] }).__cspViolations.splice(0))
  }

  /**
   * Does what a reader would: hovers, focuses and clicks every element of the rendered area, opens
   * every <details>. Then waits until every image there has loaded or failed (when onerror would
   * fire) and two frames have passed (toggle and animation events).
   */
  async interact(container: Locator): Promise<void> {
    await container.evaluateAll((roots) => {
      for (const root of roots) {
        for (const el of [root, ...root.querySelectorAll('*')]) {
          for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'focusin']) el.dispatchEvent(new Event(type, { bubbles: true }))
          if (el instanceof HTMLElement) el.focus({ preventScroll: true })
          if (el instanceof HTMLDetailsElement) el.open = true
          // In-app routes (#/…) are the app's own navigation, not the payload's: not clicked.
          const route = el instanceof HTMLAnchorElement && (el.getAttribute('href') ?? '').startsWith('#/')
          if ((el instanceof HTMLAnchorElement && !route) || (el instanceof HTMLElement && el.localName === 'summary')) el.click()
        }
      }
    })
    await container.evaluateAll(async (roots) => {
      const images = roots.flatMap((r) => [...r.querySelectorAll('img')])
      await Promise.all(images.map((img) => (img.complete ? null : new Promise((done) => { img.addEventListener('load', done, { once: true }); img.addEventListener('error', done, { once: true }) }))))
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    })
  }

  async collect(container: Locator): Promise<Observation> {
    const residue = await container.evaluateAll(inspectDom)
    const cspViolations = await this.page.evaluate(() => [...(window as unknown as { __cspViolations: string[] }).__cspViolations])
    if (this.page.url() !== this.expectedUrl) this.navigations.push(`page is at ${this.page.url()}`)
    return { hits: [...this.hits], dialogs: [...this.dialogs], requests: [...this.requests], navigations: [...this.navigations], popups: [...this.popups], cspViolations, residue: [...new Set(residue)] }
  }
}
