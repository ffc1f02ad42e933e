/** Page object for the document view. Methods say what they wait for. */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export class DocumentPage {
  constructor(readonly page: Page) {}

  get title(): Locator {
    return this.page.locator('#doc-title')
  }

  get body(): Locator {
    return this.page.locator('.doc-body')
  }

  get toc(): Locator {
    return this.page.getByRole('navigation', { name: /Sommaire|Contents/ })
  }

  get tocToggle(): Locator {
    return this.page.locator('button.toc-toggle')
  }

  get breadcrumbs(): Locator {
    return this.page.getByRole('navigation', { name: /Fil d’Ariane|Breadcrumbs/ })
  }

  get findBar(): Locator {
    return this.page.getByRole('search', { name: /Rechercher dans le document|Find in the document/ })
  }

  get findInput(): Locator {
    return this.findBar.getByRole('searchbox')
  }

  get findCount(): Locator {
    return this.findBar.locator('.find-count')
  }

  get footnotePopover(): Locator {
    return this.page.locator('.footnote-popover')
  }

  get glossaryTooltip(): Locator {
    return this.page.getByRole('tooltip')
  }

  /** Waits for the document with this id to be rendered (its body carries the id). */
  async waitFor(docId: string): Promise<void> {
    await expect(this.page.locator(`[data-doc-body="${docId}"]`)).toBeAttached()
    await expect(this.body.locator('p').first()).toBeVisible()
  }

  /** Waits until glossary terms have been marked in the body (or found absent). */
  async waitForDecorations(): Promise<void> {
    await expect(this.body).toHaveAttribute('data-glossary', 'done')
  }

  /** The rendered body's textContent, as the DOM computes it. */
  async text(): Promise<string> {
    return this.body.evaluate((el) => el.textContent ?? '')
  }

  /** The id of the TOC entry marked as the current section (scrollspy). */
  async currentSection(): Promise<string | null> {
    return this.toc.locator('a[aria-current="location"]').getAttribute('data-toc-id', { timeout: 2000 }).catch(() => null)
  }

  /** Scrolls the window so that the heading with this id is at the top, and waits for scrollspy. */
  async scrollToHeading(id: string): Promise<void> {
    await this.page.evaluate((hid) => document.getElementById(hid)!.scrollIntoView({ block: 'start' }), id)
    await expect(this.toc.locator(`a[data-toc-id="${id}"]`)).toHaveAttribute('aria-current', 'location')
  }

  /** The first 40 characters of text at the top of the reading area, read straight from the DOM. */
  async textAtTop(): Promise<string> {
    return this.page.evaluate(() => {
      const bar = document.querySelector('.topbar')!.getBoundingClientRect().bottom
      const body = document.querySelector('.doc-body')!
      const blocks = [...body.children]
      const block = blocks.find((b) => b.getBoundingClientRect().bottom > bar + 12)
      return (block?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)
    })
  }

  async openFind(): Promise<void> {
    await this.page.keyboard.press('Control+f')
    await expect(this.findInput).toBeFocused()
  }

  /** Clicks the n-th footnote call (1-based) and waits for its popover. */
  async openFootnote(n = 1): Promise<void> {
    await this.body.locator('a[data-footnote-ref]').nth(n - 1).click()
    await expect(this.footnotePopover).toBeVisible()
  }
}
