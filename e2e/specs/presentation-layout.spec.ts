/**
 * Layout, measured in Chromium: every slide of every shipped section (as « Présenter » makes them:
 * a section with its sub-sections) fits the audience screen at 1280×720 (16:9) and 1024×768 (4:3)
 * with no overflow — the slide's content box does not scroll (scrollHeight ≤ clientHeight, same
 * for widths) and the page has no scrollbar.
 *
 * The fitting step may scale type down a little when a slide is dense (a table, a long list item);
 * the test also bounds how much: no slide below MIN_SCALE, and most slides at full size.
 */
import { test, expect } from '../harness/fixtures'
import { writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ARTIFACTS } from '../harness/fixtures'
import { presentableSections } from '../../electron/shared/presentation/spans'
import type { DeckItem } from '../../electron/shared/presentation/deck'

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const
/** The smallest type scale a slide may need (1 = the projection size). */
const MIN_SCALE = 0.75
/** At least this share of slides must need no scaling at all. */
const FULL_SIZE_SHARE = 0.95

interface Measure {
  i: number
  fit: number
  scrollH: number
  clientH: number
  scrollW: number
  clientW: number
  pageScrolls: boolean
}

for (const viewport of VIEWPORTS) {
  test(`every slide of every shipped section fits at ${viewport.width}×${viewport.height}`, async ({ app }) => {
    test.setTimeout(300_000)
    const items: DeckItem[] = app.services.library.list().flatMap((d) =>
      presentableSections(app.services.library.get(d.id).sections).map((s) => ({ docId: d.id, sectionId: s.id })),
    )
    expect(items.length).toBeGreaterThan(250)
    const deck = await app.services.decks.create('Toutes les sections', items)
    await app.open('#/')
    await app.services.presentation.start({ kind: 'deck', id: deck.id })
    const { presenter, audience } = await app.presentation.windows()
    await presenter.close() // only the audience screen is measured
    await audience.setViewportSize(viewport)
    const count = app.services.presentation.deck().slides.length
    await expect(audience.locator('.audience-slide .slide[data-fit]')).toBeAttached()
    await audience.evaluate(() => document.fonts.ready)

    const measures = await audience.evaluate(async (n): Promise<Measure[]> => {
      const out: Measure[] = []
      const rendered = (i: number): Promise<void> =>
        new Promise((resolve) => {
          const check = (): void => {
            const frame = document.querySelector<HTMLElement>('.audience-slide')
            if (frame?.dataset.slideIndex === String(i) && frame.querySelector<HTMLElement>('.slide')?.dataset.fit) resolve()
            else requestAnimationFrame(check)
          }
          check()
        })
      for (let i = 0; i < n; i++) {
        const r = await window.passerelles.presentation.dispatch({ action: { type: 'goto', index: i } })
        if (!r.ok) throw new Error(r.error.message)
        await rendered(i)
        const slide = document.querySelector<HTMLElement>('.audience-slide .slide')!
        const inner = slide.querySelector<HTMLElement>('.slide-inner')!
        const root = document.documentElement
        out.push({
          i,
          fit: Number(slide.dataset.fit),
          scrollH: inner.scrollHeight,
          clientH: inner.clientHeight,
          scrollW: inner.scrollWidth,
          clientW: inner.clientWidth,
          pageScrolls: root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth,
        })
      }
      return out
    }, count)

    expect(measures.length).toBe(count)
    const overflowing = measures.filter((m) => m.scrollH > m.clientH + 1 || m.scrollW > m.clientW + 1 || m.pageScrolls)
    const scaled = measures.filter((m) => m.fit < 1)
    const smallest = Math.min(...measures.map((m) => m.fit))
    const report = { viewport, slides: count, overflowing: overflowing.length, scaled: scaled.length, smallestScale: smallest, scaledSlides: scaled.map((m) => ({ i: m.i, fit: m.fit })) }
    await mkdir(join(ARTIFACTS, 'layout'), { recursive: true })
    await writeFile(join(ARTIFACTS, 'layout', `slides-${viewport.width}x${viewport.height}.json`), `${JSON.stringify(report, null, 2)}\n`)
    expect(overflowing, 'slides whose content overflows').toEqual([])
    expect(smallest).toBeGreaterThanOrEqual(MIN_SCALE)
    expect(scaled.length / count).toBeLessThanOrEqual(1 - FULL_SIZE_SHARE)
  })
}
