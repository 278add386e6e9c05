import { describe, expect, it } from 'vitest'
import { detectPrompt } from '../../../shared/ios/prompt'
import { CAUSES } from '../../../shared/procedure/causes'
import { CORRECTIONS } from '../../../shared/procedure/corrections'
import { getStep, PROCEDURE, stepsOf, TASKS } from '../../../shared/procedure/procedure'
import { blockingFields, fieldsUsedBy, renderCommands, renderInstructions, renderText } from '../../../shared/procedure/render'
import { defaultSite, exampleSite, type SiteVars } from '../../../shared/procedure/site'
import type { ProcedureStep } from '../../../shared/procedure/types'
import { fixture } from '../ios/fixture'

const site = exampleSite()

function step(id: string): ProcedureStep {
  const s = getStep(id)
  if (!s) throw new Error(`no step ${id}`)
  return s
}

function allText(s: ProcedureStep, vars: SiteVars): string[] {
  const checks = [s.precheck, s.verify]
    .flatMap((spec) => spec?.checks ?? [])
    .flatMap((c) => Object.values(c.check).filter((v): v is string => typeof v === 'string'))
  return [
    renderText(s.title, vars),
    renderText(s.why, vars),
    ...renderCommands(s, vars, { wrapConfig: true }),
    ...renderInstructions(s, vars),
    ...[s.precheck, s.verify].flatMap((spec) => [...(spec?.commands ?? []), ...(spec?.manual ?? [])]).map((t) => renderText(t, vars)),
    ...checks.map((t) => renderText(t, vars)),
  ]
}

describe('the procedure as data', () => {
  it('has Task 1 steps 1–13, then Tasks 2, 3, Verify and Troubleshoot, with unique ids', () => {
    expect(stepsOf('task1').map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    for (const task of TASKS) expect(stepsOf(task.id).length).toBeGreaterThan(0)
    expect(new Set(PROCEDURE.map((s) => s.id)).size).toBe(PROCEDURE.length)
  })

  it('every router step says its mode; web and phone steps have instructions instead of commands', () => {
    for (const s of PROCEDURE) {
      if (s.where === 'router') expect(s.mode, s.id).toBeDefined()
      else {
        expect(s.commands, s.id).toBeUndefined()
        expect(s.instructions?.length, s.id).toBeGreaterThan(0)
      }
    }
  })

  it('every check reads a command its step runs, and names causes that exist', () => {
    for (const s of PROCEDURE) {
      for (const spec of [s.precheck, s.verify]) {
        if (!spec) continue
        for (const { check, causes } of spec.checks) {
          expect(spec.commands, `${s.id} ${check.kind}`).toContain(check.command)
          if (check.kind === 'ca-fingerprint-matches-server') expect(spec.commands).toContain(check.serverCommand)
          for (const cause of causes) expect(CAUSES[cause], cause).toBeDefined()
          expect(causes.length, `${s.id} ${check.kind}`).toBeGreaterThan(0)
        }
      }
    }
  })

  it('corrections point at real steps, and each is attached to the steps it names', () => {
    for (const c of CORRECTIONS) {
      for (const id of c.steps) expect(step(id).corrections ?? [], `${c.id} on ${id}`).toContain(c.id)
    }
    expect(CORRECTIONS.map((c) => c.id).sort()).toEqual([
      'callmanager-trust-not-tomcat',
      'lifetime-capped',
      'ntp-before-no-shutdown',
      'restart-callmanager',
      'upload-ca-too',
      'weak-crypto-flagged',
    ])
  })

  it('a step that asks questions ends with the command that asks them, so no line is typed into a dialog', () => {
    const interactive = ['no shutdown', 'crypto pki authenticate', 'crypto pki enroll']
    for (const s of PROCEDURE.filter((x) => (x.prompts ?? []).length > 0)) {
      const lines = renderCommands(s, site)
      const asking = lines.findIndex((l) => interactive.some((i) => l.trim().startsWith(i)))
      expect(asking, s.id).toBe(lines.length - 1)
    }
  })

  it('every prompt pattern compiles', () => {
    for (const s of PROCEDURE) for (const p of s.prompts ?? []) expect(() => new RegExp(p.match, 'i'), `${s.id} ${p.match}`).not.toThrow()
  })
})

describe('renderCommands', () => {
  it.each(PROCEDURE.map((s) => [s.id, s] as const))('%s renders with no placeholder, x.x.x.x or undefined left', (_id, s) => {
    for (const line of allText(s, site)) {
      expect(line, s.id).not.toMatch(/x\.x\.x\.x|undefined|NaN|\[object|\{[A-Za-z]+(\[\d+\])?\}|<[A-Z][^>]*>/)
    }
  })

  it('renders Task 1 exactly as the DOMAIN.md procedure, with the site values', () => {
    expect(renderCommands(step('t1-01'), site)).toEqual(['ntp server 192.0.2.123', 'ip http server'])
    expect(renderCommands(step('t1-02'), site)).toEqual([
      'crypto pki server testCA',
      ' database level complete',
      ' database url nvram:',
      ' grant auto',
      ' lifetime certificate 1800',
      ' exit',
    ])
    expect(renderCommands(step('t1-03'), site)).toEqual([
      'crypto pki trustpoint testCA',
      ' enrollment url http://192.0.2.10:80',
      ' revocation-check none',
      ' rsakeypair testCA',
      ' exit',
    ])
    expect(renderCommands(step('t1-04'), site)).toEqual(['crypto pki server testCA', ' no shutdown'])
    expect(renderCommands(step('t1-05'), site)).toContain(' subject-name cn=SecureCFB')
    expect(renderCommands(step('t1-06'), site)).toEqual(['crypto pki authenticate SecureCFB'])
    expect(renderCommands(step('t1-07'), site)).toEqual(['crypto pki enroll SecureCFB'])
    expect(renderCommands(step('t1-09'), site)).toEqual([
      'crypto pki trustpoint cucm-pub',
      ' enrollment terminal',
      ' revocation-check none',
      ' exit',
      'crypto pki authenticate cucm-pub',
    ])
    expect(renderCommands(step('t1-10'), site)).toEqual(['crypto pki export SecureCFB pem terminal'])
    expect(renderCommands(step('t1-12'), site)).toEqual([
      'voice-card 0',
      ' dsp service dspfarm',
      ' exit',
      'dspfarm profile 666 conference security',
      ' trustpoint SecureCFB',
      ' codec g711ulaw',
      ' codec g711alaw',
      ' codec g729r8',
      ' maximum sessions 4',
      ' associate application SCCP',
      ' exit',
      'sccp local GigabitEthernet0/1',
      'sccp ccm 192.0.2.20 identifier 666 version 7.0+',
      'sccp',
      'sccp ccm group 666',
      ' associate ccm 666 priority 1',
      ' associate profile 666 register SecureCFB',
      ' exit',
      'dspfarm profile 666 conference security',
      ' no shutdown',
      ' exit',
    ])
  })

  it('follows the variables: lists, optional lines, abbreviations, separate numbers', () => {
    const custom = {
      ...site,
      codecs: ['g711alaw'],
      caLifetimeDays: 3650,
      sccpInterface: 'Gi0/0.100',
      dspProfileId: 7,
      ccmIdentifier: 8,
      ccmGroupId: 9,
    }
    const t12 = renderCommands(step('t1-12'), custom)
    expect(t12).toContain(' codec g711alaw')
    expect(t12).not.toContain(' codec g711ulaw')
    // IOS 15.7(3)M has no `tls-version` under the DSP farm profile: the step never prints it.
    expect(t12).not.toContain('tls-version')
    expect(t12).toContain('sccp local GigabitEthernet0/0.100')
    expect(t12).toContain('dspfarm profile 7 conference security')
    expect(t12).toContain('sccp ccm 192.0.2.20 identifier 8 version 7.0+')
    expect(t12).toContain('sccp ccm group 9')
    expect(t12).toContain(' associate ccm 8 priority 1')
    expect(renderCommands(step('t1-02'), custom)).toContain(' lifetime ca-certificate 3650')
  })

  it('wraps config steps in configure terminal … end, and leaves exec steps alone', () => {
    const wrapped = renderCommands(step('t1-01'), site, { wrapConfig: true })
    expect(wrapped[0]).toBe('configure terminal')
    expect(wrapped[wrapped.length - 1]).toBe('end')
    expect(renderCommands(step('ts-02'), site, { wrapConfig: true })).toEqual(['undebug all'])
    expect(renderCommands(step('t1-08'), site, { wrapConfig: true })).toEqual([])
  })

  it('shows a visible stand-in for empty values and reports the blocking fields', () => {
    const empty = defaultSite()
    expect(renderCommands(step('t1-12'), empty)).toContain('sccp ccm <node IP> identifier 666 version 7.0+')
    expect(blockingFields(step('t1-12'), empty)).toEqual(['cucmNodes'])
    expect(blockingFields(step('t1-12'), site)).toEqual([])
    expect(blockingFields(step('t1-01'), { ...site, ntpServerIp: '300.1.1.1' })).toEqual(['ntpServerIp'])
    expect(renderText('{phoneDns[0]} calls {phoneDns[5]}', site)).toBe('1001 calls <Phone DNs #6>')
  })

  it('knows which fields each step uses', () => {
    expect(fieldsUsedBy(step('t1-01'))).toEqual(['ntpServerIp'])
    expect(fieldsUsedBy(step('t1-12'))).toEqual(
      expect.arrayContaining(['codecs', 'bridgeName', 'cucmNodes', 'ccmIdentifier', 'sccpInterface', 'voiceCard']),
    )
  })
})

describe('expected prompts match what the router prints', () => {
  const promptLines = (text: string): Array<{ text: string; kind: string }> => {
    // Each prefix that ends at a question, as the console would see it arrive byte by byte.
    const found: Array<{ text: string; kind: string }> = []
    for (let i = 1; i <= text.length; i++) {
      const p = detectPrompt(text.slice(0, i))
      if (p && !['config', 'privileged', 'user-exec'].includes(p.kind) && found[found.length - 1]?.text !== p.text)
        found.push({ text: p.text, kind: p.kind })
    }
    return found
  }

  it.each([
    ['t1-04', 'cs-no-shutdown.txt'],
    ['t1-06', 'authenticate-securecfb.txt'],
    ['t1-07', 'enroll-securecfb.crlf.txt'],
    ['t1-09', 'authenticate-cucm-pub.crlf.txt'],
  ])('%s answers every question in %s', (id, file) => {
    const expectations = step(id).prompts ?? []
    const seen = promptLines(fixture(file))
    expect(seen.length).toBeGreaterThan(0)
    for (const { text, kind } of seen) {
      const match = expectations.find((e) => new RegExp(e.match, 'i').test(text) && e.kind === kind)
      expect(match, `${id}: no answer for ${JSON.stringify(text)}`).toBeDefined()
    }
    for (const e of expectations.filter((x) => !x.optional)) {
      expect(
        seen.some(({ text }) => new RegExp(e.match, 'i').test(text)),
        `${id}: never saw ${e.match}`,
      ).toBe(true)
    }
  })
})
