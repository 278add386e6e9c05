import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Electron tier needs the binary; scripts/e2e-electron.mjs runs it (or says it skipped).
    exclude: ['test/e2e-electron/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: the browser and server tiers are heavy, so run files two at a time at most.
    maxWorkers: 2,
  },
})
