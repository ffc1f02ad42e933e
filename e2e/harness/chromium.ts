/**
 * Finds the Chromium the e2e suite drives: $PASSERELLES_CHROMIUM, then Debian's /usr/bin/chromium,
 * then a browser Playwright itself installed. With none, the suite fails with instructions (never a
 * silent skip: a suite that ran nothing must not look green).
 */
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export function findChromium(): string {
  const candidates = [process.env.PASSERELLES_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const c of candidates) if (c && existsSync(c)) return c
  try {
    const own = chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // Playwright has no browser of its own here.
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one:\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium   (then /usr/bin/chromium is used)\n' +
      '  elsewhere:     npx playwright install chromium, or set PASSERELLES_CHROMIUM=/path/to/chrome',
  )
}

/** Flags for a quiet, offline, headless Chromium (background networking would try to phone home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  '--font-render-hinting=none',
]
