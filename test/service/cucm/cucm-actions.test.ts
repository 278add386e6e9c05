import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CucmError } from '../../../electron/services/cucm/errors'
import type { CucmAction, CucmActionInput } from '../../../shared/contract/cucm'
import { cucmLab, failure, type CucmLab } from './support'

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '../../fixtures/pki', name), 'utf8')
const testCA = fixture('testCA.pem')
const secureCfb = fixture('SecureCFB.pem')

describe('CUCM actions against the practice CUCM (plan, then apply only what was shown)', () => {
  let lab: CucmLab
  beforeAll(async () => {
    lab = await cucmLab()
    await lab.connect()
  })
  afterAll(async () => {
    await lab.cleanup()
  })

  const plan = (action: CucmActionInput) => lab.client.invoke('cucm.plan', { site: 's1', action })
  const apply = async (action: CucmActionInput) => {
    const shown = await plan(action)
    return { shown, done: await lab.client.invoke('cucm.apply', { site: 's1', action, planHash: shown.planHash }) }
  }

  it("fetches each node's CallManager.pem; the publisher's is the practice lab's", async () => {
    const { certificates } = await lab.client.invoke('cucm.callManagerPem', { site: 's1' })
    expect(certificates.map((c) => c.node)).toEqual(['CUCMPUB15', 'CUCMSUB15'])
    const lab15 = await lab.client.invoke('practice.cucmCertificate', { lab: 'default' })
    expect(certificates[0]?.pem.trim()).toBe(lab15.pem.trim())
    expect(certificates[1]?.pem).not.toBe(certificates[0]?.pem)
  })

  it('uploads testCA and SecureCFB to CallManager-trust once, showing which are new', async () => {
    const action: CucmActionInput = {
      kind: 'uploadTrust',
      certificates: [
        { name: 'testCA.pem', pem: testCA },
        { name: 'SecureCFB.pem', pem: secureCfb },
      ],
    }
    const { shown, done } = await apply(action)
    expect(shown.changes.map((c) => c.node)).toEqual(['CUCMPUB15', 'CUCMSUB15'])
    expect(shown.changes[0]?.description).toMatch(/new: testCA\.pem \(CN=testCA.*SHA-256 [0-9A-F:]{95}\); SecureCFB\.pem/)
    expect(shown.warnings.join(' ')).toMatch(/restart/i)
    expect(done.results).toHaveLength(2)
    expect(done.results[0]?.answer).toContain('uploaded successfully')
    const again = await plan(action)
    expect(again.changes).toEqual([])
    expect(again.unchanged).toHaveLength(4)
    expect(again.summary).toBe('CallManager-trust already holds every certificate.')
    expect(lab.practice.current.nodes.publisher.trust.callmanager).toHaveLength(2)
  })

  it('refuses an apply whose plan is no longer what CUCM would do', async () => {
    const action: CucmActionInput = { kind: 'addConferenceBridge', name: 'PlanBridge', devicePoolName: 'DP_HQ', locationName: 'Hub_None' }
    const shown = await plan(action)
    expect(shown.changes).toHaveLength(1)
    await lab.services.cucm.site('s1').axl().addConferenceBridge({
      name: 'PlanBridge',
      product: 'Cisco IOS Enhanced Conference Bridge',
      devicePoolName: 'DP_HQ',
      locationName: 'Hub_None',
      securityProfileName: 'Encrypted Conference Bridge',
    })
    const refused = await failure(lab.client.invoke('cucm.apply', { site: 's1', action, planHash: shown.planHash }))
    expect(refused.kind).toBe('plan-changed')
    expect(refused.message).toContain('nothing was changed')
    expect(lab.practice.current.conferenceBridges.filter((b) => b.name === 'PlanBridge')).toHaveLength(1)
  })

  it('restarts Cisco CallManager on the named nodes, waits for Started, and knows when a restart is not needed', async () => {
    const uploadedAt = lab.practice.current.nodes.publisher.trust.callmanager?.[0]?.uploadedAt
    const action: CucmActionInput = { kind: 'restartCallManager', nodes: ['CUCMPUB15', 'CUCMSUB15'], uploadedAt }
    const { shown, done } = await apply(action)
    expect(shown.changes.map((c) => c.operation)).toEqual(['soapDoControlServices Restart', 'soapDoControlServices Restart'])
    expect(shown.warnings[0]).toMatch(/drops the calls in progress on those nodes/)
    expect(shown.warnings[0]).toContain('CUCMPUB15, CUCMSUB15')
    expect(done.results[0]?.answer).toMatch(/Cisco CallManager Started at/)
    expect(lab.practice.current.nodes.subscriber.callmanager.loadedTrust).toHaveLength(2)
    const again = await plan(action)
    expect(again.changes).toEqual([])
    expect(again.unchanged[0]).toMatch(/after the upload: no restart needed/)
  })

  it('adds the conference bridge with pools and locations read from CUCM, once', async () => {
    const lists = await lab.client.invoke('cucm.lists', { site: 's1' })
    expect(lists).toEqual({ devicePools: ['Default', 'DP_HQ'], locations: ['Hub_None', 'LOC_HQ', 'Phantom', 'Shadow'] })
    const action: CucmActionInput = { kind: 'addConferenceBridge', name: 'SecureCFB', devicePoolName: 'DP_HQ', locationName: 'Hub_None' }
    const { shown, done } = await apply(action)
    expect(shown.changes[0]?.description).toBe(
      'Add conference bridge SecureCFB: product Cisco IOS Enhanced Conference Bridge, device pool DP_HQ, location Hub_None, device security mode Encrypted Conference Bridge.',
    )
    expect(done.results[0]?.answer).toMatch(/^addConferenceBridge returned \{[0-9A-F-]{36}\}$/)
    const again = await plan(action)
    expect(again.changes).toEqual([])
    const other = await plan({ ...action, devicePoolName: 'Default' })
    expect(other.blockers[0]).toMatch(/exists but devicePoolName is "DP_HQ", wanted "Default"/)
  })

  it('an unknown device pool blocks the plan and lists the valid pools', async () => {
    const shown = await plan({ kind: 'addConferenceBridge', name: 'OtherCFB', devicePoolName: 'DP_Nowhere', locationName: 'Atlantis' })
    expect(shown.blockers).toEqual([
      'Device pool "DP_Nowhere" does not exist. Valid device pools: Default, DP_HQ.',
      'Location "Atlantis" does not exist. Valid locations: Hub_None, LOC_HQ, Phantom, Shadow.',
    ])
    const refused = await failure(
      lab.client.invoke('cucm.apply', {
        site: 's1',
        action: { kind: 'addConferenceBridge', name: 'OtherCFB', devicePoolName: 'DP_Nowhere', locationName: 'Atlantis' },
        planHash: shown.planHash,
      }),
    )
    expect(refused.message).toContain('Valid device pools: Default, DP_HQ.')
  })

  it('AXL faults carry axlcode, axlmessage and the request (unknown device pool, duplicate name)', async () => {
    const axl = lab.services.cucm.site('s1').axl()
    const bridge = {
      name: 'FaultCFB',
      product: 'Cisco IOS Enhanced Conference Bridge',
      devicePoolName: 'DP_Nowhere',
      locationName: 'Hub_None',
      securityProfileName: 'Encrypted Conference Bridge',
    }
    const unknown = await axl.addConferenceBridge(bridge).then(
      () => undefined,
      (e: unknown) => e as CucmError,
    )
    expect(unknown?.details).toMatchObject({
      kind: 'axl-fault',
      axlcode: '5007',
      axlmessage: 'Item not valid: The specified Device Pool was not found',
      request: 'AXL addConferenceBridge (FaultCFB)',
    })
    expect(unknown?.message).toContain('CUCM answered: axlcode 5007: Item not valid: The specified Device Pool was not found')
    const duplicate = await axl.addConferenceBridge({ ...bridge, name: 'SecureCFB', devicePoolName: 'DP_HQ' }).then(
      () => undefined,
      (e: unknown) => e as CucmError,
    )
    expect(duplicate?.details).toMatchObject({
      axlcode: '-239',
      axlmessage: 'Could not insert new row - duplicate value in a UNIQUE INDEX column (Unique Index:).',
    })
  })

  it('creates MRG_ and MRGL_ for the bridge once', async () => {
    const early = await plan({ kind: 'mediaResources', bridgeName: 'NotYetCFB' })
    expect(early.blockers[0]).toBe('Conference bridge NotYetCFB does not exist yet: add it first.')
    const action: CucmActionInput = { kind: 'mediaResources', bridgeName: 'SecureCFB' }
    const { shown } = await apply(action)
    expect(shown.changes.map((c) => c.description)).toEqual([
      'Add media resource group MRG_SecureCFB with member SecureCFB (multicast off).',
      'Add media resource group list MRGL_SecureCFB holding MRG_SecureCFB.',
    ])
    const again = await plan(action)
    expect(again.changes).toEqual([])
    expect(again.unchanged).toEqual([
      'Media resource group MRG_SecureCFB already holds SecureCFB.',
      'Media resource group list MRGL_SecureCFB already holds MRG_SecureCFB.',
    ])
  })

  it('assigns the MRGL to chosen phones (searchable) and a device pool, once', async () => {
    const found = await lab.client.invoke('cucm.phones', { site: 's1', search: 'DN 100' })
    expect(found.phones.map((p) => p.name)).toEqual(['SEP00A3D15E7B01', 'SEP00A3D15E7B02', 'SEP00A3D15E7B03'])
    const action: CucmAction = {
      kind: 'assignMrgl',
      mrglName: 'MRGL_SecureCFB',
      phones: ['SEP00A3D15E7B01', 'SEP00A3D15E7B02'],
      devicePoolName: 'DP_HQ',
    }
    const { shown, done } = await apply(action)
    expect(shown.changes.map((c) => c.operation)).toEqual([
      'AXL updatePhone + applyPhone',
      'AXL updatePhone + applyPhone',
      'AXL updateDevicePool',
    ])
    expect(shown.changes[0]?.description).toContain('"None" → MRGL_SecureCFB')
    expect(shown.warnings[0]).toMatch(/applyPhone/)
    expect(done.results[0]?.answer).toMatch(/updatePhone returned .*; applyPhone returned/)
    expect(lab.practice.current.phones.map((p) => p.mediaResourceListName)).toEqual(['MRGL_SecureCFB', 'MRGL_SecureCFB', ''])
    expect((await plan(action)).changes).toEqual([])
  })

  it('reads registration through RisPort70', async () => {
    const registration = await lab.client.invoke('cucm.registration', { site: 's1', name: 'SecureCFB' })
    expect(registration).toMatchObject({
      registered: false,
      total: 0,
      summary: 'CUCM knows no registration of SecureCFB (RisPort70 found no MediaResources device by that name).',
    })
  })

  it('a read-only site plans but never changes anything', async () => {
    await lab.connect({ readOnly: true })
    const action: CucmActionInput = { kind: 'addConferenceBridge', name: 'ReadOnlyCFB', devicePoolName: 'DP_HQ', locationName: 'Hub_None' }
    const shown = await plan(action)
    expect(shown.readOnly).toBe(true)
    expect(shown.summary).toContain('read-only connection: nothing will be changed')
    const refused = await failure(lab.client.invoke('cucm.apply', { site: 's1', action, planHash: shown.planHash }))
    expect(refused.kind).toBe('read-only')
    expect(lab.practice.current.conferenceBridges.some((b) => b.name === 'ReadOnlyCFB')).toBe(false)
    await lab.connect()
  })

  it('says clearly that the certificate API needs CUCM 14', async () => {
    await lab.connect({ version: '12.5' })
    const refused = await failure(lab.client.invoke('cucm.callManagerPem', { site: 's1' }))
    expect(refused.kind).toBe('needs-version')
    expect(refused.message).toContain('exists from CUCM 14; this connection is set to CUCM 12.5')
    await lab.connect()
  })

  it('a CUCM with more device pools than the contract carries is cut to fit, not refused', async () => {
    const kept = lab.practice.current.devicePools
    lab.practice.current.devicePools = [
      ...kept,
      ...Array.from({ length: 5200 }, (_, i) => ({
        name: `DP_${String(i).padStart(4, '0')}_${'x'.repeat(150)}`,
        mediaResourceListName: '',
      })),
    ]
    try {
      const lists = await lab.client.invoke('cucm.lists', { site: 's1' })
      expect(lists.devicePools).toHaveLength(5000)
      expect(lists.devicePools.find((n) => n.startsWith('DP_0000'))).toMatch(/^DP_0000_x+…$/)
      expect(lists.devicePools.every((n) => n.length <= 128)).toBe(true)
    } finally {
      lab.practice.current.devicePools = kept
    }
  })

  it("practice.reset resets the practice CUCM with the router: a fresh cluster with the lab's new CallManager.pem", async () => {
    const before = (await lab.client.invoke('practice.cucmCertificate', { lab: 'default' })).pem
    await lab.client.invoke('practice.reset', { lab: 'default' })
    const after = (await lab.client.invoke('practice.cucmCertificate', { lab: 'default' })).pem
    expect(after).not.toBe(before)
    await lab.client.invoke('cucm.practiceStart', { lab: 'default' })
    const fresh = await lab.services.practiceCucms.get('default')
    expect(fresh.current.conferenceBridges).toEqual([])
    expect(fresh.current.nodes.publisher.callmanagerPem.trim()).toBe(after.trim())
  })
})
