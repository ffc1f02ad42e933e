/** Page objects for the presentation windows and the workshops screen. Methods say what they wait for. */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

/** What both presentation windows have: the slide index main pushed, black screen, overview. */
class PresentationWindowPage {
  constructor(readonly page: Page, private readonly role: 'presenter' | 'audience') {}

  get root(): Locator {
    return this.page.locator(`[data-presentation="${this.role}"]`)
  }

  /** Waits until this window shows slide `index` (0-based), rendered and fitted. */
  async waitForSlide(index: number): Promise<void> {
    await expect(this.root).toHaveAttribute('data-index', String(index))
    if (!(await this.isOverview())) await expect(this.currentFrame).toHaveAttribute('data-slide-index', String(index))
    if (!(await this.isOverview())) await expect(this.currentSlide).toHaveAttribute('data-fit', /.+/)
  }

  async index(): Promise<number> {
    return Number(await this.root.getAttribute('data-index'))
  }

  async isOverview(): Promise<boolean> {
    return (await this.root.getAttribute('data-overview')) === 'true'
  }

  async waitForBlack(on: boolean): Promise<void> {
    await expect(this.root).toHaveAttribute('data-black', String(on))
  }

  async waitForOverview(on: boolean): Promise<void> {
    await expect(this.root).toHaveAttribute('data-overview', String(on))
  }

  /** The main slide of the window (the audience's screen, the presenter's « current »). */
  get currentSlide(): Locator {
    return this.role === 'audience' ? this.page.locator('.audience-slide .slide') : this.page.locator('.presenter-current .slide')
  }

  get currentFrame(): Locator {
    return this.role === 'audience' ? this.page.locator('.audience-slide') : this.page.locator('.presenter-current .slide-frame')
  }

  get overviewItems(): Locator {
    return this.page.locator('.overview-item')
  }

  /** Presses keys on this window (the body has focus unless a control was clicked). */
  async press(...keys: string[]): Promise<void> {
    for (const k of keys) await this.page.keyboard.press(k)
  }
}

export class AudiencePage extends PresentationWindowPage {
  constructor(page: Page) {
    super(page, 'audience')
  }

  get blackScreen(): Locator {
    return this.page.locator('.black-screen')
  }
}

export class PresenterPage extends PresentationWindowPage {
  constructor(page: Page) {
    super(page, 'presenter')
  }

  get nextSlide(): Locator {
    return this.page.locator('.presenter-next .slide')
  }

  get notes(): Locator {
    return this.page.locator('.presenter-notes')
  }

  get elapsed(): Locator {
    return this.page.getByTestId('elapsed')
  }

  get position(): Locator {
    return this.page.getByTestId('position')
  }

  /** A console button (control bar or header) by its visible name. */
  control(name: string | RegExp): Locator {
    return this.page.locator('.control-bar, .window-controls').getByRole('button', { name })
  }

  /** The elapsed time shown, in seconds. */
  async elapsedSeconds(): Promise<number> {
    const text = (await this.elapsed.textContent()) ?? ''
    return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0)
  }
}

export class DecksPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /Ateliers|Workshops/ })
  }

  deck(name: string): Locator {
    return this.page.locator('article.deck-card').filter({ has: this.page.getByRole('heading', { level: 2, name, exact: true }) })
  }

  /** Creates a deck and waits for its card. */
  async create(name: string): Promise<Locator> {
    await this.page.getByLabel(/Nom du nouvel atelier|Name of the new workshop/).fill(name)
    await this.page.getByRole('button', { name: /Créer l’atelier|Create the workshop/ }).click()
    const card = this.deck(name)
    await expect(card).toBeVisible()
    return card
  }

  /** Adds a section (by title; null for the whole document) of a document (by title) to a deck. */
  async add(card: Locator, docTitle: string, sectionTitle: string | null): Promise<void> {
    const before = await card.locator('.deck-items > li').count()
    await card.getByLabel(/^Document$/).selectOption({ label: docTitle })
    const section = card.getByLabel(/^Section$/)
    if (sectionTitle === null) await section.selectOption({ index: 0 })
    else {
      await expect(section.locator('option', { hasText: sectionTitle }).first()).toBeAttached()
      const value = await section.locator('option').filter({ hasText: sectionTitle }).first().getAttribute('value')
      await section.selectOption(value!)
    }
    await card.getByRole('button', { name: /^Ajouter$|^Add$/ }).click()
    await expect(card.locator('.deck-items > li')).toHaveCount(before + 1)
  }

  async itemTitles(card: Locator): Promise<string[]> {
    return card.locator('.deck-items .deck-item-title strong').allTextContents()
  }
}
