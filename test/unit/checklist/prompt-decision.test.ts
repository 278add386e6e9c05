import { describe, expect, it } from 'vitest'
import { pollDelayMs, WAIT_FOR_ROUTER_MS } from '../../../renderer/panes/checklist/router-checks'
import { exampleSite, getStep, renderStep, type StepView } from '../../../shared/procedure'
import { judgeFingerprints, type FingerprintReference } from '../../../renderer/panes/checklist/fingerprint-check'
import { decidePrompt, minLengthText, pasteLines, type FingerprintReferences } from '../../../renderer/panes/checklist/prompt-decision'
import { fixture } from '../ios/fixture'
import { opensslFingerprint } from './helpers'

const site = exampleSite()
const view = (id: string): StepView => {
  const step = getStep(id)
  if (!step) throw new Error(id)
  return renderStep(step, site)
}
const none: FingerprintReferences = { 'ca-server-fingerprint': [], 'callmanager-pem': [] }

function reference(pem: string, label: string): FingerprintReference {
  return {
    label,
    source: 'workbench',
    md5: opensslFingerprint(pem, 'md5'),
    sha1: opensslFingerprint(pem, 'sha1'),
    sha256: opensslFingerprint(pem, 'sha256'),
  }
}

const testCA = fixture('testCA.pem')
const callManager = fixture('CallManager.pem')
const impostor = fixture('SecureCFB.pem')

describe('the answer to each question of Task 1', () => {
  it('asks the engineer for the CA passphrase (twice the same secret), never answering it itself', () => {
    const first = decidePrompt(view('t1-04'), { kind: 'password', text: 'Password:' }, '', none)
    expect(first).toEqual({
      kind: 'secret',
      secret: 'passphrase',
      label: 'CA passphrase',
      note: expect.any(String),
      confirm: true,
      minLength: 1,
    })
    expect(decidePrompt(view('t1-04'), { kind: 'password', text: 'Re-enter password:' }, '', none)).toMatchObject({
      kind: 'secret',
      secret: 'passphrase',
    })
    expect(decidePrompt(view('t1-04'), { kind: 'yes-no', text: '% Are you sure you want to do this? [yes/no]:' }, '', none)).toEqual({
      kind: 'send',
      line: 'yes',
    })
  })

  it('asks for the challenge password at enroll, then requests the certificate, declining the optional subject fields', () => {
    expect(decidePrompt(view('t1-07'), { kind: 'password', text: 'Password:' }, '', none)).toMatchObject({
      kind: 'secret',
      secret: 'challenge-password',
      label: 'Challenge password',
    })
    expect(decidePrompt(view('t1-07'), { kind: 'yes-no', text: '% Include an IP address in the subject name? [no]:' }, '', none)).toEqual({
      kind: 'send',
      line: 'no',
    })
    expect(decidePrompt(view('t1-07'), { kind: 'yes-no', text: 'Request certificate from CA? [yes/no]:' }, '', none)).toEqual({
      kind: 'send',
      line: 'yes',
    })
  })

  it('hands a question the step does not expect to the engineer', () => {
    expect(
      decidePrompt(view('t1-07'), { kind: 'yes-no', text: '% Do you want to continue with re-enrollment? [yes/no]:' }, '', none),
    ).toEqual({
      kind: 'ask-user',
      text: '% Do you want to continue with re-enrollment? [yes/no]:',
      secretPrompt: false,
    })
    expect(decidePrompt(view('t1-01'), { kind: 'password', text: 'Password:' }, '', none)).toMatchObject({
      kind: 'ask-user',
      secretPrompt: true,
    })
  })

  it('pastes CallManager.pem at the enrollment prompt, ending with quit', () => {
    expect(
      decidePrompt(
        view('t1-09'),
        { kind: 'enrollment-paste', text: 'End with a blank line or the word "quit" on a line by itself' },
        '',
        none,
      ),
    ).toEqual({ kind: 'paste' })
    const lines = pasteLines(callManager.replace(/\n/g, '\r\n'))
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----')
    expect(lines.at(-2)).toBe('-----END CERTIFICATE-----')
    expect(lines.at(-1)).toBe('quit')
    expect(lines.every((l) => !/[\r\n]/.test(l))).toBe(true)
  })
})

describe('fingerprint questions: yes only on a match', () => {
  const printedCa = fixture('authenticate-securecfb.txt')
  const printedCm = fixture('authenticate-cucm-pub.crlf.txt')
  const question = { kind: 'yes-no' as const, text: '% Do you accept this certificate? [yes/no]:' }

  it('step 6: the CA in the workbench matches the printed fingerprint → yes', () => {
    const action = decidePrompt(view('t1-06'), question, printedCa, { ...none, 'ca-server-fingerprint': [reference(testCA, 'testCA')] })
    expect(action).toMatchObject({ kind: 'fingerprint', verdict: { verdict: 'match', algorithms: ['md5', 'sha1'] } })
  })

  it('step 6: with only show crypto pki server to go by, the MD5 is enough', () => {
    const md5 = opensslFingerprint(testCA, 'md5')
    const action = decidePrompt(view('t1-06'), question, printedCa, {
      ...none,
      'ca-server-fingerprint': [{ label: 'show crypto pki server', source: 'router', md5 }],
    })
    expect(action).toMatchObject({ kind: 'fingerprint', verdict: { verdict: 'match', algorithms: ['md5'] } })
  })

  it('step 6: another CA in the workbench is a mismatch, with both values to show', () => {
    const action = decidePrompt(view('t1-06'), question, printedCa, {
      ...none,
      'ca-server-fingerprint': [reference(impostor, 'stale testCA')],
    })
    if (action.kind !== 'fingerprint' || action.verdict.verdict !== 'mismatch')
      throw new Error(`expected a mismatch, got ${JSON.stringify(action)}`)
    expect(action.verdict.printed).toEqual({ md5: opensslFingerprint(testCA, 'md5'), sha1: opensslFingerprint(testCA, 'sha1') })
    expect(action.verdict.message).toMatch(/does not match stale testCA/)
  })

  it('step 9 compares with CallManager.pem, not with the CA', () => {
    const refs = {
      'ca-server-fingerprint': [reference(callManager, 'wrong list')],
      'callmanager-pem': [reference(callManager, 'CallManager.pem')],
    }
    expect(decidePrompt(view('t1-09'), question, printedCm, refs)).toMatchObject({ kind: 'fingerprint', verdict: { verdict: 'match' } })
    const swapped = {
      'ca-server-fingerprint': [reference(callManager, 'CallManager.pem')],
      'callmanager-pem': [reference(testCA, 'testCA')],
    }
    expect(decidePrompt(view('t1-09'), question, printedCm, swapped)).toMatchObject({
      kind: 'fingerprint',
      verdict: { verdict: 'mismatch' },
    })
  })

  it('nothing loaded: no automatic answer', () => {
    expect(decidePrompt(view('t1-09'), question, printedCm, none)).toMatchObject({
      kind: 'fingerprint',
      verdict: { verdict: 'no-reference' },
    })
  })

  it('one algorithm equal and the other different is not a match', () => {
    const ref = {
      label: 'half',
      source: 'workbench' as const,
      md5: opensslFingerprint(testCA, 'md5'),
      sha1: opensslFingerprint(impostor, 'sha1'),
    }
    expect(judgeFingerprints(printedCa, [ref]).verdict).toBe('mismatch')
  })

  it('reads the last fingerprints when a transcript holds several, and ignores case and spacing', () => {
    const twice = `${fixture('authenticate-cucm-pub.crlf.txt')}\n${printedCa}`
    const lower = {
      label: 'lower',
      source: 'workbench' as const,
      md5: opensslFingerprint(testCA, 'md5').toLowerCase().replace(/(..)/g, '$1:'),
    }
    expect(judgeFingerprints(twice, [lower]).verdict).toBe('match')
    expect(judgeFingerprints('% Do you accept this certificate? [yes/no]:', [lower]).verdict).toBe('no-fingerprint')
  })
})

describe('secret dialog text', () => {
  it('says "1 character", not "1 characters"', () => {
    expect(minLengthText(1)).toBe('At least 1 character.')
    expect(minLengthText(8)).toBe('At least 8 characters.')
  })
})

describe('checking again while the router catches up', () => {
  it('backs off instead of typing show ntp status every 1.5 s', () => {
    expect([1, 2, 3, 4, 5].map(pollDelayMs)).toEqual([3000, 6000, 12_000, 20_000, 20_000])
    // Within the 90 s wait, at most 7 checks (it was 60).
    let total = 0
    let checks = 0
    while (total < WAIT_FOR_ROUTER_MS) total += pollDelayMs(++checks)
    expect(checks).toBeLessThanOrEqual(7)
  })
})
