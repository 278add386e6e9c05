import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { PracticeRouter, practiceCucmCertificate } from '../../../electron/services/practice-router'
import { commandTree } from '../../../electron/services/practice-router/router'
import { parsePkiExport } from '../../../shared/ios/pem-export'
import { parseShowSccpCcmGroup } from '../../../shared/ios/sccp'
import { getStep } from '../../../shared/procedure/procedure'
import { RouterDriver } from './driver'
import { CUCM_IP, configureBridge, configureBridgeTrustpoint, configureCa, enableCa, enrollBridge, importCucm } from './procedure'

/**
 * Issue 11, "The practice router, against IOS 15.7(3)M": each point driven with the tech note's
 * own text (Cisco TAC document 222343, "Configure Secure Ad Hoc Conference on CUCM 15", run on a
 * CISCO2921 with 15.7(3)M4b) and checked against what IOS prints. Sources per text: the router
 * README's source table.
 */

const INVALID = "% Invalid input detected at '^' marker."
const MORE = ' --More-- '
const ERASE = `${'\b'.repeat(9)}${' '.repeat(9)}${'\b'.repeat(9)}`

describe('practice router against IOS 15.7(3)M', () => {
  let d: RouterDriver
  afterEach(() => d.dispose())

  it('takes a space between interface type and number, as the tech note types sccp local', async () => {
    d = new RouterDriver({ seed: 'fidelity' })
    await d.lines('enable', 'configure terminal')
    // Tech note step 5, exactly.
    expect(await d.line('sccp local GigabitEthernet 0/1')).toBe('sccp local GigabitEthernet 0/1\r\nVG-CME-1(config)#')
    expect(await d.line('interface GigabitEthernet 0/1')).toBe('interface GigabitEthernet 0/1\r\nVG-CME-1(config-if)#')
    expect(await d.line('interface gi 0/2')).toBe('interface gi 0/2\r\nVG-CME-1(config-if)#')
    // An interface the router does not have: the caret sits under the type, where the name starts.
    expect(await d.line('interface GigabitEthernet 0/9')).toContain(`${' '.repeat(27)}^\r\n${INVALID}`)
    expect(await d.send('sccp local GigabitEthernet ?')).toContain('\r\n  <0-0>  GigabitEthernet interface number\r\n')
    await d.send('\x15')
    await d.line('end')
    const run = await d.line('show running-config')
    expect(run).toContain('\r\nsccp local GigabitEthernet0/1\r\n')
    expect(run).not.toContain('GigabitEthernet 0/1')
  })

  it('takes dsp services dspfarm and its abbreviation dsp service dspfarm, and prints the full form', async () => {
    d = new RouterDriver({ seed: 'fidelity' })
    await d.lines('enable', 'configure terminal', 'voice-card 0')
    expect(await d.line('dsp services dspfarm')).toBe('dsp services dspfarm\r\nVG-CME-1(config-voicecard)#')
    expect(await d.line('no dsp services dspfarm')).toBe('no dsp services dspfarm\r\nVG-CME-1(config-voicecard)#')
    // Tech note step 5 spelling.
    expect(await d.line('dsp service dspfarm')).toBe('dsp service dspfarm\r\nVG-CME-1(config-voicecard)#')
    expect(await d.line('do show running-config | include dsp')).toContain('\r\n dsp services dspfarm\r\n')
  })

  it('refuses to export the key enrollment made non-exportable, and exports the certificates without it', async () => {
    d = new RouterDriver({ seed: 'fidelity' })
    const { enroll } = await enrollBridge(d)
    expect(enroll).toContain('% Generating 1024 bit RSA keys, keys will be non-exportable...')
    const refused = await d.line('crypto pki export SecureCFB pem terminal 3des cisco1234')
    expect(refused).toBe(
      'crypto pki export SecureCFB pem terminal 3des cisco1234\r\n% RSA keypair SecureCFB is not exportable.\r\nVG-CME-1(config)#',
    )
    // Tech note step 4.1: without 3des both certificates come out.
    const plain = parsePkiExport(await d.line('crypto pki export SecureCFB pem terminal'))
    if (!plain.ok) throw new Error(plain.reason)
    expect(plain.value.caCertificate).toBeDefined()
    expect(plain.value.certificate).toBeDefined()
    expect(plain.value.privateKey).toBeUndefined()
  })

  it('exports the CA certificate of a trustpoint that is not enrolled, as a real way to get testCA.pem', async () => {
    d = new RouterDriver({ seed: 'fidelity' })
    await configureCa(d)
    await enableCa(d)
    const out = await d.line('crypto pki export testCA pem terminal')
    expect(
      out.startsWith(
        'crypto pki export testCA pem terminal\r\n% The specified trustpoint is not enrolled (testCA).\r\n' +
          '% Only export the CA certificate in PEM format.\r\n% CA certificate:\r\n-----BEGIN CERTIFICATE-----\r\n',
      ),
    ).toBe(true)
    expect(out.endsWith('-----END CERTIFICATE-----\r\n\r\nVG-CME-1(config)#')).toBe(true)
    const parsed = parsePkiExport(out)
    if (!parsed.ok) throw new Error(parsed.reason)
    const server = await d.line('do show crypto pki server')
    const fingerprint = /CA cert fingerprint: ((?:[0-9A-F]{8} ?){4})/.exec(server)?.[1]?.replace(/ /g, '')
    const md5 = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-md5'], {
      input: parsed.value.caCertificate?.pem ?? '',
    }).toString()
    expect(md5.replace(/^.*=|:|\s/g, '')).toBe(fingerprint)
    expect(parsed.value.certificate).toBeUndefined()
  })

  it('enrolls with fqdn none as the tech note shows, then logs the request fingerprints', async () => {
    d = new RouterDriver({ seed: 'fidelity' })
    await configureCa(d)
    await d.lines('crypto pki server testCA', 'no grant auto')
    await enableCa(d)
    await configureBridgeTrustpoint(d)
    await d.lines('crypto pki authenticate SecureCFB', 'yes')
    const from = d.output.length
    const out = await d.lines('crypto pki enroll SecureCFB', 'challenge1', 'challenge1', 'yes')
    // Tech note step 2.3, in its order.
    expect(out).toContain(
      'Re-enter password: \r\n\r\n% The subject name in the certificate will include: cn=SecureCFB\r\n' +
        '% The fully-qualified domain name will not be included in the certificate\r\n' +
        'Request certificate from CA? [yes/no]: yes\r\n% Certificate request sent to Certificate Authority\r\n' +
        "% The 'show crypto pki certificate verbose SecureCFB' commandwill show the fingerprint.\r\n\r\nVG-CME-1(config)#",
    )
    expect(out).not.toContain('% Include the router serial number')
    expect(out).not.toContain('% Include an IP address')
    // After the prompt, both fingerprint lines together, MD5 first (public IOS 15 enroll captures).
    const logged =
      /VG-CME-1\(config\)#\r\n\*?\w{3} +\d+ [\d:.]+: CRYPTO_PKI: {2}Certificate Request Fingerprint MD5: ((?:[0-9A-F]{8} ){4})\r\n\*?\w{3} +\d+ [\d:.]+: CRYPTO_PKI: {2}Certificate Request Fingerprint SHA1: (?:[0-9A-F]{8} ){5}\r\nVG-CME-1\(config\)#$/.exec(
        d.output.slice(from),
      )
    expect(logged).not.toBeNull()
    // The MD5 is the request's: the CA's request database lists the same one.
    const requests = await d.line('do crypto pki server testCA info requests')
    expect(requests).toContain(`1      pending    ${(logged?.[1] ?? '').replace(/ /g, '')} cn=SecureCFB`)
  })

  it('answers the troubleshooting debugs and undebug all', async () => {
    d = new RouterDriver({ seed: 'fidelity' })
    await d.line('enable')
    expect(await d.line('debug crypto pki messages')).toBe('debug crypto pki messages\r\nCrypto PKI Msgs debugging is on\r\nVG-CME-1#')
    expect(await d.line('debug crypto pki transactions')).toContain('\r\nCrypto PKI Trans debugging is on\r\n')
    expect(await d.line('debug sccp messages')).toContain('\r\nSCCP messages debugging is on\r\n')
    expect(await d.line('debug sccp events')).toContain('\r\nSCCP events debugging is on\r\n')
    expect(await d.line('debug ssl openssl errors')).toContain('\r\nssl openssl errors debugging is on\r\n')
    expect(await d.line('undebug all')).toBe('undebug all\r\nAll possible debugging has been turned off\r\nVG-CME-1#')
    expect(await d.line('un all')).toContain('All possible debugging has been turned off')
  })

  it('shows one trustpoint, one trustpoint verbose, and the SCCP connections', async () => {
    d = new RouterDriver({ seed: 'fidelity' })
    await enrollBridge(d)
    await d.line('end')
    const status = await d.line('show crypto pki trustpoints SecureCFB status')
    expect(status).toContain('Trustpoint SecureCFB:')
    expect(status).not.toContain('Trustpoint testCA:')
    expect(status).toContain('Router General Purpose certificate configured:')
    const verbose = await d.line('show crypto pki certificates SecureCFB verbose')
    expect(verbose).toContain('  Fingerprint SHA1: ')
    expect(verbose).toMatch(/\r\nCertificate\r\n[\s\S]*cn=SecureCFB[\s\S]*Associated Trustpoints: SecureCFB \r\n/)
    expect(verbose).toEqual(
      await d.line('show crypto pki certificates verbose SecureCFB').then((o) => o.replace('verbose SecureCFB', 'SecureCFB verbose')),
    )
    expect(await d.line('show sccp connections')).toBe(
      'show sccp connections\r\nsess_id    conn_id    stype        mode     codec  ripaddr      rport sport\r\n\r\n' +
        'Total number of active session(s) 0, and connection(s) 0\r\nVG-CME-1#',
    )
  })

  it('keeps enable secret as a type 5 hash that openssl reproduces, and asks for it', async () => {
    d = new RouterDriver({ seed: 'fidelity' })
    await d.lines('enable', 'configure terminal', 'enable password plain1', 'enable secret S3cret!x', 'end')
    const line = /\r\nenable secret 5 (\$1\$([^$]{4})\$[./0-9A-Za-z]{22})\r\n/.exec(await d.line('show running-config'))
    expect(line).not.toBeNull()
    const openssl = execFileSync('openssl', ['passwd', '-1', '-salt', line?.[2] ?? '', 'S3cret!x'])
      .toString()
      .trim()
    expect(openssl).toBe(line?.[1])
    await d.line('disable')
    // The secret wins over the password.
    expect(await d.lines('enable', 'plain1', 'plain1', 'plain1')).toContain('% Bad secrets')
    expect(await d.lines('enable', 'S3cret!x')).toMatch(/VG-CME-1#$/)
    await d.line('configure terminal')
    expect(await d.line('enable secret 5 nothash')).toContain('ERROR: The secret you entered is not a valid encrypted secret.')
  })

  it('pages long output at --More-- with the IOS keys, and terminal length 0 turns it off', async () => {
    d = new RouterDriver({ seed: 'fidelity', terminalLength: 24 })
    await configureCa(d)
    await d.line('end')
    const first = await d.line('show running-config')
    expect(first.endsWith(MORE)).toBe(true)
    const body = first.slice('show running-config\r\n'.length, -MORE.length)
    expect(body.split('\r\n')).toHaveLength(24) // 23 lines and the empty tail after the last CR LF
    const page = await d.send(' ')
    expect(page.startsWith(ERASE)).toBe(true)
    expect(page.slice(ERASE.length, -MORE.length).split('\r\n')).toHaveLength(24)
    const one = await d.send('\r')
    expect(one.slice(ERASE.length, -MORE.length).split('\r\n')).toHaveLength(2)
    // A terminal's CR LF is one Enter, not two.
    const crlf = await d.send('\r\n')
    expect(crlf.slice(ERASE.length, -MORE.length).split('\r\n')).toHaveLength(2)
    // Any other key drops the rest; the key is not typed into the next command line.
    expect(await d.send('q')).toBe(`${ERASE}VG-CME-1#`)
    expect(await d.line('terminal length 0')).toBe('terminal length 0\r\nVG-CME-1#')
    const whole = await d.line('show running-config')
    expect(whole).not.toContain('--More--')
    expect(whole.endsWith('end\r\n\r\nVG-CME-1#')).toBe(true)
  })

  it('pages at 24 lines by default, as an IOS line does', async () => {
    const router = new PracticeRouter({ seed: 'fidelity' })
    let out = ''
    router.onOutput((text) => {
      out += text
    })
    router.start()
    router.input('show version\r')
    await router.idle()
    expect(out.endsWith(MORE)).toBe(true)
    router.input('\x03')
    await router.idle()
    expect(out.endsWith(`${ERASE}VG-CME-1>`)).toBe(true)
    router.dispose()
  })

  it('describes every entry ? lists, and answers ? after a certificate server name', async () => {
    expect(commandTree().undocumented()).toEqual([])
    d = new RouterDriver({ seed: 'fidelity' })
    await d.lines('enable', 'configure terminal', 'crypto pki server testCA')
    expect(await d.send('?')).toMatch(/\r\n {2}shutdown +\S.*\r\n/)
    expect(await d.send('\x15lifetime ca-certificate ?')).toContain('\r\n  <1-7305>  Lifetime in days\r\n')
    await d.send('\x15')
    await d.line('end')
    const help = await d.send('show crypto pki server testCA ?')
    expect(help).not.toContain('% Unrecognized command')
    expect(help).toMatch(/\r\n {2}requests +\S.*\r\n {2}\| +Output modifiers\r\n {2}<cr>\r\n/)
  })

  it('shows the import time, not the start date, as the install time of an imported certificate', async () => {
    let now = new Date('2026-02-22T00:08:38.000Z')
    d = new RouterDriver({ seed: 'fidelity', now: () => now })
    await configureCa(d)
    now = new Date('2026-03-04T09:15:00.000Z')
    await importCucm(d, practiceCucmCertificate('fidelity').pem)
    now = new Date('2026-03-05T10:00:00.000Z')
    const out = await d.line('do show crypto pki certificates verbose cucm-pub')
    expect(out).toContain('  Cert install time: 09:15:00 UTC Mar 4 2026\r\n')
  })

  it('takes a short CA passphrase, and the checklist claims no minimum IOS does not state', async () => {
    d = new RouterDriver({ seed: 'fidelity' })
    await configureCa(d)
    expect(await enableCa(d, 'abc')).toContain('% Certificate Server enabled.')
    const note = getStep('t1-04')?.prompts?.find((p) => p.answer === 'passphrase' && p.match.startsWith('^Password'))?.note ?? ''
    expect(note).not.toMatch(/at least \d+ characters/)
    expect(note).toContain('no minimum')
  })

  it('prints show sccp ccm group so that its parser keeps the priority', async () => {
    d = new RouterDriver({ seed: 'fidelity' })
    await configureCa(d)
    await configureBridge(d)
    const group = parseShowSccpCcmGroup(await d.line('show sccp ccm group 666'))
    if (!group.ok) throw new Error(group.reason)
    expect(group.value.groups[0]?.callManagers).toEqual([{ id: 666, priority: 1 }])
    expect(await d.line('show sccp')).toContain(
      `Call Manager: ${CUCM_IP}, Port Number: 2443\r\n  Priority: N/A, Version: 7.0+, Identifier: 666\r\n  Trustpoint: N/A\r\n`,
    )
  })
})
