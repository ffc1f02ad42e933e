import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './e2e/harness/chromium'

// End-to-end tests in Chromium against the built renderer (`npm run build` first; `npm run test:e2e`
// does it), with the page's API bound to the real services. The Electron smoke spec (e2e/electron)
// needs an Electron binary and reports itself skipped, with the reason, where there is none.
export default defineConfig({
  testDir: './e2e',
  testMatch: ['specs/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: './e2e/.artifacts/results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    colorScheme: 'light',
    trace: 'off',
  },
})
