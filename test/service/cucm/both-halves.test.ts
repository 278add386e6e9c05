import { X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload, SiteRecord } from '../../../shared/contract'
import type { CucmActionInput } from '../../../shared/contract/cucm'
import { defaultSite, getStep, type ProcedureStep } from '../../../shared/procedure'
import { transportPort, type ConsolePort } from '../../../renderer/panes/checklist/console-port'
import { buildRunContext } from '../../../renderer/panes/checklist/run-context'
import { sendStep, verifyStep, type RunnerHooks } from '../../../renderer/panes/checklist/runner'
import { collectOutput, waitForState } from '../../support/clients'
import { kept, workbenchOf } from '../../unit/checklist/helpers'
import { cucmLab, type CucmLab } from './support'

/**
 * Both halves of Task 1 through the services, no file copied by hand: the checklist runner drives
 * the practice router in a practice session, the CUCM half goes through the cucm.* contract to
 * the lab's practice CUCM (CallManager.pem from CUCM into step 9, the router's export into
 * CallManager-trust). The bridge registers only once the CUCM half is done, and step 13 holds on
 * both sides: the router's show sccp and CUCM's RisPort70.
 */
// Real key generation, NTP (5 s) and the router's 10 s CCM connect interval on a loaded machine: minutes, not seconds.
describe('both halves of Task 1 on the practice lab', { timeout: 300_000 }, () => {
  let lab: CucmLab
  let port: ConsolePort
  let output: ReturnType<typeof collectOutput>
  const exported: Array<Payload<'session.certificates'>> = []
  const site: SiteRecord = {
    id: 's1',
    name: 'Practice',
    vars: {
      ...defaultSite(),
      ntpServerIp: '10.10.10.5',
      caIp: '10.10.10.1',
      cucmNodes: [{ name: 'CUCMPUB15', ip: '10.10.10.10', priority: 1, publisher: true }],
    },
    progress: {},
  }
  const secrets: Record<string, string> = { 'CA passphrase': 'practice-pass-1', 'Challenge password': 'challenge-1' }
  const hooks: RunnerHooks = {
    progress: () => undefined,
    sent: () => undefined,
    askSecret: async (q) => secrets[q.label] ?? null,
    askFingerprint: async () => 'stop',
    askRouterQuestion: async () => 'stop',
    stopped: () => false,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 300))),
  }
  const step = (id: string): ProcedureStep => {
    const s = getStep(id)
    if (!s) throw new Error(id)
    return s
  }
  const apply = async (action: CucmActionInput) => {
    const plan = await lab.client.invoke('cucm.plan', { site: 's1', action })
    expect(plan.blockers).toEqual([])
    return lab.client.invoke('cucm.apply', { site: 's1', action, planHash: plan.planHash })
  }

  beforeAll(async () => {
    lab = await cucmLab()
    await lab.connect({ nodes: [lab.info.publisher] })
    lab.client.subscribe('session.certificates', (payload) => exported.push(payload))
    const { id } = await lab.client.invoke('session.open', {
      spec: { kind: 'practice', lab: 'default', seed: 'halves' },
      cols: 80,
      rows: 24,
    })
    await waitForState(lab.client, id, (s) => s.state === 'open')
    output = collectOutput(lab.client, id)
    port = transportPort(lab.client, id)
  })

  afterAll(async () => {
    output.stop()
    await lab.client.close()
    await lab.cleanup()
  })

  it('runs the procedure; the bridge registers only when CUCM is done, and both sides agree', async () => {
    const none = workbenchOf()
    for (const id of ['t1-01', 't1-02', 't1-03', 't1-04', 't1-05', 't1-06', 't1-07']) {
      expect(await sendStep(port, step(id), buildRunContext(site, none), hooks), id).toMatchObject({ result: 'verified' })
    }
    // Step 8 through the certificate API: CallManager.pem straight from CUCM into the workbench.
    const { certificates } = await lab.client.invoke('cucm.callManagerPem', { site: 's1' })
    const callManager = certificates[0]?.pem ?? ''
    const workbench = workbenchOf(kept(callManager, 'CallManager.pem', 'CallManager'))
    expect(await sendStep(port, step('t1-09'), buildRunContext(site, workbench), hooks)).toMatchObject({ result: 'verified' })
    expect(await sendStep(port, step('t1-10'), buildRunContext(site, workbench), hooks)).toMatchObject({ result: 'verified' })
    await expect.poll(() => exported.length).toBeGreaterThan(0)
    const blocks = exported.at(-1)?.blocks ?? []
    const ca = blocks.find((b) => b.label === 'CA certificate')?.pem ?? ''
    const bridge = blocks.find((b) => b.label === 'General Purpose Certificate')?.pem ?? ''
    const cn =
      new X509Certificate(bridge).subject
        .split('\n')
        .find((l) => l.startsWith('CN='))
        ?.slice(3) ?? ''
    expect(cn).toBe('SecureCFB')

    // Step 11: the router's export into CallManager-trust, then the restart.
    const upload = await apply({
      kind: 'uploadTrust',
      certificates: [
        { name: 'testCA.pem', pem: ca },
        { name: 'SecureCFB.pem', pem: bridge },
      ],
    })
    await apply({
      kind: 'restartCallManager',
      nodes: ['CUCMPUB15'],
      uploadedAt: new Date(Date.parse(upload.completedAt) - 1).toISOString(),
    })
    expect(await sendStep(port, step('t1-12'), buildRunContext(site, workbench), hooks)).toMatchObject({ result: 'verified' })
    // Without the bridge on CUCM, the router is refused and says so.
    await output.waitFor('CUCM has no conference bridge named SecureCFB (noEntryInDatabase)', 30_000)
    expect((await verifyStep(port, step('t1-13'), buildRunContext(site, workbench), hooks)).result).toBe('failed')

    // Step 13 and Task 3 on CUCM.
    await apply({ kind: 'addConferenceBridge', name: cn, devicePoolName: 'DP_HQ', locationName: 'Hub_None' })
    await apply({ kind: 'mediaResources', bridgeName: cn })
    await apply({ kind: 'assignMrgl', mrglName: `MRGL_${cn}`, phones: lab.practice.current.phones.map((p) => p.name) })

    // The router tries again within its CCM connect interval (10 s): wait for it on the router.
    await expect
      .poll(async () => (await verifyStep(port, step('t1-13'), buildRunContext(site, workbench), hooks)).result, {
        timeout: 60_000,
        interval: 1_000,
      })
      .toBe('verified')
    const router = await verifyStep(port, step('t1-13'), buildRunContext(site, workbench), hooks)
    const ris = await lab.client.invoke('cucm.registration', { site: 's1', name: cn })
    expect(ris).toMatchObject({ registered: true, summary: 'SecureCFB is Registered with CUCMPUB15 from 10.10.10.1 (SCCP).' })
    if (router.result === 'verified') expect(router.evidence).toContain('Active Call Manager: 10.10.10.10, Port Number: 2443')
  })
})
