/** Page objects for search: the palette (Ctrl+K), the results page, and the reader's match bar. */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { realpathSync } from 'node:fs'
import { SHIPPED_CONTENT } from '../harness/fixtures'
import type { AppHarness } from '../harness/fixtures'
import { fingerprintOf, prebuiltIndexPath, readIndexFile } from '../../electron/services/search/index-store'
import type { SearchResponse } from '../../electron/shared/search/types'

/**
 * Waits until the search index is open, as the app has it soon after start (main calls
 * `search.ready()` at once). Call it before a screen's first search: the screen's own waits then
 * measure answering a query, not opening the index. The shipped pack must have a fresh prebuilt
 * index (`npm run build` writes it): without one, every test would rebuild it (seconds, many on a
 * busy machine) — that fails here, at once, with the reason, instead of as a timeout later.
 */
export async function indexReady(app: AppHarness): Promise<void> {
  const { contentDir } = app.services.library
  if (realpathSync(contentDir) === realpathSync(SHIPPED_CONTENT)) {
    const prebuilt = await readIndexFile(prebuiltIndexPath(contentDir), fingerprintOf(app.services.library.list()))
    const why = prebuilt.status === 'ok' ? '' : prebuilt.reason
    expect(prebuilt.status, `the prebuilt search index does not match the content (${why}): run \`npm run build\` first`).toBe('ok')
  }
  await app.services.search.ready()
  expect(app.services.search.status().state).toBe('ready')
}

/** The search service's own answer (through the handler table): what the screens must show. */
export async function ask(app: AppHarness, q: string, more: Record<string, unknown> = {}): Promise<SearchResponse> {
  const r = await app.api.search.query({ q, ...more })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

export class SearchPalette {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /Recherche dans le fonds|Search the collection/ })
  }

  get input(): Locator {
    return this.dialog.getByRole('combobox')
  }

  get options(): Locator {
    return this.dialog.getByRole('option')
  }

  get activeOption(): Locator {
    return this.dialog.locator('[role="option"][aria-selected="true"]')
  }

  get notice(): Locator {
    return this.dialog.locator('.search-notice')
  }

  /** Opens with the keyboard shortcut and waits for the focused input. */
  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k')
    await expect(this.input).toBeFocused()
  }

  /** Types like a person (key by key) and waits until the results answer the whole query. */
  async type(query: string): Promise<void> {
    await this.input.pressSequentially(query, { delay: 15 })
    await expect(this.input).toHaveValue(query)
    await expect(this.dialog.locator('[role="listbox"]')).toHaveAttribute('aria-busy', 'false')
  }

  /** The marked words of every visible snippet. */
  async markedWords(): Promise<string[]> {
    return this.dialog.locator('.snippet mark').allTextContents()
  }
}

export class SearchResultsPage {
  constructor(readonly page: Page) {}

  get input(): Locator {
    return this.page.getByRole('search').getByRole('searchbox')
  }

  get groups(): Locator {
    return this.page.locator('article.result-group')
  }

  get count(): Locator {
    return this.page.locator('.results .result-count')
  }

  facet(name: 'source' | 'type' | 'tag', label: string): Locator {
    return this.page.locator(`fieldset[data-facet="${name}"] label.facet-option`, { hasText: label })
  }

  /** Waits until the results answer the current query (count line shown, nothing pending). */
  async waitForResults(): Promise<void> {
    await expect(this.page.locator('.result-groups')).toHaveAttribute('aria-busy', 'false')
    await expect(this.count).toContainText(/section|résultat/)
  }

  async docIds(): Promise<string[]> {
    return this.groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-doc-id') ?? ''))
  }
}

export class MatchBar {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: /Occurrences de la recherche|Search matches/ })
  }

  get position(): Locator {
    return this.region.locator('.match-position')
  }

  /** Whether the current match is inside the window (it is scrolled into view). */
  async currentInView(): Promise<boolean> {
    return this.page.evaluate(() => {
      const range = [...(CSS.highlights.get('search-current') ?? [])][0] as Range | undefined
      if (!range) return false
      const box = range.getBoundingClientRect()
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight
    })
  }

  /** Texts of the ranges registered in the CSS highlight `name`, in document order. */
  async highlighted(name: 'search-match' | 'search-current'): Promise<string[]> {
    return this.page.evaluate((n) => {
      const h = CSS.highlights.get(n)
      return h ? [...h].map((r) => r.toString()) : []
    }, name)
  }
}
