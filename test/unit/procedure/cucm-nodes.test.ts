import { describe, expect, it } from 'vitest'
import { SiteRecord } from '../../../shared/contract/settings'
import { callManagerTrustpoints, groupNodes } from '../../../shared/procedure/cucm-nodes'
import { getStep } from '../../../shared/procedure/procedure'
import { renderCommands, renderText } from '../../../shared/procedure/render'
import { defaultSite, exampleSite, SiteVarsSchema, type SiteVars } from '../../../shared/procedure/site'
import { renderStep } from '../../../shared/procedure/step-view'
import type { ProcedureStep } from '../../../shared/procedure/types'
import { validateSite } from '../../../shared/procedure/validate-site'
import { evaluateVerification } from '../../../shared/procedure/verification'
import { fixture } from '../ios/fixture'

function step(id: string): ProcedureStep {
  const s = getStep(id)
  if (!s) throw new Error(`no step ${id}`)
  return s
}

/** A real cluster: CallManager runs on two subscribers; the publisher is one of the group too. */
const twoNodes: SiteVars = {
  ...exampleSite(),
  cucmNodes: [
    { name: 'CUCMSUB1', ip: '192.0.2.21', priority: 1, publisher: false },
    { name: 'CUCMPUB15', ip: '192.0.2.20', priority: 2, publisher: true },
  ],
}

describe('a site lists the nodes of the bridge CUCM group', () => {
  it('generates sccp ccm and associate ccm per node, in priority order, with its own identifier', () => {
    const t12 = renderCommands(step('t1-12'), twoNodes)
    expect(t12.filter((l) => /^sccp ccm \d/.test(l))).toEqual([
      'sccp ccm 192.0.2.21 identifier 666 version 7.0+',
      'sccp ccm 192.0.2.20 identifier 667 version 7.0+',
    ])
    expect(t12.filter((l) => l.includes('associate ccm'))).toEqual([' associate ccm 666 priority 1', ' associate ccm 667 priority 2'])
    // The group lines follow `sccp ccm group`, before the profile is associated.
    expect(t12.slice(t12.indexOf('sccp ccm group 666'), t12.indexOf(' associate profile 666 register SecureCFB'))).toEqual([
      'sccp ccm group 666',
      ' associate ccm 666 priority 1',
      ' associate ccm 667 priority 2',
    ])
  })

  it('priority, not list order, decides the order of the lines', () => {
    const swapped = { ...twoNodes, cucmNodes: twoNodes.cucmNodes.map((n) => ({ ...n, priority: n.priority === 1 ? 2 : 1 })) }
    expect(renderCommands(step('t1-12'), swapped).filter((l) => l.includes('associate ccm'))).toEqual([
      ' associate ccm 667 priority 1',
      ' associate ccm 666 priority 2',
    ])
  })

  it('creates one trustpoint per node for self-signed CallManager certificates', () => {
    expect(callManagerTrustpoints(twoNodes)).toEqual(['cucm-pub', 'cucm-pub-2'])
    expect(renderCommands(step('t1-09'), twoNodes)).toEqual([
      'crypto pki trustpoint cucm-pub',
      ' enrollment terminal',
      ' revocation-check none',
      ' exit',
      'crypto pki authenticate cucm-pub',
      'crypto pki trustpoint cucm-pub-2',
      ' enrollment terminal',
      ' revocation-check none',
      ' exit',
      'crypto pki authenticate cucm-pub-2',
    ])
  })

  it('offers a single CA-root trustpoint when the CallManager certificates are CA-signed', () => {
    const caSigned = { ...twoNodes, callManagerTrust: 'ca-root' as const }
    expect(callManagerTrustpoints(caSigned)).toEqual(['cucm-pub'])
    expect(renderCommands(step('t1-09'), caSigned).filter((l) => l.startsWith('crypto pki authenticate'))).toEqual([
      'crypto pki authenticate cucm-pub',
    ])
    expect(groupNodes(caSigned).map((n) => n.trustpoint)).toEqual(['cucm-pub', 'cucm-pub'])
  })

  it('the one-node site renders exactly the tech note lines', () => {
    const t12 = renderCommands(step('t1-12'), exampleSite())
    expect(t12).toContain('sccp ccm 192.0.2.20 identifier 666 version 7.0+')
    expect(t12).toContain(' associate ccm 666 priority 1')
    expect(renderCommands(step('t1-09'), exampleSite())[4]).toBe('crypto pki authenticate cucm-pub')
  })

  it('step 13 expects the node names, and the restart concerns the nodes of the group, in a maintenance window', () => {
    const thirteen = renderStep(step('t1-13'), twoNodes)
    expect(thirteen.instructions).toContain(
      'Expect "Registered with Cisco Unified Communications Manager CUCMSUB1 or CUCMPUB15" (the server name, not its IP).',
    )
    expect(thirteen.instructions.join(' ')).not.toMatch(/upper-case/)
    const eleven = renderStep(step('t1-11'), twoNodes)
    expect(eleven.instructions.join('\n')).toMatch(/Maintenance window/)
    expect(eleven.instructions.join('\n')).toContain(
      "restart Cisco CallManager on each node of the bridge's CUCM group: CUCMSUB1, CUCMPUB15.",
    )
  })

  it('registration to any node of the group passes; another address fails', () => {
    const outputs = {
      'show dspfarm profile 666': fixture('show-dspfarm-profile-666-active.txt'),
      'show sccp': fixture('show-sccp-secure.txt'),
    }
    // The fixture shows Active Call Manager 192.0.2.20: the publisher here, the second node.
    expect(evaluateVerification('t1-13', outputs, twoNodes).status).toBe('pass')
    const elsewhere = { ...twoNodes, cucmNodes: [{ name: 'CUCMSUB1', ip: '192.0.2.21', priority: 1, publisher: true }] }
    expect(evaluateVerification('t1-13', outputs, elsewhere).status).toBe('fail')
  })

  it('validates the nodes: names, addresses, priorities 1–4, one publisher', () => {
    expect(validateSite(twoNodes).ok).toBe(true)
    const messages = (nodes: unknown): string[] =>
      (validateSite({ ...twoNodes, cucmNodes: nodes }).fields.cucmNodes ?? []).map((i) => i.message)
    expect(messages([])).toEqual(['Add at least one CUCM node: the server the bridge registers with.'])
    expect(messages([{ name: '', ip: '192.0.2.21', priority: 1, publisher: true }])[0]).toMatch(/^Node 1: the name is required/)
    expect(
      messages([
        { name: 'A', ip: '192.0.2.21', priority: 1, publisher: true },
        { name: 'B', ip: '192.0.2.21', priority: 1, publisher: true },
      ]),
    ).toEqual([
      'Node 2 (B): same IP as node 1.',
      "Node 2 (B): priority 1 is already node 1's; each node of the group needs its own.",
      '2 nodes are marked publisher; a cluster has one.',
    ])
    expect(messages([{ name: 'A', ip: '192.0.2.21', priority: 1, publisher: false }])).toEqual([
      "Mark the publisher: one node of the list is the cluster's publisher.",
    ])
    const five = [1, 2, 3, 4, 5].map((i) => ({ name: `N${i}`, ip: `192.0.2.${30 + i}`, priority: i, publisher: i === 1 }))
    expect(messages(five)[0]).toMatch(/at most 4 nodes; 5 listed/)
    expect(messages([{ name: 'A', ip: '192.0.2.21', priority: 5, publisher: true }])).toEqual([
      'Node 1 (A): the priority is 1–4 (1 is tried first).',
    ])
  })

  it('upgrades a site saved with one publisher IP into a one-node group', () => {
    const saved = { ...defaultSite(), cucmPublisherIp: '10.10.10.20' } as Record<string, unknown>
    delete saved.cucmNodes
    delete saved.callManagerTrust
    const upgraded = SiteVarsSchema.parse(saved)
    expect(upgraded.cucmNodes).toEqual([{ name: '', ip: '10.10.10.20', priority: 1, publisher: true }])
    expect(upgraded.callManagerTrust).toBe('per-node')
    expect('cucmPublisherIp' in upgraded).toBe(false)
    // Through the persisted record, as the state file loads it.
    const record = SiteRecord.parse({ id: 'site-1', name: 'Old', vars: saved, progress: {} })
    expect(record.vars.cucmNodes[0]?.ip).toBe('10.10.10.20')
    // The name is unknown: the form asks for it before step 13 can say what to expect.
    expect(validateSite(upgraded).fields.cucmNodes?.[0]?.message).toMatch(/name is required/)
    expect(renderText('{cucmNodeNames}', upgraded)).toBe('<node name>')
  })
})

describe('claims stay within the evidence', () => {
  it('uploading testCA too is a recommendation; a leaf-only upload is not called incomplete', () => {
    const eleven = renderStep(step('t1-11'), exampleSite())
    expect(eleven.instructions).toContain('Certificate Purpose: CallManager-trust. Upload SecureCFB.pem.')
    expect(eleven.instructions).toContain('Recommended: again with Certificate Purpose CallManager-trust, upload testCA.pem.')
    const text = JSON.stringify(eleven)
    expect(text).not.toMatch(/incomplete|needs the CA as well/i)
    // Not shown by the tech note, so not claimed.
    expect(text).not.toMatch(/CUCM 15 accept(s|ed) them/i)
    expect(text).toContain('whether CUCM 15 accepts the MD5-signed CA in a trust store is not shown there')
  })

  it('names no phone security profile CUCM does not ship; describes the encrypted one to create', () => {
    const profile = renderStep(step('t2-01'), exampleSite()).instructions.join(' ')
    expect(profile).not.toContain('Standard SIP Secure Profile')
    expect(profile).toMatch(/Add New: Phone Security Profile Type = the phone model/)
    expect(profile).toContain('Device Security Mode: Encrypted')
  })

  it('CUCM shows the bridge name as typed: no upper-case claim in step 13', () => {
    expect(renderStep(step('t1-13'), exampleSite()).instructions.join(' ')).toContain(
      'Conference Bridge Name: SecureCFB (it must equal the certificate CN',
    )
  })
})
