/**
 * The check every UI journey step runs on the controls a person needs: the control is inside the
 * window (whole), and the point a mouse would click — its centre — hits the control itself, not
 * something drawn over it; and the page never scrolls sideways. A step that fails this is a step a
 * user cannot do with the mouse, whatever the DOM says (the editor's « Enregistrer » was at
 * y = 840 in an 800-px window, and every e2e passed).
 */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

/**
 * Scrolls the control into view first, as a person would with the wheel (the page, or the panel
 * that holds it): what no scrolling can bring inside the window — a fixed editor running off the
 * bottom — fails.
 */
export async function expectUsable(control: Locator, what = 'control'): Promise<void> {
  await expect(control, `${what} is visible`).toBeVisible()
  await control.scrollIntoViewIfNeeded()
  const verdict = await control.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const w = window.innerWidth
    const h = window.innerHeight
    if (r.width === 0 || r.height === 0) return 'has no size'
    if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5) {
      return `is outside the ${w}×${h} window (${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)})`
    }
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    if (!hit || !(hit === el || el.contains(hit) || hit.contains(el))) {
      const name = hit ? `${hit.tagName.toLowerCase()}${hit.id ? `#${hit.id}` : ''}${hit.className && typeof hit.className === 'string' ? `.${hit.className.split(' ').join('.')}` : ''}` : 'nothing'
      return `is covered by ${name}`
    }
    return null
  })
  expect(verdict, `${what} ${verdict ?? ''}`).toBeNull()
}

export async function expectNoSideScroll(page: Page, where = 'the page'): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
  expect(widths.scroll, `${where} scrolls sideways (${widths.scroll} px of content in ${widths.client} px)`).toBeLessThanOrEqual(widths.client)
}
