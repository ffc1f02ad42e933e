/** Page object for the settings screen. */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export class SettingsPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /Réglages|Settings/ })
  }

  async waitForLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible()
  }

  /** Picks a theme by its label and waits for <html data-theme>. */
  async chooseTheme(label: RegExp, value: string): Promise<void> {
    await this.page.getByRole('group', { name: /Thème|Theme/ }).getByRole('radio', { name: label }).check()
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', value)
  }
}
