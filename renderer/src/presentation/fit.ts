/**
 * Keeps a slide free of overflow: when its content box would scroll, the type is scaled down in
 * small steps (`--fit`, never below MIN_FIT). The splitter's density limits make this rare; it is
 * the safety net for small windows and for a table or a long list item. The scale used is left in
 * `data-fit` (the layout test reads it).
 */
export const MIN_FIT = 0.6
const STEP = 0.05

function overflows(el: HTMLElement): boolean {
  return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1
}

export function fitSlide(section: HTMLElement): number {
  const inner = section.querySelector<HTMLElement>('.slide-inner')
  let fit = 1
  section.style.setProperty('--fit', '1')
  while (inner && fit > MIN_FIT + 1e-9 && overflows(inner)) {
    fit = Math.round((fit - STEP) * 100) / 100
    section.style.setProperty('--fit', String(fit))
  }
  section.dataset.fit = String(fit)
  return fit
}
