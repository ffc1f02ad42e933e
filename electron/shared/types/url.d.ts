/**
 * WHATWG URL exists in every environment we run in (Node, Chromium, Electron) but is not part of
 * the ES library, so environment-free code gets this minimal declaration. Only tsconfig.shared.json
 * includes it; the Node and DOM configs use their own full declarations.
 */
declare class URL {
  constructor(url: string, base?: string | URL)
  readonly href: string
  readonly origin: string
  readonly protocol: string
  readonly username: string
  readonly password: string
  readonly host: string
  readonly hostname: string
  readonly port: string
  readonly pathname: string
  readonly search: string
  readonly hash: string
}
