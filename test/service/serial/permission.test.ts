import { spawnSync } from 'node:child_process'
import { chmodSync, realpathSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SerialSpec } from '../../../shared/contract/sessions'
import { SerialTransport } from '../../../electron/services/sessions/serial/serial-transport'
import { startSocatPair, type SocatPair } from '../../support/socat'

const PROBE = fileURLToPath(new URL('./open-probe.ts', import.meta.url))
const REPO = fileURLToPath(new URL('../../..', import.meta.url))
const NOBODY = 65534

let pair: SocatPair
beforeAll(async () => {
  pair = await startSocatPair()
})
afterAll(async () => {
  await pair.dispose()
})

const expectedMessage = (path: string): string =>
  `Permission denied opening ${path}. On Linux, add yourself to the dialout group: ` +
  'sudo usermod -aG dialout $USER — then log out and in again.'

// Root ignores file modes, so "chmod 000" proves nothing there. As root the test opens the pty
// (root-owned, mode 0600) from a child process that loads as root and then becomes nobody, which
// the kernel really refuses. (Started as nobody, it could not even read a private checkout.)
// As an ordinary user, chmod 000 on a pty the user owns has the same effect in-process.
describe('permission denied', () => {
  it('explains the dialout group when the OS refuses the device', async () => {
    const device = realpathSync(pair.a)
    if (process.getuid?.() === 0) {
      expect(statSync(device).mode & 0o077).toBe(0)
      const child = spawnSync(process.execPath, ['--import', 'tsx', PROBE, device, String(NOBODY)], {
        cwd: REPO,
        env: { ...process.env, HOME: '/tmp' },
        encoding: 'utf8',
        timeout: 20_000,
      })
      const line = child.stdout.trim().split('\n').at(-1) ?? ''
      expect(line, child.stderr).not.toBe('')
      expect(JSON.parse(line)).toEqual({ opened: false, uid: NOBODY, kind: 'permission', message: expectedMessage(device) })
    } else {
      chmodSync(device, 0o000)
      try {
        const t = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: device }))
        await expect(t.open()).rejects.toThrow(expectedMessage(device))
      } finally {
        chmodSync(device, 0o600)
      }
    }
  })
})
