import { describe, expect, it } from 'vitest'
import { detectPrompt } from '../../../shared/ios/prompt'
import { getStep, PROCEDURE } from '../../../shared/procedure/procedure'
import { ProcedureProgressSchema } from '../../../shared/procedure/progress'
import { exampleSite } from '../../../shared/procedure/site'
import { matchPrompt, renderStep } from '../../../shared/procedure/step-view'
import { fixture } from '../ios/fixture'

describe('renderStep', () => {
  const site = exampleSite()

  it('fills every template of a step', () => {
    const step = getStep('t1-11')
    if (!step) throw new Error('missing step')
    const view = renderStep(step, site)
    expect(view.title).toBe('Upload the bridge certificate to CallManager-trust and restart CallManager on the group')
    expect(view.instructions).toContain('Certificate Purpose: CallManager-trust. Upload SecureCFB.pem.')
    expect(view.instructions).toContain('Recommended: again with Certificate Purpose CallManager-trust, upload testCA.pem.')
    expect(view.corrections.map((c) => c.title)).toEqual([
      'Upload to CallManager-trust, not tomcat-trust',
      'Recommended: upload testCA.pem as well as SecureCFB.pem',
      "Restart Cisco CallManager on the nodes of the bridge's CUCM group",
      'Weak crypto accepted, but flagged',
    ])
    expect(view.needsConfigureTerminal).toBe(false)
    for (const s of PROCEDURE) expect(JSON.stringify(renderStep(s, site)), s.id).not.toMatch(/\{[a-zA-Z]+(\[\d\])?\}|undefined/)
  })

  it('finds the answer for a prompt the router prints', () => {
    const step = getStep('t1-06')
    if (!step) throw new Error('missing step')
    const view = renderStep(step, site)
    const prompt = detectPrompt(fixture('authenticate-securecfb.txt'))
    expect(prompt).not.toBeNull()
    expect(matchPrompt(view, prompt?.kind ?? 'more', prompt?.text ?? '')).toMatchObject({
      answer: 'yes-if-fingerprint-matches',
      compareWith: 'ca-server-fingerprint',
    })
    expect(matchPrompt(view, 'password', 'Password:')).toBeUndefined()
  })
})

describe('ProcedureProgressSchema', () => {
  it('accepts stored progress and rejects odd keys and statuses', () => {
    expect(
      ProcedureProgressSchema.safeParse({ 't1-01': { status: 'done', startedAt: '2026-02-22T00:01:00Z', evidence: 'ok' } }).success,
    ).toBe(true)
    expect(ProcedureProgressSchema.safeParse({ 't1-01': { status: 'finished' } }).success).toBe(false)
    expect(ProcedureProgressSchema.safeParse({ __proto__x: { status: 'done' } }).success).toBe(false)
  })
})
