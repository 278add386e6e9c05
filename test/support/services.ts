import type { z } from 'zod'
import type { ShellSpec } from '../../shared/contract'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createServices, type ServiceOptions, type Services } from '../../electron/services/compose'

/** Real services over a throwaway user-data folder. */
export function testServices(overrides: Partial<ServiceOptions> = {}): Services & { userDataDir: string; cleanup(): Promise<void> } {
  const userDataDir = overrides.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lab-userdata-'))
  const services = createServices({ userDataDir, host: 'browser', version: '0.0.0-test', ...overrides })
  return Object.assign(services, {
    userDataDir,
    async cleanup() {
      services.dispose()
      // A practice lab or log may still be flushing as the services close (a debounced save can
      // land after dispose on a busy machine): keep trying for a while, and never fail the test
      // over a temp folder — a leftover is reported, not thrown.
      for (let attempt = 0; ; attempt++) {
        try {
          await fs.promises.rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
          return
        } catch (err) {
          if (attempt >= 40) {
            console.warn(`[test] could not remove ${userDataDir}: ${String(err)}`)
            return
          }
          await new Promise((resolve) => setTimeout(resolve, 250))
        }
      }
    },
  })
}

/** A shell with a predictable prompt and no user rc files, so output can be matched exactly. */
export const PLAIN_SHELL: z.input<typeof ShellSpec> = { kind: 'shell', shell: '/bin/bash', args: ['--norc', '--noprofile', '-i'] }
