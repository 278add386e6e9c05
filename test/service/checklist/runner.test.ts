import forge from 'node-forge'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload, SiteRecord } from '../../../shared/contract'
import { defaultSite, getStep, type ProcedureStep } from '../../../shared/procedure'
import { transportPort, type ConsolePort } from '../../../renderer/panes/checklist/console-port'
import type { Decision, FingerprintQuestion } from '../../../renderer/panes/checklist/prompt-answering'
import { buildRunContext } from '../../../renderer/panes/checklist/run-context'
import { sendStep, verifyStep, type RunnerHooks, type RunOutcome } from '../../../renderer/panes/checklist/runner'
import { collectOutput, directClient, waitForState, type TestClient } from '../../support/clients'
import { PLAIN_SHELL, testServices } from '../../support/services'
import { fixtureText } from '../../unit/pki/helpers'
import { ios, kept, opensslFingerprint, workbenchOf } from '../../unit/checklist/helpers'

/**
 * The runner against the real services: the practice router behind session.exec / session.tail,
 * exactly what the checklist pane calls. Only the engineer is scripted (the hooks).
 */
const services = testServices()
const client: TestClient = directClient(services)
const site: SiteRecord = {
  id: 'site-runner',
  name: 'Runner',
  vars: {
    ...defaultSite(),
    ntpServerIp: '10.10.10.5',
    caIp: '10.10.10.1',
    cucmNodes: [{ name: 'CUCMPUB15', ip: '10.10.10.20', priority: 1, publisher: true }],
  },
  progress: {},
}
let port: ConsolePort
let sessionId = ''
let stopOutput: () => void = () => undefined
let output: ReturnType<typeof collectOutput>
let cucmPem = ''
const certificates: Array<Payload<'session.certificates'>> = []

interface Script {
  secrets: Record<string, string>
  fingerprint?: Decision
  asked: string[]
  questions: FingerprintQuestion[]
}

function hooks(script: Script): RunnerHooks {
  return {
    progress: () => undefined,
    sent: () => undefined,
    askSecret: async (q) => {
      script.asked.push(q.label)
      return script.secrets[q.label] ?? null
    },
    askFingerprint: async (q) => {
      script.questions.push(q)
      return script.fingerprint ?? 'stop'
    },
    askRouterQuestion: async () => 'stop',
    stopped: () => false,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 300))),
  }
}

/** A throwaway self-signed certificate, as a CUCM node's CallManager.pem is by default. */
function selfSigned(cn: string): string {
  const keys = forge.pki.rsa.generateKeyPair(1024)
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = '02'
  cert.validity.notBefore = new Date(Date.now() - 86_400_000)
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000)
  cert.setSubject([{ shortName: 'CN', value: cn }])
  cert.setIssuer([{ shortName: 'CN', value: cn }])
  cert.setExtensions([{ name: 'basicConstraints', cA: true }])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return forge.pki.certificateToPem(cert)
}

const script = (partial: Partial<Script> = {}): Script => ({ secrets: {}, asked: [], questions: [], ...partial })

function step(id: string): ProcedureStep {
  const s = getStep(id)
  if (!s) throw new Error(id)
  return s
}

async function send(id: string, s: Script, workbench = workbenchOf()): Promise<RunOutcome> {
  return sendStep(port, step(id), buildRunContext(site, workbench), hooks(s))
}

beforeAll(async () => {
  client.subscribe('session.certificates', (payload) => certificates.push(payload))
  const { id } = await client.invoke('session.open', { spec: { kind: 'practice', lab: 'runner', seed: 'runner' }, cols: 80, rows: 24 })
  await waitForState(client, id, (s) => s.state === 'open')
  output = collectOutput(client, id)
  stopOutput = output.stop
  port = transportPort(client, id)
  sessionId = id
  cucmPem = (await client.invoke('practice.cucmCertificate', { lab: 'runner' })).pem
})

afterAll(async () => {
  stopOutput()
  await client.close()
  services.cleanup()
})

describe('sending Task 1 from the checklist runner', { timeout: 60_000 }, () => {
  it('steps 1–3: enters privileged and configuration mode, sends, and waits for NTP on the router', async () => {
    const first = await send('t1-01', script())
    expect(first).toMatchObject({ result: 'verified' })
    if (first.result !== 'verified') return
    expect(first.evidence).toMatch(/^VG-CME-1#show ntp status\nClock is synchronized/)
    for (const id of ['t1-02', 't1-03']) expect(await send(id, script())).toMatchObject({ result: 'verified' })
  })

  it('step 4: asks for the CA passphrase once, answers both prompts with it, and never shows it', async () => {
    const s = script({ secrets: { 'CA passphrase': 'lab-passphrase-1' } })
    const outcome = await send('t1-04', s)
    expect(outcome.result).toBe('verified')
    expect(s.asked).toEqual(['CA passphrase'])
    await output.waitFor('% Certificate Server enabled.')
    expect(output.text()).not.toContain('lab-passphrase-1')
    expect(JSON.stringify(outcome)).not.toContain('lab-passphrase-1')
  })

  it("step 6: the router's CA is the truth; a stale workbench copy is named and offered for replacement, not a blocker", async () => {
    expect((await send('t1-05', script())).result).toBe('verified')
    const s = script({ fingerprint: 'no' })
    const stale = kept(fixtureText('testCA.pem'), 'testCA')
    const outcome = await send('t1-06', s, workbenchOf(stale))
    // Was: a mismatch question against the stale copy, and "no" failed the step.
    expect(s.questions).toEqual([])
    expect(outcome.result).toBe('verified')
    if (outcome.result !== 'verified') throw new Error('not verified')
    expect(outcome.notice?.text).toMatch(
      /^Stale copy: testCA in the workbench \(MD5 [0-9A-F ]+\) is not the CA this router runs — show crypto pki server prints MD5/,
    )
    expect(outcome.notice?.text).toContain(ios(opensslFingerprint(fixtureText('testCA.pem'), 'md5')))
    expect(outcome.notice?.staleCertificateIds).toEqual([stale.id])
    await output.waitFor(/show crypto pki server[\s\S]*crypto pki authenticate SecureCFB[\s\S]*\[yes\/no\]: yes/)
  })

  it('step 7: challenge password, request, and the certificate arriving a moment later', async () => {
    const s = script({ secrets: { 'Challenge password': 'challenge-1' } })
    expect(await send('t1-07', s)).toMatchObject({ result: 'verified' })
    expect(s.asked).toEqual(['Challenge password'])
  })

  it('step 9: refuses to start without a CallManager certificate; pastes the chosen one and accepts on a match', async () => {
    expect(await send('t1-09', script())).toMatchObject({
      result: 'stopped',
      sent: false,
      message: /Choose the CallManager certificate first/,
    })
    const s = script()
    const outcome = await send('t1-09', s, workbenchOf(kept(cucmPem, 'CallManager.pem', 'CallManager')))
    expect(outcome).toMatchObject({ result: 'verified' })
    expect(s.questions).toEqual([])
    await output.waitFor('% Certificate successfully imported')
  })

  it("step 9 on a two-node CUCM group: one trustpoint per node, each pasted with that node's own CallManager.pem", async () => {
    const twoNodes: SiteRecord = {
      ...site,
      vars: {
        ...site.vars,
        cucmTrustpoint: 'cucm-grp',
        cucmNodes: [
          { name: 'CUCMPUB15', ip: '10.10.10.20', priority: 1, publisher: true },
          { name: 'CUCMSUB1', ip: '10.10.10.21', priority: 2, publisher: false },
        ],
      },
    }
    const pub = kept(cucmPem, 'CallManager.pem (CUCMPUB15)', 'CallManager')
    const sub = kept(selfSigned('CUCMSUB1.uc.com'), 'CallManager.pem (CUCMSUB1)', 'CallManager')
    // Without the subscriber's certificate the step does not start.
    const early = await sendStep(port, step('t1-09'), buildRunContext(twoNodes, workbenchOf(pub)), hooks(script()))
    expect(early).toMatchObject({ result: 'stopped', sent: false, message: /missing: CUCMSUB1 \(cucm-grp-2\)/ })
    const s = script()
    const outcome = await sendStep(port, step('t1-09'), buildRunContext(twoNodes, workbenchOf(pub, sub)), hooks(s))
    expect(outcome).toMatchObject({ result: 'verified' })
    // Each fingerprint matched its own node's certificate: nothing to ask.
    expect(s.questions).toEqual([])
    await output.waitFor(
      /crypto pki authenticate cucm-grp\b[\s\S]*successfully imported[\s\S]*crypto pki authenticate cucm-grp-2[\s\S]*successfully imported/,
    )
    const verbose = await client.invoke('session.exec', {
      id: sessionId,
      lines: ['show crypto pki certificates verbose'],
      timeoutMs: 15_000,
    })
    expect(verbose.output).toMatch(/cn=CUCMSUB1\.uc\.com[\s\S]*Associated Trustpoints: cucm-grp-2/)
  })

  it('step 10: the export is its own evidence and reaches the workbench as session.certificates', async () => {
    const outcome = await send('t1-10', script())
    expect(outcome).toMatchObject({ result: 'verified' })
    await expect.poll(() => certificates.length).toBeGreaterThan(0)
    expect(certificates.at(-1)?.blocks.map((b) => b.label)).toEqual(['CA certificate', 'General Purpose Certificate'])
  })

  it('steps 12–13: the DSP farm registers: show dspfarm profile says ACTIVE and ASSOCIATED', async () => {
    expect(await send('t1-12', script())).toMatchObject({ result: 'verified' })
    const outcome = await verifyStep(port, step('t1-13'), buildRunContext(site, workbenchOf()), hooks(script()))
    expect(outcome.result).toBe('verified')
    if (outcome.result !== 'verified') return
    expect(outcome.evidence).toMatch(/Profile Operation State : ACTIVE/)
    expect(outcome.evidence).toMatch(/Status : ASSOCIATED/)
  })

  it('a step whose variables are invalid is not sent', async () => {
    const bad = { ...site, vars: { ...site.vars, caIp: '10.10.10' } }
    const outcome = await sendStep(port, step('t1-03'), buildRunContext(bad, workbenchOf()), hooks(script()))
    expect(outcome).toMatchObject({ result: 'stopped', sent: false, message: 'Fix the site variables first: CA IP (this router).' })
  })
})

describe('a console that is not a router', { timeout: 30_000 }, () => {
  it('stops before sending anything and says why', async () => {
    const { id } = await client.invoke('session.open', { spec: PLAIN_SHELL, cols: 80, rows: 24 })
    await waitForState(client, id, (s) => s.state === 'open')
    const shell = collectOutput(client, id)
    await shell.waitFor(/[$#] $/)
    // A root shell's `#` prompt looks like a router's; a plain `$` prompt is what a user's shell shows.
    await client.invoke('session.write', { id, data: "PS1='shell$ '\r" })
    await shell.waitFor(/shell\$ $/)
    const outcome = await sendStep(transportPort(client, id), step('t1-01'), buildRunContext(site, workbenchOf()), hooks(script()))
    expect(outcome).toMatchObject({ result: 'stopped', sent: false, message: /not at a router prompt/ })
    shell.stop()
    await client.invoke('session.close', { id })
  })
})
