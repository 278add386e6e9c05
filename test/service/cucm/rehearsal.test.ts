import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CucmActionInput } from '../../../shared/contract/cucm'
import { RouterDriver } from '../../unit/practice-router/driver'
import { configureBridge, enrollBridge, importCucm } from '../../unit/practice-router/procedure'
import { cucmLab, type CucmLab } from './support'

/** The practice CUCM publisher's address on the lab network. */
const PUBLISHER_IP = '10.10.10.10'

/** Step 12 from the exec prompt, pointed at the practice CUCM's publisher. */
async function configureBridgeToPublisher(d: RouterDriver): Promise<void> {
  await d.line('configure terminal')
  await configureBridge(d, { ccmIp: PUBLISHER_IP })
}

/**
 * The troubleshooting section's mistakes, rehearsed: the practice router registers through the
 * practice CUCM, so a forgotten CUCM step leaves the bridge NOT ASSOCIATED, with the reason on the
 * router's console and in CUCM's RisPort70 answer. Waits are on the router's output (generous
 * timeouts: the machine is loaded; the retry interval is 50 ms).
 */
describe('rehearsal: the bridge registers only when CUCM is right', { timeout: 120_000 }, () => {
  let lab: CucmLab
  let router: RouterDriver

  beforeEach(async () => {
    lab = await cucmLab()
    await lab.connect()
    router = new RouterDriver({ seed: 'rehearsal', cucm: lab.services.practiceCucms.linkFor('default'), cucmRetryMs: 50 })
    const { pem } = await lab.client.invoke('practice.cucmCertificate', { lab: 'default' })
    await enrollBridge(router)
    await importCucm(router, pem)
    await router.line('end')
  })

  afterEach(async () => {
    router.dispose()
    await lab.cleanup()
  })

  const apply = async (action: CucmActionInput) => {
    const plan = await lab.client.invoke('cucm.plan', { site: 's1', action })
    return lab.client.invoke('cucm.apply', { site: 's1', action, planHash: plan.planHash })
  }
  const bridgeCerts = () => {
    const tp = router.router.snapshot().trustpoints.SecureCFB
    return [
      { name: 'testCA.pem', pem: tp?.caCertPem ?? '' },
      { name: 'SecureCFB.pem', pem: tp?.certPem ?? '' },
    ]
  }
  const upload = () => apply({ kind: 'uploadTrust', certificates: bridgeCerts(), nodes: ['CUCMPUB15'] })
  const restart = () => apply({ kind: 'restartCallManager', nodes: ['CUCMPUB15'] })
  const addBridge = (name = 'SecureCFB') => apply({ kind: 'addConferenceBridge', name, devicePoolName: 'DP_HQ', locationName: 'Hub_None' })
  const associated = () => router.until('show dspfarm profile 666', (out) => /Status : ASSOCIATED/.test(out), 30_000)
  const registration = () => lab.client.invoke('cucm.registration', { site: 's1', name: 'SecureCFB' })

  it('all CUCM steps done: ASSOCIATED on the router, Registered in RisPort70', async () => {
    await upload()
    await restart()
    await addBridge()
    await configureBridgeToPublisher(router)
    const show = await associated()
    expect(show).toContain('Profile Operation State : ACTIVE')
    expect(await router.line('show sccp')).toContain(`Active Call Manager: ${PUBLISHER_IP}, Port Number: 2443`)
    expect(await registration()).toMatchObject({
      registered: true,
      summary: 'SecureCFB is Registered with CUCMPUB15 from 10.10.10.1 (SCCP).',
    })
  })

  it('skipped upload: TLS handshake failure; registers once uploaded and restarted', async () => {
    await addBridge()
    await configureBridgeToPublisher(router)
    await router.waitFor('TLS handshake failure', 0, 30_000)
    expect(router.output).toContain(
      'CallManager-trust on CUCMPUB15 holds neither the CA (CN=testCA) nor the bridge certificate (CN=SecureCFB)',
    )
    expect(await router.line('show dspfarm profile 666')).toMatch(/Status : NOT ASSOCIATED/)
    expect(await registration()).toMatchObject({
      registered: false,
      summary: 'SecureCFB is UnRegistered on CUCMPUB15 (StatusReason 10 authenticationError).',
    })
    await upload()
    await restart()
    await associated()
    expect((await registration()).registered).toBe(true)
  })

  it('skipped restart: the store holds the CA but CallManager has not read it', async () => {
    await addBridge()
    await upload()
    await configureBridgeToPublisher(router)
    await router.waitFor('Cisco CallManager was not restarted after the upload', 0, 30_000)
    expect(await router.line('show dspfarm profile 666')).toMatch(/Status : NOT ASSOCIATED/)
    expect((await registration()).summary).toBe('SecureCFB is UnRegistered on CUCMPUB15 (StatusReason 10 authenticationError).')
    await restart()
    await associated()
  })

  it('mismatched name: CUCM rejects a bridge it has no entry for', async () => {
    await upload()
    await restart()
    await addBridge('SecureCFB-1')
    await configureBridgeToPublisher(router)
    await router.waitFor('registration rejected by CUCMPUB15: CUCM has no conference bridge named SecureCFB (noEntryInDatabase)', 0, 30_000)
    expect(await router.line('show dspfarm profile 666')).toMatch(/Status : NOT ASSOCIATED/)
    expect((await registration()).summary).toBe('SecureCFB is Rejected on CUCMPUB15 (StatusReason 2 noEntryInDatabase).')
  })

  it('a CallManager restart drops the registration and the bridge registers again', async () => {
    await upload()
    await restart()
    await addBridge()
    await configureBridgeToPublisher(router)
    await associated()
    lab.practice.restartCallManager('publisher')
    await router.until('show dspfarm profile 666', (out) => /NOT ASSOCIATED/.test(out), 30_000)
    await associated()
  })
})
