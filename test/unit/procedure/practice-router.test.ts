import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { practiceCucmCertificate } from '../../../electron/services/practice-router'
import { RouterDriver } from '../practice-router/driver'
import { fingerprintsEqual, normalizeFingerprint, parseFingerprints } from '../../../shared/ios/fingerprint'
import { parseShowPkiServer } from '../../../shared/ios/pki-server'
import { detectPrompt } from '../../../shared/ios/prompt'
import { getStep } from '../../../shared/procedure/procedure'
import { exampleSite } from '../../../shared/procedure/site'
import { matchPrompt, renderStep } from '../../../shared/procedure/step-view'
import type { Answer } from '../../../shared/procedure/types'
import {
  evaluatePrecheck,
  evaluateVerification,
  verificationCommands,
  type VerificationResult,
} from '../../../shared/procedure/verification'

/**
 * The procedure run against the practice router: commands rendered from site variables, prompts
 * found by PromptTail and answered from the step data, results judged by evaluateVerification.
 * Where the simulator's output and these parsers disagree, this is where it shows.
 */
const site = {
  ...exampleSite(),
  caIp: '10.10.10.1',
  ntpServerIp: '10.10.10.5',
  cucmNodes: [{ name: 'CUCMPUB15', ip: '10.10.10.20', priority: 1, publisher: true }],
}
const CLI_KINDS = new Set(['config', 'privileged', 'user-exec'])

/** The shared driver, plus what the checklist does: read the prompt, answer from the step data. */
class Console extends RouterDriver {
  /** Leaves config mode, runs show commands, comes back: what the checklist does after a step. */
  async outputsOf(commands: readonly string[]): Promise<Record<string, string>> {
    await this.line('end')
    const outputs: Record<string, string> = {}
    for (const command of commands) outputs[command] = await this.line(command)
    await this.line('configure terminal')
    return outputs
  }

  async verify(stepId: string, context = {}): Promise<VerificationResult> {
    return evaluateVerification(stepId, await this.outputsOf(verificationCommands(stepId, site)), site, context)
  }

  /** Re-runs a step's verification until it passes or time runs out (NTP, enrollment, registration take a moment). */
  async verifyEventually(stepId: string, context = {}, phase: 'pre' | 'post' = 'post'): Promise<VerificationResult> {
    const deadline = Date.now() + 5000
    for (;;) {
      const outputs = await this.outputsOf(verificationCommands(stepId, site, phase))
      const result = (phase === 'pre' ? evaluatePrecheck : evaluateVerification)(stepId, outputs, site, context)
      if (result.ok || Date.now() > deadline) return result
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  /** Types a step's commands and answers its questions the way the step data says. */
  async run(stepId: string, answer: (a: Answer, printed: string) => string): Promise<string> {
    const step = getStep(stepId)
    if (!step) throw new Error(`no step ${stepId}`)
    const view = renderStep(step, site)
    const start = this.output.length
    for (const command of view.commands) {
      await this.line(command)
      for (let guard = 0; guard < 8; guard++) {
        const prompt = detectPrompt(this.output.slice(-4096))
        if (!prompt || CLI_KINDS.has(prompt.kind)) break
        const expectation = matchPrompt(view, prompt.kind, prompt.text)
        if (!expectation) throw new Error(`${stepId}: unexpected prompt ${JSON.stringify(prompt.text)}`)
        await this.send(answer(expectation.answer, this.output.slice(start)))
      }
    }
    return this.output.slice(start)
  }
}

let con: Console
let dir: string
const cucm = practiceCucmCertificate('lab-console-procedure')

function opensslFingerprint(pem: string, digest: 'md5' | 'sha1'): string {
  const file = join(dir, 'cm.pem')
  writeFileSync(file, pem)
  const out = execFileSync('openssl', ['x509', '-in', file, '-noout', '-fingerprint', `-${digest}`], { encoding: 'utf8' })
  return normalizeFingerprint(out.split('=')[1] ?? '')
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'procedure-'))
  con = new Console()
})

afterAll(() => {
  con.router.dispose()
  rmSync(dir, { recursive: true, force: true })
})

describe('Task 1 on the practice router', () => {
  let caFingerprint = ''
  const callManagerPem = () => ({ md5: opensslFingerprint(cucm.pem, 'md5'), sha1: opensslFingerprint(cucm.pem, 'sha1') })
  const refuse = (a: Answer): string => {
    throw new Error(`no answer planned for ${a}`)
  }

  it('steps 1–3 configure NTP, HTTP and the CA, and verify', async () => {
    await con.line('enable')
    await con.line('configure terminal')
    for (const id of ['t1-01', 't1-02', 't1-03']) await con.run(id, refuse)
    expect((await con.verify('t1-02')).status).toBe('pass')
    expect((await con.verify('t1-03')).status).toBe('pass')
    expect((await con.verifyEventually('t1-01')).status).toBe('pass')
  })

  it('step 4 waits for NTP, answers the passphrase dialog and starts the CA', async () => {
    expect((await con.verifyEventually('t1-04', {}, 'pre')).status).toBe('pass')
    const out = await con.run('t1-04', (a) => (a === 'passphrase' ? 'cisco1234\r' : a === 'yes' ? 'yes\r' : refuse(a)))
    expect(out).toContain('% Certificate Server enabled.')
    const result = await con.verify('t1-04')
    expect(result.status).toBe('pass')
    const server = parseShowPkiServer((await con.outputsOf(['show crypto pki server']))['show crypto pki server'] ?? '')
    caFingerprint = server.ok ? (server.value.servers[0]?.caFingerprintMd5 ?? '') : ''
    expect(caFingerprint).toMatch(/^[0-9A-F]{32}$/)
  })

  it('steps 5–7 enroll the bridge, accepting the CA only because its fingerprint matches', async () => {
    await con.run('t1-05', refuse)
    expect((await con.verify('t1-05')).status).toBe('pass')
    await con.run('t1-06', (a, printed) => {
      const seen = parseFingerprints(printed)
      if (a !== 'yes-if-fingerprint-matches' || !seen.ok) return refuse(a)
      return fingerprintsEqual(seen.value.md5, caFingerprint) ? 'yes\r' : 'no\r'
    })
    expect((await con.verify('t1-06')).status).toBe('pass')
    await con.run('t1-07', (a) => (a === 'challenge-password' ? 'challenge1\r' : a === 'yes' ? 'yes\r' : a === 'no' ? 'no\r' : refuse(a)))
    expect((await con.verifyEventually('t1-07')).status).toBe('pass')
  })

  it("step 9 imports CUCM's certificate after checking its fingerprints", async () => {
    const expected = callManagerPem()
    await con.run('t1-09', (a, printed) => {
      if (a === 'paste-cucm-certificate') return `${cucm.pem.trim().replace(/\n/g, '\r')}\rquit\r`
      const seen = parseFingerprints(printed)
      if (a !== 'yes-if-fingerprint-matches' || !seen.ok) return refuse(a)
      return fingerprintsEqual(seen.value.sha1, expected.sha1) ? 'yes\r' : 'no\r'
    })
    expect((await con.verify('t1-09', { expectedFingerprints: { callManagerPem: expected } })).status).toBe('pass')
  })

  it('step 10 exports both certificates; steps 12–13 register the secure bridge', async () => {
    const exported = await con.run('t1-10', refuse)
    expect(evaluateVerification('t1-10', { 'crypto pki export SecureCFB pem terminal': exported }, site).status).toBe('pass')
    await con.run('t1-12', refuse)
    const t12 = await con.verify('t1-12')
    expect(t12.checks.filter((c) => c.status !== 'pass')).toEqual([])
    expect((await con.verifyEventually('t1-13')).status).toBe('pass')
    const all = await con.verifyEventually('v-01', { expectedFingerprints: { callManagerPem: callManagerPem() } })
    expect(all.checks.filter((c) => c.status !== 'pass')).toEqual([])
  })
})
