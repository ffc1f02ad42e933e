/**
 * Page object for annotations in the reader (selection toolbar, editor, side panel) and the global
 * view. Methods say what they wait for. Stored state is read back through the real API.
 */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import type { AnnotationView } from '../../electron/shared/annotations/query'

export class AnnotationsPage {
  constructor(readonly page: Page) {}

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: /Annoter la sélection|Annotate the selection/ })
  }
  get editor(): Locator {
    return this.page.getByRole('dialog', { name: /Modifier l’annotation|Edit the annotation/ })
  }
  get panel(): Locator {
    return this.page.locator('#annotation-panel')
  }
  get status(): Locator {
    return this.page.getByTestId('annotation-status')
  }
  panelItems(): Locator {
    return this.panel.locator('.annotation-item')
  }

  /** Selects [start, end) of the body's text with a DOM Range (the keyboard path's selection). */
  async selectRange(start: number, end: number): Promise<void> {
    await this.page.evaluate(
      ({ start, end }) => {
        const root = document.querySelector('.doc-body')!
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        const range = document.createRange()
        let at = 0
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = (n as Text).data.length
          if (start >= at && start <= at + len && range.startContainer === document) range.setStart(n, start - at)
          if (end >= at && end <= at + len) {
            range.setEnd(n, end - at)
            break
          }
          at += len
        }
        const sel = window.getSelection()!
        sel.removeAllRanges()
        sel.addRange(range)
      },
      { start, end },
    )
  }

  /** The window rectangle of [start, end) of the body's text. */
  async rectOf(start: number, end: number): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.page.evaluate(
      ({ start, end }) => {
        const root = document.querySelector('.doc-body')!
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        const range = document.createRange()
        let at = 0
        let started = false
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = (n as Text).data.length
          if (!started && start < at + len) {
            range.setStart(n, start - at)
            started = true
          }
          if (end <= at + len) {
            range.setEnd(n, end - at)
            break
          }
          at += len
        }
        // Bring the passage into view (the reader may have restored a saved reading position).
        const rects = range.getClientRects()
        if (rects.length === 0 || rects[0]!.top < 60 || rects[0]!.bottom > window.innerHeight - 60) {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' })
        }
        const r = range.getClientRects()[0]!
        return { x: r.x, y: r.y, width: r.width, height: r.height }
      },
      { start, end },
    )
  }

  /** Drags the mouse across the first line of a passage; waits for the selection toolbar. */
  async selectWithMouse(start: number, end: number): Promise<void> {
    // Retried: a late scroll (reading position restored after a load) can move the passage mid-drag.
    await expect(async () => {
      const r = await this.rectOf(start, end)
      await this.page.mouse.move(r.x + 1, r.y + r.height / 2)
      await this.page.mouse.down()
      await this.page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 4 })
      await this.page.mouse.move(r.x + r.width - 1, r.y + r.height / 2, { steps: 4 })
      await this.page.mouse.up()
      await expect(this.toolbar).toBeVisible({ timeout: 2000 })
    }).toPass({ timeout: 15_000 })
  }

  /** Clicks in the middle of a passage (a highlight); waits for the editor. */
  async clickPassage(start: number, end: number): Promise<void> {
    // Retried like selectWithMouse: after a back navigation the reading position is restored by a
    // late scroll, which can move the passage between measuring it and clicking it.
    await expect(async () => {
      const r = await this.rectOf(start, end)
      await this.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2)
      await expect(this.editor).toBeVisible({ timeout: 2000 })
    }).toPass({ timeout: 15_000 })
  }

  async openPanel(): Promise<void> {
    await this.page.locator('button.annotation-panel-toggle').click()
    await expect(this.panel).toBeVisible()
  }

  /** The i-th paragraph of the body: its offset in the body's text and its text. */
  async paragraph(i: number): Promise<{ start: number; text: string }> {
    return this.page.evaluate((i) => {
      const root = document.querySelector('.doc-body')!
      const p = root.querySelectorAll('p')[i]!
      const r = document.createRange()
      r.setStart(root, 0)
      r.setEndBefore(p)
      return { start: r.toString().length, text: p.textContent ?? '' }
    }, i)
  }

  /**
   * Records, from now on (across hash navigations), the passage of every flash the reader paints:
   * a flash lasts 1.5 s, which a poll could miss on a loaded machine. Read them with `flashes()`.
   */
  async recordFlashes(): Promise<void> {
    await this.page.evaluate(() => {
      const registry = CSS.highlights
      const set = registry.set.bind(registry)
      const flashes: string[] = []
      ;(window as unknown as { flashes: string[] }).flashes = flashes
      registry.set = (name: string, h: Highlight) => {
        if (name === 'annotation-flash') flashes.push([...h].map((r) => r.toString()).join(''))
        return set(name, h)
      }
    })
  }

  async flashes(): Promise<string[]> {
    return this.page.evaluate(() => [...(window as unknown as { flashes: string[] }).flashes])
  }

  /** Whether the painted highlight of `color` covering exactly `quote` is inside the window. */
  async inView(color: string, quote: string): Promise<boolean> {
    return this.page.evaluate(
      ([color, quote]) => {
        const h = CSS.highlights.get(`annotation-${color}`)
        const r = h ? ([...h] as Range[]).find((x) => x.toString() === quote) : undefined
        const box = r?.getBoundingClientRect()
        return box ? box.top >= 0 && box.bottom <= window.innerHeight : false
      },
      [color, quote] as const,
    )
  }

  /** The document's annotations as the service lists them. */
  async list(docId?: string): Promise<AnnotationView[]> {
    return this.page.evaluate(async (docId) => {
      const r = await window.passerelles.annotations.list(docId ? { docId } : {})
      if (!r.ok) throw new Error(r.error.message)
      return [...r.value.items]
    }, docId)
  }

  /** Waits until the service lists `n` annotations (for the document, or all). */
  async expectCount(n: number, docId?: string): Promise<void> {
    await expect.poll(async () => (await this.list(docId)).length).toBe(n)
  }
}
