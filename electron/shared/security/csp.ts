/**
 * The production Content-Security-Policy, sent as a response header by the app:// protocol handler
 * and by the e2e server (so what passes in Chromium holds in the app). A test pins this exact string:
 * loosening it must be a deliberate, reviewed change.
 *
 * - no inline or remote script; styles only from our bundle;
 * - images from the app itself (content images) and data: (tiny UI glyphs), never remote;
 * - no frames, objects, forms, <base>; nobody may frame us.
 */
export const PRODUCTION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Headers every app:// (and e2e) response carries besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
}
