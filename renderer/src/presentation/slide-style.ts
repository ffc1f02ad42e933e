/**
 * Adopts the shared slide stylesheet (electron/shared/presentation/slide-style.ts), the one source
 * of slide styles for the app and the exported HTML deck.
 */
import { SLIDE_CSS } from '../../../electron/shared/presentation/slide-style'
import { adoptStyleSheet } from '../lib/adopted-styles'

export function adoptSlideStyles(): void {
  adoptStyleSheet(SLIDE_CSS)
}
