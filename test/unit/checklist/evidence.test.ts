import { describe, expect, it } from 'vitest'
import { evaluateVerification, exampleSite, verificationCommands } from '../../../shared/procedure'
import { commandBody, joinEvidence, splitEvidence } from '../../../renderer/panes/checklist/evidence'
import { recomputeVerification } from '../../../renderer/panes/checklist/run-context'
import { fixture } from '../ios/fixture'

const site = exampleSite()

describe('evidence: a transcript that can be split back by command', () => {
  it('drops the echo and the closing prompt of an exec output', () => {
    const raw = `show ntp status\r\nClock is synchronized, stratum 4\r\nVG-CME-1#`
    expect(commandBody('show ntp status', raw)).toBe('Clock is synchronized, stratum 4')
    expect(commandBody('show sccp', 'VG-CME-1#show sccp\nSCCP Admin State: UP\n\nVG-CME-1#')).toBe('SCCP Admin State: UP')
  })

  it('round-trips the outputs of a step, so its verification is the same after a restart', () => {
    const outputs = {
      'show dspfarm profile 666': fixture('show-dspfarm-profile-666-active.txt'),
      'show sccp': fixture('show-sccp-secure.txt'),
    }
    expect(verificationCommands('t1-13', site)).toEqual(Object.keys(outputs))
    const evidence = joinEvidence(
      Object.entries(outputs).map(([command, output]) => ({ command, output: `${command}\r\n${output}`, prompt: 'VG-CME-1#' })),
    )
    expect(evidence.split('\n')[0]).toBe('VG-CME-1#show dspfarm profile 666')
    const split = splitEvidence(evidence, Object.keys(outputs))
    expect(Object.keys(split)).toEqual(Object.keys(outputs))
    const direct = evaluateVerification('t1-13', outputs, site)
    const again = evaluateVerification('t1-13', split, site)
    expect(direct.status).toBe('pass')
    expect(again.checks.map((c) => [c.status, c.seen])).toEqual(direct.checks.map((c) => [c.status, c.seen]))
  })

  it('recomputes a failure with its expected, seen and likely causes from stored evidence', () => {
    const evidence = joinEvidence([
      { command: 'show dspfarm profile 666', output: fixture('show-dspfarm-profile-666-not-associated.txt'), prompt: 'VG-CME-1#' },
      { command: 'show sccp', output: fixture('show-sccp-not-connected.txt'), prompt: 'VG-CME-1#' },
    ])
    const result = recomputeVerification('t1-13', { status: 'failed', evidence }, site, {})
    expect(result?.status).toBe('fail')
    expect(result?.checks[0]?.seen).toMatch(/NOT ASSOCIATED/)
    expect(result?.likelyCauses[0]?.id).toBe('profile-needs-sccp-restart')
  })

  it('only a prompt followed by a known command starts a section', () => {
    const text =
      'VG-CME-1(config)#crypto pki export SecureCFB pem terminal\n% CA certificate:\nmentions show sccp inline\nVG-CME-1#show sccp\nSCCP Admin State: UP'
    expect(splitEvidence(text, ['crypto pki export SecureCFB pem terminal', 'show sccp'])).toEqual({
      'crypto pki export SecureCFB pem terminal': '% CA certificate:\nmentions show sccp inline',
      'show sccp': 'SCCP Admin State: UP',
    })
    expect(recomputeVerification('t1-13', { status: 'done', doneBy: 'hand', evidence: text }, site, {})).toBeUndefined()
    expect(recomputeVerification('t1-08', { status: 'failed', evidence: text }, site, {})).toBeUndefined()
  })
})
