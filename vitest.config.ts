import { defineConfig } from 'vitest/config'

/**
 * Three tiers, named for what they start (the Electron tier has its own config and runner):
 * - unit: pure logic, no server, daemon or browser; the openssl CLI is the only child process
 *   (the certificate tests compare with it) — `npm run test:unit`, under 30 s on an idle 2-core machine;
 * - service: services against real peers — sshd, socat ptys, telnetd, child processes, HTTP and
 *   WebSocket servers on 127.0.0.1 — plus the contract and fuzz tiers (`npm run test:service`);
 * - browser: the renderer in Debian's Chromium (`npm run test:browser`, after `npm run build`).
 * `vitest run` (and `npm test`) runs all three.
 */
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // Generous on purpose: the suite must pass on a 2-core machine busy with other work (CI runs
    // beside other jobs). Tests wait on events; these bounds only stop a real hang.
    testTimeout: 60_000,
    // expect.poll's own default (1 s) failed under load in the browser tier.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    hookTimeout: 60_000,
    // The local shell the tests open is the user's $SHELL: a plain POSIX sh, so that the rc files
    // of whoever runs the suite cannot decide the outcome (root's .bashrc here runs pyenv, whose
    // rehash lock, left by a shell killed mid-start, made every later bash wait 60 s).
    env: { SHELL: '/bin/sh' },
    // Two cores: the browser and server tiers are heavy, so run files two at a time at most.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Pure tests share one module graph per worker (no per-file re-import): most of this
        // tier's time was importing the same modules again for every file.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: { name: 'service', include: ['test/service/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/fuzz/**/*.test.ts'] },
      },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'] } },
    ],
  },
})
