import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { normalizeFingerprint } from '../../../shared/ios/fingerprint'
import { exampleSite } from '../../../shared/procedure/site'
import { evaluatePrecheck, evaluateVerification, verificationCommands } from '../../../shared/procedure/verification'
import { fixture, fixtureDir } from '../ios/fixture'

const site = exampleSite()
const NOW = Date.UTC(2027, 0, 1)
const causes = (r: { likelyCauses: ReadonlyArray<{ id: string }> }): string[] => r.likelyCauses.map((c) => c.id)

function opensslFingerprint(file: string, digest: 'md5' | 'sha1'): string {
  const out = execFileSync('openssl', ['x509', '-in', fixtureDir + file, '-noout', '-fingerprint', `-${digest}`], { encoding: 'utf8' })
  return normalizeFingerprint(out.split('=')[1] ?? '')
}

const CUCM_AUTHENTICATED = `Trustpoint cucm-pub:
  Issuing CA certificate configured:
    Subject Name:
     cn=CUCMPUB15.uc.com,ou=a,o=cisco,l=b,st=c,c=CN
  State:
    Keys generated ............. No
    Issuing CA authenticated ....... Yes
    Certificate request(s) ..... None`

describe('evaluateVerification', () => {
  it('step 1 passes when NTP is synchronized and both lines are configured', () => {
    const r = evaluateVerification(
      't1-01',
      {
        'show ntp status': fixture('show-ntp-status-synced.txt'),
        'show running-config | include ntp server|ip http server': 'ntp server 192.0.2.123\nip http server\nVG-CME-1#',
      },
      site,
    )
    expect(r).toMatchObject({ status: 'pass', ok: true, likelyCauses: [], missingCommands: [] })
    expect(r.seen).toContain('Clock is synchronized, stratum 4, reference 192.0.2.123')
  })

  it('step 1 fails on an unsynchronized clock and blames the unreachable server first', () => {
    const r = evaluateVerification(
      't1-01',
      {
        'show ntp status': fixture('show-ntp-status-unsynced.crlf.txt'),
        'show running-config | include ntp server|ip http server': 'ntp server 192.0.2.123\nno ip http server',
      },
      site,
    )
    expect(r.status).toBe('fail')
    expect(r.expected).toEqual(['Configuration contains: ntp server 192.0.2.123 | ip http server', 'Clock is synchronized'])
    expect(r.seen).toEqual(['Missing: ip http server', 'Clock is unsynchronized, stratum 16'])
    expect(causes(r)).toEqual(['command-rejected', 'ntp-unreachable', 'clock-not-synced'])
    expect(r.likelyCauses[1]?.detail).toContain('192.0.2.123')
  })

  it('step 4 refuses to start the CA until NTP is synchronized (precheck)', () => {
    expect(verificationCommands('t1-04', site, 'pre')).toEqual(['show ntp status'])
    expect(evaluatePrecheck('t1-04', { 'show ntp status': fixture('show-ntp-status-unsynced.crlf.txt') }, site).status).toBe('fail')
    expect(evaluatePrecheck('t1-04', { 'show ntp status': fixture('show-ntp-status-synced.txt') }, site).status).toBe('pass')
  })

  it('step 4 passes on an enabled auto-granting CA and points at HTTP when the server says so', () => {
    expect(evaluateVerification('t1-04', { 'show crypto pki server': fixture('show-crypto-pki-server.txt') }, site).status).toBe('pass')
    const r = evaluateVerification('t1-04', { 'show crypto pki server': fixture('show-crypto-pki-server-http-disabled.crlf.txt') }, site)
    expect(r.status).toBe('fail')
    expect(r.seen[0]).toBe('Status: disabled, HTTP Server is disabled; State: check failed')
    expect(causes(r)).toEqual(['http-server-disabled', 'clock-not-synced', 'ca-not-enabled', 'grant-manual'])
  })

  it('step 6 compares the trustpoint CA fingerprint with the certificate server', () => {
    const outputs = {
      'show crypto pki trustpoints status': fixture('show-crypto-pki-trustpoints-status.txt'),
      'show crypto pki server': fixture('show-crypto-pki-server.txt'),
    }
    expect(evaluateVerification('t1-06', outputs, site).status).toBe('pass')
    const forged = {
      ...outputs,
      'show crypto pki server': outputs['show crypto pki server'].replace('6FDAB4E9 4086D68A', '6FDAB4E9 4086D68B'),
    }
    const r = evaluateVerification('t1-06', forged, site)
    expect(r.status).toBe('fail')
    expect(causes(r)).toEqual(['fingerprint-mismatch'])
  })

  it('step 7 needs an Available certificate with cn=<bridge name>, within its dates', () => {
    const verbose = fixture('show-crypto-pki-certificates-verbose.txt')
    expect(evaluateVerification('t1-07', { 'show crypto pki certificates SecureCFB': verbose }, site, { now: NOW }).status).toBe('pass')
    const expired = evaluateVerification('t1-07', { 'show crypto pki certificates SecureCFB': verbose }, site, {
      now: Date.UTC(2030, 0, 1),
    })
    expect(expired.status).toBe('fail')
    expect(causes(expired)[0]).toBe('certificate-expired')
    // This computer is a month behind the router, whose clock is right: the certificates are current.
    const monthBehind = Date.UTC(2026, 10, 1)
    const outputs = { 'show crypto pki certificates SecureCFB': verbose }
    expect(
      evaluateVerification('t1-07', outputs, site, { now: monthBehind }).checks.find((c) => c.kind === 'certificates-current')?.status,
    ).toBe('fail')
    const routerRight = evaluateVerification('t1-07', { ...outputs, 'show clock': '*10:00:00.000 UTC Tue Dec 1 2026' }, site, {
      now: monthBehind,
    })
    expect(routerRight.checks.find((c) => c.kind === 'certificates-current')?.status).toBe('pass')
    const early = evaluateVerification('t1-07', { 'show crypto pki certificates SecureCFB': verbose }, site, { now: Date.UTC(2026, 0, 1) })
    expect(causes(early)[0]).toBe('clock-not-synced')
    const pending = evaluateVerification(
      't1-07',
      { 'show crypto pki certificates SecureCFB': fixture('show-crypto-pki-certificates-old.txt') },
      site,
      { now: NOW },
    )
    expect(pending.status).toBe('fail')
    expect(causes(pending)[0]).toBe('grant-manual')
    const renamed = evaluateVerification(
      't1-07',
      { 'show crypto pki certificates SecureCFB': verbose.replace('cn=SecureCFB', 'cn=OtherCFB') },
      site,
      { now: NOW },
    )
    expect(causes(renamed)[0]).toBe('bridge-name-cn-mismatch')
  })

  it('step 9 checks the imported certificate against CallManager.pem from the workbench', () => {
    const callManagerPem = { md5: opensslFingerprint('CallManager.pem', 'md5'), sha1: opensslFingerprint('CallManager.pem', 'sha1') }
    const outputs = {
      'show crypto pki trustpoints status': CUCM_AUTHENTICATED,
      'show crypto pki certificates verbose': fixture('show-crypto-pki-certificates-verbose.txt'),
    }
    expect(evaluateVerification('t1-09', outputs, site, { now: NOW, expectedFingerprints: { callManagerPem } }).status).toBe('pass')
    const without = evaluateVerification('t1-09', outputs, site, { now: NOW })
    expect(without.status).toBe('incomplete')
    expect(without.seen).toContain('CallManager.pem is not loaded in the workbench.')
    const other = evaluateVerification('t1-09', outputs, site, {
      now: NOW,
      expectedFingerprints: { callManagerPem: { sha1: opensslFingerprint('testCA.pem', 'sha1') } },
    })
    expect(causes(other)).toEqual(['fingerprint-mismatch'])
    const notImported = evaluateVerification(
      't1-09',
      { ...outputs, 'show crypto pki trustpoints status': fixture('show-crypto-pki-trustpoints-status.txt') },
      site,
      { now: NOW, expectedFingerprints: { callManagerPem } },
    )
    expect(causes(notImported)[0]).toBe('cucm-certificate-not-imported')
  })

  it('step 10 needs both certificates in the export', () => {
    expect(
      evaluateVerification('t1-10', { 'crypto pki export SecureCFB pem terminal': fixture('export-securecfb.txt') }, site).status,
    ).toBe('pass')
    const r = evaluateVerification('t1-10', { 'crypto pki export SecureCFB pem terminal': fixture('export-not-enrolled.txt') }, site)
    expect(r.status).toBe('fail')
    expect(causes(r)[0]).toBe('ca-not-authenticated')
    // IOS exports the CA certificate alone when the trustpoint is not enrolled: say so.
    expect(JSON.stringify(r)).toMatch(/is not enrolled: the router exported its CA certificate only/)
  })

  it('step 12 checks the profile and the registration name', () => {
    const outputs = {
      'show dspfarm profile 666': fixture('show-dspfarm-profile-666-not-associated.txt'),
      'show sccp ccm group 666': fixture('show-sccp-ccm-group-666.txt'),
    }
    expect(evaluateVerification('t1-12', outputs, site).status).toBe('pass')
    const r = evaluateVerification(
      't1-12',
      {
        ...outputs,
        'show sccp ccm group 666': outputs['show sccp ccm group 666'].replace('Registration Name: SecureCFB', 'Registration Name: CFB1'),
      },
      site,
    )
    expect(r.status).toBe('fail')
    expect(causes(r)[0]).toBe('bridge-name-cn-mismatch')
  })

  it('step 13 passes when registered over TLS and lists the troubleshoot causes when not', () => {
    const ok = evaluateVerification(
      't1-13',
      { 'show dspfarm profile 666': fixture('show-dspfarm-profile-666-active.txt'), 'show sccp': fixture('show-sccp-secure.txt') },
      site,
    )
    expect(ok).toMatchObject({ status: 'pass', ok: true })
    expect(ok.manual).toEqual(['CUCM shows the bridge as "Registered with Cisco Unified Communications Manager CUCMPUB15".'])
    const bad = evaluateVerification(
      't1-13',
      {
        'show dspfarm profile 666': fixture('show-dspfarm-profile-666-not-associated.txt'),
        'show sccp': fixture('show-sccp-not-connected.txt'),
      },
      site,
    )
    expect(bad.status).toBe('fail')
    expect(causes(bad)[0]).toBe('profile-needs-sccp-restart')
    expect(causes(bad)).toEqual(
      expect.arrayContaining([
        'bridge-name-cn-mismatch',
        'wrong-trust-store-or-not-restarted',
        'cluster-not-mixed-mode',
        'security-mode-mismatch',
        'certificate-expired',
      ]),
    )
    expect(bad.seen[1]).toBe('TCP Link Status NOT_CONNECTED, Active Call Manager NONE port 0, Signaling Security not shown')
    const wrongCm = evaluateVerification(
      't1-13',
      { 'show dspfarm profile 666': fixture('show-dspfarm-profile-666-active.txt'), 'show sccp': fixture('show-sccp-secure.txt') },
      { ...site, cucmNodes: [{ name: 'CUCMPUB15', ip: '192.0.2.21', priority: 1, publisher: true }] },
    )
    expect(causes(wrongCm)[0]).toBe('sccp-address-wrong')
  })

  it('the Verify step passes on the full set of healthy outputs, keyed loosely', () => {
    const r = evaluateVerification(
      'v-01',
      {
        'SHOW SCCP ': fixture('show-sccp-secure.txt'),
        'show  sccp ccm group 666': fixture('show-sccp-ccm-group-666.txt'),
        'show dspfarm profile 666': fixture('show-dspfarm-profile-666-active.txt'),
        'show crypto pki certificates verbose': fixture('show-crypto-pki-certificates-verbose.txt'),
        'show crypto pki server': fixture('show-crypto-pki-server.txt'),
        'show ntp status': fixture('show-ntp-status-synced.txt'),
      },
      site,
      { now: NOW },
    )
    expect(r.checks.filter((c) => c.status !== 'pass')).toEqual([])
    expect(r.status).toBe('pass')
  })

  it('reports missing outputs as incomplete, web steps as manual, and unknown steps', () => {
    const r = evaluateVerification('v-01', { 'show sccp': fixture('show-sccp-secure.txt') }, site, { now: NOW })
    expect(r.status).toBe('incomplete')
    expect(r.missingCommands).toEqual([
      'show sccp ccm group 666',
      'show dspfarm profile 666',
      'show crypto pki certificates verbose',
      'show crypto pki server',
      'show ntp status',
      'show clock',
    ])
    expect(evaluateVerification('t1-11', {}, site)).toMatchObject({
      status: 'manual',
      ok: false,
      manual: [
        'SecureCFB is listed under CallManager-trust (not tomcat-trust); testCA too if you uploaded it.',
        'Cisco CallManager was restarted on CUCMPUB15 after the upload.',
      ],
    })
    expect(evaluateVerification('nope', {}, site).status).toBe('unknown-step')
    expect(evaluateVerification('ts-01', {}, site).status).toBe('none')
  })

  it('puts a command the router rejected first among the causes', () => {
    const r = evaluateVerification(
      't1-12',
      {
        'show dspfarm profile 666': "show dspfarm profile 666\n                     ^\n% Invalid input detected at '^' marker.\n",
        'show sccp ccm group 666': fixture('show-sccp-ccm-group-666.txt'),
      },
      site,
    )
    expect(r.status).toBe('fail')
    expect(r.routerErrors).toEqual(["% Invalid input detected at '^' marker."])
    expect(causes(r)[0]).toBe('command-rejected')
  })
})
