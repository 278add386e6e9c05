import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { PracticeLabs } from '../../../electron/services/practice-labs/practice-labs'
import { practiceCucmCertificate, practiceCucmCertificateAsync } from '../../../electron/services/practice-router'
import { testServices } from '../../support/services'
import type * as SshModule from '../../../electron/services/sessions/ssh'

// Counts how often app.info probes the runtime's DH groups (each probe computes DH parameters).
const probe = vi.hoisted(() => ({ calls: 0 }))
vi.mock('../../../electron/services/sessions/ssh', async (importOriginal) => {
  const original = await importOriginal<typeof SshModule>()
  return {
    ...original,
    supportsGroup1Sha1: () => {
      probe.calls++
      return original.supportsGroup1Sha1()
    },
  }
})

/**
 * The host's main thread serves every window: nothing on it may take long. These tests count
 * event-loop turns and calls rather than measuring time, so load on the machine cannot fail them.
 */
describe('nothing heavy on the main thread (issue 10 point 10)', () => {
  const dirs: string[] = []
  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-main-thread-'))
    dirs.push(dir)
    return dir
  }
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('without async key generation, the practice CUCM key would freeze the host while its primes are searched', async () => {
    let turns = 0
    let done = false
    const tick = (): void => {
      if (done) return
      turns++
      setImmediate(tick)
    }
    setImmediate(tick)
    const made = await practiceCucmCertificateAsync('main-thread-test')
    done = true
    // Each primality test hands the event loop back; a synchronous search never does (0 turns).
    // Hundreds of candidates are tested for a 2048-bit key, so 10 is far below what async gives.
    expect(turns).toBeGreaterThan(10)
    // Same seed, same certificate as the synchronous builder: labs and tests stay reproducible.
    expect(made.pem).toBe(practiceCucmCertificate('main-thread-test').pem)
  })

  it('without keeping it with the lab, every request (and every restart) would make a new 2048-bit key', async () => {
    const dir = tempDir()
    const made: string[] = []
    const make = async (seed: string): Promise<{ pem: string }> => (made.push(seed), { pem: `PEM for ${seed}` })
    const labs = new PracticeLabs(dir, { makeCucmCertificate: make })
    const first = await labs.cucmCertificate('kept')
    expect(await labs.cucmCertificate('kept')).toBe(first)
    // A restart: a new PracticeLabs over the same folder reads the lab's stored certificate.
    const again = new PracticeLabs(dir, { makeCucmCertificate: make })
    expect(await again.cucmCertificate('kept')).toBe(first)
    expect(made).toHaveLength(1)
    // Resetting the lab gives it a new seed, so a new certificate is made once more.
    await again.reset('kept')
    expect(await again.cucmCertificate('kept')).not.toBe(first)
    expect(made).toHaveLength(2)
  })

  it('without the app.info cache, every call would compute DH group parameters again', async () => {
    const services = testServices()
    try {
      const before = probe.calls
      for (let i = 0; i < 5; i++) {
        const info = await services.dispatch('app.info', null, { client: 'a' })
        expect(info).toMatchObject({ ok: true, output: { capabilities: { sshGroup1Sha1: expect.any(Boolean) } } })
      }
      expect(probe.calls - before).toBeLessThanOrEqual(1)
    } finally {
      services.cleanup()
    }
  })
})
