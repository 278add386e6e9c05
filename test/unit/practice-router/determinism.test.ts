import { afterEach, describe, expect, it } from 'vitest'
import {
  PracticeRouter,
  RouterSnapshotSchema,
  practiceCucmCertificate,
  type RouterSnapshot,
} from '../../../electron/services/practice-router'
import { RouterDriver } from './driver'
import {
  CA_IP,
  configureBridge,
  configureBridgeTrustpoint,
  configureCa,
  exportableBridgeKey,
  exportedBlocks,
  importCucm,
} from './procedure'

const NOW = new Date('2026-02-22T00:08:38.000Z')
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The procedure with fixed waits instead of polling, so the typed input is the same on every run.
 * The router's delays are 0 ms: their timers always fire before a later, longer sleep ends.
 */
async function scriptedRun(d: RouterDriver): Promise<void> {
  await configureCa(d)
  await sleep(20)
  await d.lines('crypto pki server testCA', 'no shutdown', 'cisco123', 'cisco123')
  await configureBridgeTrustpoint(d)
  await exportableBridgeKey(d)
  await d.lines('crypto pki authenticate SecureCFB', 'yes', 'crypto pki enroll SecureCFB', 'pw', 'pw', 'yes')
  await sleep(20)
  await importCucm(d, practiceCucmCertificate('determinism').pem)
  await d.lines('crypto pki export SecureCFB pem terminal 3des Secr3tPass', 'end', 'show running-config')
}

describe('practice router determinism and snapshots', () => {
  const drivers: RouterDriver[] = []
  const make = (seed: string): RouterDriver => {
    const d = new RouterDriver({ seed, now: () => NOW, ntpSyncDelayMs: 0, enrollDelayMs: 0 })
    drivers.push(d)
    return d
  }
  afterEach(() => {
    for (const d of drivers.splice(0)) d.dispose()
  })

  it('prints byte-identical output, certificates included, for the same seed and input', async () => {
    const a = make('same-seed')
    const b = make('same-seed')
    await scriptedRun(a)
    await scriptedRun(b)
    expect(a.output).toContain('-----BEGIN RSA PRIVATE KEY-----')
    expect(a.output).toContain('%PKI-6-CERTRET')
    expect(b.output).toBe(a.output)
  })

  it('makes different keys for a different seed', async () => {
    const a = make('seed-one')
    const b = make('seed-two')
    await scriptedRun(a)
    await scriptedRun(b)
    const md5 = (out: string): string | undefined => /Fingerprint MD5: ([0-9A-F ]+)/.exec(out)?.[1]
    expect(md5(a.output)).toBeDefined()
    expect(md5(b.output)).not.toBe(md5(a.output))
  })

  it('restores a saved lab: same configuration, same certificates, and it registers again after a reload', async () => {
    const a = make('snapshot')
    let changes = 0
    a.router.onChange(() => changes++)
    await scriptedRun(a)
    expect(changes).toBeGreaterThan(5)
    const before = changes
    await a.lines('show clock', 'show crypto pki server')
    expect(changes).toBe(before)
    await a.lines('conf t')
    await configureBridge(a)
    await a.until('show dspfarm profile 666', (out) => out.includes('ACTIVE'))

    const saved: unknown = JSON.parse(JSON.stringify(a.router.snapshot()))
    const b = new RouterDriver({ state: RouterSnapshotSchema.parse(saved), now: () => NOW, ntpSyncDelayMs: 5, registrationDelayMs: 5 })
    drivers.push(b)
    expect(await b.line('enable')).toBe('enable\r\nVG-CME-1#')
    const runA = await a.line('show running-config')
    const runB = await b.line('show running-config')
    expect(runB.replace(/^show running-config/, '')).toBe(runA.replace(/^show running-config/, ''))
    expect(runB).toContain(`enrollment url http://${CA_IP}:80`)
    const exportA = await a.lines('conf t', 'crypto pki export SecureCFB pem terminal', 'end')
    const exportB = await b.lines('conf t', 'crypto pki export SecureCFB pem terminal', 'end')
    expect(exportedBlocks(exportB)).toEqual(exportedBlocks(exportA))
    expect(Object.keys(exportedBlocks(exportA))).toHaveLength(2)
    // A reload loses NTP sync and the registration; both come back on their own.
    const profile = await b.until('show dspfarm profile 666', (out) => out.includes('ACTIVE'))
    expect(profile).toContain('Status : ASSOCIATED')
  })

  it('rejects a snapshot that is not one', () => {
    const bogus: unknown = { format: 'other' }
    expect(() => new PracticeRouter({ state: bogus as RouterSnapshot })).toThrow()
  })
})
