import type { z } from 'zod'
import type { ShellSpec } from '../../shared/contract'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createServices, type ServiceOptions, type Services } from '../../electron/services/compose'

/** Real services over a throwaway user-data folder. */
export function testServices(overrides: Partial<ServiceOptions> = {}): Services & { userDataDir: string; cleanup(): void } {
  const userDataDir = overrides.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lab-userdata-'))
  const services = createServices({ userDataDir, host: 'browser', version: '0.0.0-test', ...overrides })
  return Object.assign(services, {
    userDataDir,
    cleanup() {
      services.dispose()
      // A practice lab or log may still be flushing as the services close: retry the removal
      // (Node retries ENOTEMPTY/EBUSY itself) instead of failing the test on a busy machine.
      fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })
    },
  })
}

/** A shell with a predictable prompt and no user rc files, so output can be matched exactly. */
export const PLAIN_SHELL: z.input<typeof ShellSpec> = { kind: 'shell', shell: '/bin/bash', args: ['--norc', '--noprofile', '-i'] }
