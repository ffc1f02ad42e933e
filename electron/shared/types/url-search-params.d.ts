/**
 * WHATWG URLSearchParams, like URL (url.d.ts): present in Node, Chromium and Electron, not in the ES
 * library. The minimal declaration the app's hash routes (links/route.ts) need; only
 * tsconfig.shared.json includes it, the Node and DOM configs use their own full declarations.
 */
declare class URLSearchParams {
  constructor(init?: string | Readonly<Record<string, string>>)
  readonly size: number
  get(name: string): string | null
  getAll(name: string): string[]
  set(name: string, value: string): void
  append(name: string, value: string): void
  toString(): string
}
