import { defineConfig } from 'vitest/config'

/** Only run by scripts/e2e-electron.mjs, where an Electron binary exists. */
export default defineConfig({
  test: {
    include: ['test/e2e-electron/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 1,
  },
})
