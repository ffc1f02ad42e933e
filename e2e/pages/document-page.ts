/** Page object for the document view. */
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

  /** Waits for the document with this id to be rendered (its body carries the id). */
  async waitFor(docId: string): Promise<void> {
    await expect(this.page.locator(`[data-doc-body="${docId}"]`)).toBeAttached()
    await expect(this.body.locator('p').first()).toBeVisible()
  }

  /** The rendered body's textContent, as the DOM computes it. */
  async text(): Promise<string> {
    return this.body.evaluate((el) => el.textContent ?? '')
  }
}
