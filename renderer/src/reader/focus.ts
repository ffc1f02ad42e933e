/** Moves focus to a heading (or any landmark element) without scrolling, making it focusable. */
export function focusHeading(el: HTMLElement | null): void {
  if (!el) return
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1')
  el.focus({ preventScroll: true })
}
