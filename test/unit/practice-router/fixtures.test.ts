import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { practiceCucmCertificate } from '../../../electron/services/practice-router'
import { RouterDriver } from './driver'
import { configureBridge, configureBridgeTrustpoint, configureCa, importCucm } from './procedure'

/**
 * Reference material for parser tests elsewhere: a full Task 1 session on the practice router and
 * the CallManager.pem it was given. The files are regenerated here and must match what is committed,
 * so they cannot drift from the router. UPDATE_FIXTURES=1 rewrites them.
 */

const DIR = join(import.meta.dirname, '../../fixtures/practice-router')
const NOW = new Date('2026-02-22T00:08:38.000Z')
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function transcript(): Promise<string> {
  const d = new RouterDriver({ seed: 'fixture', now: () => NOW, ntpSyncDelayMs: 0, enrollDelayMs: 0, registrationDelayMs: 0 })
  try {
    await configureCa(d)
    await d.lines('crypto pki server testCA', 'no shutdown')
    await sleep(20)
    await d.lines('crypto pki server testCA', 'no shutdown', 'cisco123', 'cisco123')
    await configureBridgeTrustpoint(d)
    await d.lines('crypto pki authenticate SecureCFB', 'yes', 'crypto pki enroll SecureCFB', 'pw', 'pw', 'yes')
    await sleep(20)
    await importCucm(d, practiceCucmCertificate('fixture').pem)
    await d.lines('crypto pki export SecureCFB pem terminal', 'crypto pki export SecureCFB pem terminal 3des Secr3tPass')
    await configureBridge(d)
    await sleep(20)
    await d.lines(
      'show dspfarm profile 666',
      'show sccp',
      'show sccp ccm group 666',
      'show crypto pki server',
      'show crypto pki certificates verbose',
      'show crypto pki trustpoints status',
      'show ntp status',
      'show clock',
      'show running-config',
    )
    return d.output
  } finally {
    d.dispose()
  }
}

function check(name: string, content: string): void {
  const path = join(DIR, name)
  if (process.env.UPDATE_FIXTURES === '1' || !existsSync(path)) {
    mkdirSync(DIR, { recursive: true })
    writeFileSync(path, content)
  }
  expect(readFileSync(path, 'utf8')).toBe(content)
}

describe('practice router fixtures', () => {
  it('reproduces the committed Task 1 transcript byte for byte', async () => {
    const text = await transcript()
    expect(text).toContain(' Application : SCCP   Status : ASSOCIATED')
    expect(text).toContain('%PKI-2-NON_AUTHORITATIVE_CLOCK')
    check('task1-transcript.txt', text)
  })

  it('reproduces the committed CallManager.pem and its key', () => {
    const cucm = practiceCucmCertificate('fixture')
    check('CallManager.pem', cucm.pem)
    check('CallManager.key', cucm.keyPem)
  })
})
