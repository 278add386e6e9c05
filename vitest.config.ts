import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Electron tier needs the binary; scripts/e2e-electron.mjs runs it (or says it skipped).
    exclude: ['test/e2e-electron/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    // Generous on purpose: the suite must pass on a 2-core machine busy with other work (CI runs
    // beside other jobs). Tests wait on events; these bounds only stop a real hang.
    testTimeout: 60_000,
    // expect.poll's own default (1 s) failed under load in the browser tier.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    hookTimeout: 60_000,
    // Two cores: the browser and server tiers are heavy, so run files two at a time at most.
    maxWorkers: 2,
  },
})
