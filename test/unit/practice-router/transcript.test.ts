import { afterEach, describe, expect, it } from 'vitest'
import { practiceCucmCertificate } from '../../../electron/services/practice-router'
import { RouterDriver } from './driver'
import {
  CA_IP,
  CUCM_IP,
  authenticateAndEnroll,
  configureBridge,
  configureBridgeTrustpoint,
  configureCa,
  enableCa,
  enrollBridge,
  exportedBlocks,
  importCucm,
} from './procedure'

const NOW = new Date('2026-02-22T00:08:38.000Z')

describe('practice router: Task 1 transcript', () => {
  let d: RouterDriver | undefined
  afterEach(() => d?.dispose())

  it('walks steps 1-7, 9, 10 and 12 to a registered secure conference bridge', async () => {
    d = new RouterDriver({ seed: 'transcript', now: () => NOW })
    expect(d.output).toContain('simulated')
    expect(d.output.endsWith('VG-CME-1>')).toBe(true)

    // Steps 1-3
    await configureCa(d)
    expect(d.output).toContain('VG-CME-1(cs-server)#lifetime certificate 1800\r\n')
    expect(d.output).toContain('VG-CME-1(ca-trustpoint)#rsakeypair testCA\r\n')

    // Step 4
    const enable = await enableCa(d)
    expect(enable).toContain('% Please enter a passphrase to protect the private key')
    expect(enable).toMatch(/Password: \r\n\r\nRe-enter password: \r\n/)
    expect(enable).not.toContain('cisco123')
    expect(enable).toContain('% Generating 1024 bit RSA keys, keys will be non-exportable...')
    expect(enable).toContain('% Certificate Server enabled.')
    expect(enable).toContain('%PKI-6-CS_ENABLED: Certificate server now enabled.')

    // Steps 5-7
    await configureBridgeTrustpoint(d)
    const { authenticate, enroll } = await authenticateAndEnroll(d)
    expect(authenticate).toMatch(
      /Certificate has the following attributes:\r\n {7}Fingerprint MD5: ([0-9A-F]{8} ){4}\r\n {6}Fingerprint SHA1: ([0-9A-F]{8} ){5}\r\n\r\n% Do you accept this certificate\? \[yes\/no\]: yes\r\nTrustpoint CA certificate accepted\.\r\n/,
    )
    expect(enroll).toContain('% Start certificate enrollment ..')
    expect(enroll).toContain('% Create a challenge password.')
    expect(enroll).not.toContain('challenge1')
    expect(enroll).toContain('% The subject name in the certificate will include: cn=SecureCFB')
    expect(enroll).toContain('Request certificate from CA? [yes/no]: yes')
    expect(enroll).toContain('% Certificate request sent to Certificate Authority')

    // Step 9
    const cucm = practiceCucmCertificate('transcript')
    const imported = await importCucm(d, cucm.pem)
    expect(imported).toContain('Enter the base 64 encoded CA certificate.')
    expect(imported).toContain('End with a blank line or the word "quit" on a line by itself')
    expect(imported).toContain('% Do you accept this certificate? [yes/no]: yes')
    expect(imported).toContain('% Certificate successfully imported')

    // Step 10
    const exported = await d.line('crypto pki export SecureCFB pem terminal')
    const blocks = exportedBlocks(exported)
    expect(Object.keys(blocks)).toEqual(['CA certificate/CERTIFICATE', 'General Purpose Certificate/CERTIFICATE'])

    // Before step 12 nothing is registered
    expect(await d.line('do show sccp')).toContain('SCCP Admin State: DOWN')

    // Step 12
    await configureBridge(d)
    const profile = await d.until('show dspfarm profile 666', (out) => out.includes('ACTIVE'))
    expect(profile).toContain(' Profile ID = 666, Service = CONFERENCING, Resource ID = 2\r\n')
    expect(profile).toContain(' Profile Service Mode : secure\r\n')
    expect(profile).toContain(' Trustpoint : SecureCFB\r\n')
    expect(profile).toContain(' Profile Operation State : ACTIVE\r\n')
    expect(profile).toContain(' Application : SCCP   Status : ASSOCIATED\r\n')
    const sccp = await d.line('show sccp')
    expect(sccp).toContain('SCCP Admin State: UP')
    expect(sccp).toContain('TCP Link Status: CONNECTED')
    expect(sccp).toContain('Signaling Security: ENCRYPTED TLS')
    expect(sccp).toContain(`Active Call Manager: ${CUCM_IP}, Port Number: 2443`)

    // Verify commands of the checklist
    const server = await d.line('sh cry pki ser')
    expect(server).toContain('Certificate Server testCA:')
    expect(server).toContain('    Status: enabled')
    expect(server).toContain('    Issuer name: CN=testCA')
    expect(server).toContain('    Granting mode is: auto')
    expect(server).toContain('    Database Level: Complete - all issued certs written as <serialnum>.cer')
    const md5 = /Fingerprint MD5: ((?:[0-9A-F]{8} ?){4})/.exec(authenticate)?.[1]?.trim()
    expect(server).toContain(`CA cert fingerprint: ${md5}`)
    const certs = await d.line('show crypto pki certificates verbose')
    expect(certs).toContain('  Certificate Serial Number (hex): 01\r\n')
    expect(certs).toContain('  Certificate Serial Number (hex): 02\r\n')
    expect(certs).toContain('    start date: 00:08:38 UTC Feb 22 2026\r\n')
    expect(certs).toContain('  Signature Algorithm: MD5 with RSA Encryption')
    expect(certs).toContain('  Associated Trustpoints: SecureCFB testCA ')
    expect(certs).toContain(`  Fingerprint MD5: ${md5} `)
    expect(await d.line('show ntp status')).toContain('Clock is synchronized, stratum 3, reference is 10.10.10.5')
    const run = await d.line('show running-config')
    for (const line of [
      'ntp server 10.10.10.5',
      'ip http server',
      'crypto pki server testCA',
      ' lifetime certificate 1800',
      `crypto pki trustpoint SecureCFB\r\n enrollment url http://${CA_IP}:80\r\n serial-number none\r\n fqdn none\r\n ip-address none\r\n subject-name cn=SecureCFB`,
      'crypto pki trustpoint cucm-pub\r\n enrollment terminal\r\n revocation-check none',
      'crypto pki certificate chain SecureCFB\r\n certificate 02',
      ' certificate ca 01',
      'voice-card 0\r\n dsp services dspfarm',
      'sccp local GigabitEthernet0/1',
      `sccp ccm ${CUCM_IP} identifier 666 version 7.0+`,
      'sccp ccm group 666\r\n associate ccm 666 priority 1\r\n associate profile 666 register SecureCFB',
      'dspfarm profile 666 conference security\r\n trustpoint SecureCFB\r\n codec g711ulaw\r\n codec g711alaw\r\n codec g729r8\r\n maximum sessions 4\r\n associate application SCCP\r\n!',
    ])
      expect(run).toContain(line)
  })

  it('caps the certificate lifetime at the CA lifetime (1800 days asked, about 1095 given)', async () => {
    d = new RouterDriver({ seed: 'lifetime', now: () => NOW })
    await enrollBridge(d)
    const certs = await d.line('do show crypto pki certificates SecureCFB')
    expect(certs).toContain('    end   date: 00:08:38 UTC Feb 21 2029\r\n')
    expect(certs).not.toContain('2031')
  })
})
