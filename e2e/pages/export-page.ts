/** The notes export view (`#/export`). */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export class ExportPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  get preview(): Locator {
    return this.page.getByTestId('export-preview')
  }

  get count(): Locator {
    return this.page.locator('.export-count')
  }

  get status(): Locator {
    return this.page.locator('.export-status')
  }

  /** Waits for the view and a preview announcing `n` annotations. */
  async waitForCount(n: number): Promise<void> {
    await expect(this.page.locator('.export-view')).toBeVisible()
    await expect(this.count).toHaveText(new RegExp(`^${n} annotations?$`))
  }

  async previewText(): Promise<string> {
    return this.preview.evaluate((el) => el.textContent ?? '')
  }

  async chooseScope(label: RegExp): Promise<void> {
    await this.page.getByRole('group', { name: /Portée|Scope/ }).getByRole('radio', { name: label }).check()
  }

  async chooseGrouping(label: RegExp): Promise<void> {
    await this.page.getByRole('group', { name: /Regrouper|Group/ }).getByRole('radio', { name: label }).check()
  }

  async chooseDocument(id: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /^Document/ }).selectOption(id)
  }

  async button(name: RegExp): Promise<void> {
    await this.page.getByRole('button', { name }).click()
  }
}
