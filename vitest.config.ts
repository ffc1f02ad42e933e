import { defineConfig } from 'vitest/config'

// Unit and integration tests live next to the code they test (`*.test.ts`). Playwright specs live
// in e2e/ (`*.spec.ts`) and are not collected here.
export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'build/scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
})
