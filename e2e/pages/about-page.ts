/** Page object for « À propos » (#/about). Methods say what they wait for. */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export class AboutPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /À propos de Passerelles|About Passerelles/ })
  }

  get packages(): Locator {
    return this.page.locator('ul.notices > li')
  }

  section(name: RegExp): Locator {
    return this.page.getByRole('region', { name })
  }

  package(name: string): Locator {
    return this.page.locator(`ul.notices > li[data-package="${name}"]`)
  }

  /** Waits for the heading and the third-party list (notices.json loaded and valid). */
  async waitForLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible()
    await expect(this.packages.first()).toBeVisible()
  }

  /** Opens one package's details and returns its licence text block. */
  async expandPackage(name: string): Promise<Locator> {
    const item = this.package(name)
    await item.locator('summary').click()
    await expect(item.locator('details')).toHaveAttribute('open', '')
    return item.locator('.licence-text, .muted')
  }
}
