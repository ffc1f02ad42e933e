/** Page object for the library (home) screen. Methods say what they wait for. */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export class LibraryPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /Bibliothèque|Library/ })
  }

  /** The document cards shown (filters hide the others), in display order. */
  get cards(): Locator {
    return this.page.locator('section.shelf:not([hidden]) li:not([hidden]) > a.card')
  }

  get resume(): Locator {
    return this.page.getByRole('region', { name: /Reprendre la lecture|Continue reading/ })
  }

  get filterInput(): Locator {
    return this.page.getByRole('searchbox', { name: /Filtrer|Filter/ })
  }

  card(docId: string): Locator {
    return this.page.locator(`a.card[data-doc-id="${docId}"]`)
  }

  shelf(kind: string): Locator {
    return this.page.locator(`section.shelf-${kind}`)
  }

  /** Waits until the library heading and at least one card are shown. */
  async waitForLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible()
    await expect(this.cards.first()).toBeVisible()
  }

  /** Opens a document by its card and waits for its title heading. */
  async openDocument(docId: string): Promise<void> {
    await this.card(docId).click()
    await expect(this.page.locator(`[data-doc-body="${docId}"]`)).toBeAttached()
    await expect(this.page.locator('#doc-title')).toBeVisible()
  }

  async filterByKind(label: string | RegExp): Promise<void> {
    await this.page.getByRole('group', { name: /Type de document|Document type/ }).getByRole('button', { name: label }).click()
  }

  async filterByTag(tag: string): Promise<void> {
    await this.page.getByLabel(/Étiquette|Tag/).selectOption(tag)
  }

  async cardIds(): Promise<string[]> {
    return this.cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-doc-id') ?? ''))
  }

  /** The kinds of the shelves, in display order (from their `shelf-<kind>` class). */
  async shelfKinds(): Promise<string[]> {
    return this.page.locator('section.shelf').evaluateAll((els) => els.map((e) => /\bshelf-([a-z]+)\b/.exec(e.className)?.[1] ?? ''))
  }

  /** The ids of the cards on one shelf, in display order. */
  async shelfCardIds(kind: string): Promise<string[]> {
    return this.shelf(kind).locator('a.card').evaluateAll((els) => els.map((e) => e.getAttribute('data-doc-id') ?? ''))
  }
}
