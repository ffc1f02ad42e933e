/**
 * Adopts the shared slide stylesheet (electron/shared/presentation/slide-style.ts) once, as a
 * constructable stylesheet built by our own bundled script: the production CSP (`style-src 'self'`)
 * allows it, and it keeps one source of slide styles for the app and the exported HTML deck.
 */
import { SLIDE_CSS } from '../../../electron/shared/presentation/slide-style'

let adopted = false

export function adoptSlideStyles(): void {
  if (adopted) return
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(SLIDE_CSS)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  adopted = true
}
