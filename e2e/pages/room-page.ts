/** Page objects for « Recueillir les avis »: the presenter's room panel and a participant's phone page. */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export class RoomPanelPage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.locator('.room-panel')
  }

  async open(place: string): Promise<{ url: string; code: string }> {
    await this.page.getByRole('button', { name: 'Recueillir les avis' }).click()
    await this.panel.getByLabel('Lieu (pour le cahier, facultatif)').fill(place)
    await this.panel.getByRole('button', { name: 'Ouvrir la session' }).click()
    await expect(this.panel).toHaveAttribute('data-room', 'running')
    return { url: (await this.panel.locator('.room-url').textContent())!, code: (await this.panel.locator('.room-code').textContent())! }
  }

  answer(text: string): Locator {
    return this.panel.locator('.room-answer').filter({ has: this.page.locator('.room-answer-text', { hasText: text }) })
  }

  /** Ticks the answers' checkboxes (the selection the next action applies to). */
  async choose(...texts: string[]): Promise<void> {
    for (const t of texts) await this.answer(t).getByRole('checkbox').check()
  }

  button(name: string | RegExp): Locator {
    return this.panel.getByRole('button', { name })
  }
}

export class ParticipantPage {
  constructor(readonly page: Page) {}

  async join(url: string, code: string): Promise<void> {
    await this.page.goto(url)
    await this.page.getByLabel('Code à 6 chiffres affiché à l’écran').fill(code)
    await this.page.getByRole('button', { name: 'Rejoindre' }).click()
    await expect(this.page.locator('#room')).toBeVisible()
  }

  get question(): Locator {
    return this.page.locator('#question')
  }

  async send(text: string, pseudonym = ''): Promise<void> {
    await this.page.getByLabel('Votre réponse').fill(text)
    await this.page.getByLabel('Prénom ou pseudonyme (facultatif)').fill(pseudonym)
    await this.page.getByRole('button', { name: 'Envoyer' }).click()
    await expect(this.page.getByRole('status')).toHaveText('Bien reçu, merci.')
  }

  /** The room's answers as this phone lists them (text only, its own pseudonym line included). */
  answers(): Locator {
    return this.page.locator('#answers li p')
  }

  async vote(text: string): Promise<void> {
    const item = this.page.locator('#answers li').filter({ hasText: text })
    await item.getByRole('button').click()
    await expect(item.getByRole('button')).toHaveAttribute('aria-pressed', 'true')
  }
}
