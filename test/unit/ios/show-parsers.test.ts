import { describe, expect, it } from 'vitest'
import { parseShowDspfarmProfile } from '../../../shared/ios/dspfarm'
import { parseShowNtpStatus } from '../../../shared/ios/ntp'
import { parseShowPkiServer } from '../../../shared/ios/pki-server'
import { parseShowSccp, parseShowSccpCcmGroup, sccpServiceFor } from '../../../shared/ios/sccp'
import { parseTrustpointsStatus } from '../../../shared/ios/trustpoints'
import { fixture } from './fixture'

describe('parseShowPkiServer', () => {
  it('reads the DOMAIN.md fields', () => {
    const text = `Certificate Server testCA:
    Status: enabled
    State: enabled
    Issuer name: CN=testCA
    CA cert fingerprint: CF2C23D1 560F25DB 22E9D10F E595A6D6
    Granting mode is: auto
    Database Level: Complete - all issued certs written as <serialnum>.cer`
    const result = parseShowPkiServer(text)
    expect(result).toMatchObject({
      ok: true,
      value: {
        servers: [
          {
            name: 'testCA',
            status: 'enabled',
            state: 'enabled',
            enabled: true,
            issuerName: 'CN=testCA',
            caFingerprintMd5: 'CF2C23D1560F25DB22E9D10FE595A6D6',
            grantingMode: 'auto',
            databaseLevel: 'Complete',
          },
        ],
      },
    })
  })

  it('reads the full fixture and the HTTP-disabled variant with CRLF', () => {
    const ok = parseShowPkiServer(fixture('show-crypto-pki-server.txt'))
    if (!ok.ok) throw new Error(ok.reason)
    expect(ok.value.servers[0]).toMatchObject({
      configurationLocked: true,
      lastIssuedSerialHex: '2',
      storageDir: 'nvram:',
      issuer: { cn: 'testCA' },
    })
    expect(ok.value.servers[0]?.caExpiresAt?.utcMs).toBe(Date.UTC(2029, 1, 21, 0, 8, 38))
    const off = parseShowPkiServer(fixture('show-crypto-pki-server-http-disabled.crlf.txt'))
    expect(off).toMatchObject({
      ok: true,
      value: {
        servers: [
          {
            status: 'disabled',
            statusDetail: 'HTTP Server is disabled',
            state: 'check failed',
            enabled: false,
            grantingMode: 'manual',
            databaseLevel: 'Minimum',
          },
        ],
      },
    })
  })

  it('rejects text without a server block', () => {
    expect(parseShowPkiServer('Status: enabled')).toMatchObject({ ok: false, code: 'not-recognised' })
  })
})

describe('parseTrustpointsStatus', () => {
  it('reads each trustpoint: certificates configured, fingerprints, state', () => {
    const result = parseTrustpointsStatus(fixture('show-crypto-pki-trustpoints-status.txt'))
    if (!result.ok) throw new Error(result.reason)
    const [ca, bridge, cucm] = result.value.trustpoints
    expect(ca).toMatchObject({
      name: 'testCA',
      keysGenerated: true,
      keysDetail: 'General Purpose, non-exportable',
      issuingCaAuthenticated: true,
      certificateRequests: 'None',
    })
    expect(ca?.routerCertificate).toBeUndefined()
    expect(bridge?.issuingCa).toMatchObject({
      configured: true,
      subject: { cn: 'testCA' },
      fingerprints: { md5: '6FDAB4E94086D68A86C2ADF387B7173C' },
    })
    expect(bridge?.routerCertificate).toMatchObject({ configured: true, subject: { cn: 'SecureCFB' } })
    expect(bridge?.certificateRequests).toBe('Yes')
    expect(cucm).toMatchObject({ name: 'cucm-pub', keysGenerated: false, issuingCaAuthenticated: false })
    expect(cucm?.issuingCa).toBeUndefined()
  })
})

describe('parseShowNtpStatus', () => {
  it('reads synchronized and unsynchronized clocks', () => {
    expect(parseShowNtpStatus(fixture('show-ntp-status-synced.txt'))).toMatchObject({
      ok: true,
      value: { synchronized: true, stratum: 4, reference: '192.0.2.123', offsetMs: -0.4721, lastUpdateSecondsAgo: 21, neverUpdated: false },
    })
    const unsynced = parseShowNtpStatus(fixture('show-ntp-status-unsynced.crlf.txt'))
    expect(unsynced).toMatchObject({ ok: true, value: { synchronized: false, stratum: 16, neverUpdated: true } })
    expect(unsynced.ok && unsynced.value.reference).toBeUndefined()
  })

  it('reads reference clocks such as .GPS. and British spelling', () => {
    expect(parseShowNtpStatus('Clock is synchronised, stratum 1, reference is .GPS.')).toMatchObject({
      ok: true,
      value: { synchronized: true, reference: '.GPS.' },
    })
  })
})

describe('parseShowDspfarmProfile', () => {
  it('reads the DOMAIN.md registered-and-secure sample', () => {
    const text = ` Profile ID = 666, Service = CONFERENCING, Resource ID = 2
 Profile Service Mode : secure
 Trustpoint : SecureCFB
 Profile Operation State : ACTIVE
 Application : SCCP   Status : ASSOCIATED`
    expect(parseShowDspfarmProfile(text)).toMatchObject({
      ok: true,
      value: {
        profiles: [
          {
            id: 666,
            service: 'CONFERENCING',
            resourceId: 2,
            serviceMode: 'secure',
            secure: true,
            trustpoint: 'SecureCFB',
            operationState: 'ACTIVE',
            application: 'SCCP',
            applicationStatus: 'ASSOCIATED',
          },
        ],
      },
    })
  })

  it('reads the fixtures: codecs, provider status, and the not-associated state', () => {
    const active = parseShowDspfarmProfile(fixture('show-dspfarm-profile-666-active.txt'))
    if (!active.ok) throw new Error(active.reason)
    expect(active.value.profiles[0]).toMatchObject({
      adminState: 'UP',
      resourceProvider: 'FLEX_DSPRM',
      resourceProviderStatus: 'UP',
      maxParticipants: 8,
    })
    expect(active.value.profiles[0]?.codecs).toEqual([
      { name: 'g711ulaw', maxPacketizationMs: 30 },
      { name: 'g711alaw', maxPacketizationMs: 30 },
      { name: 'g729r8', maxPacketizationMs: 60 },
    ])
    expect(parseShowDspfarmProfile(fixture('show-dspfarm-profile-666-not-associated.txt'))).toMatchObject({
      ok: true,
      value: { profiles: [{ operationState: 'RESOURCE ALLOCATED', applicationStatus: 'NOT ASSOCIATED' }] },
    })
  })

  it('reads the TLS lines some releases print and a non-secure profile', () => {
    const text = ` Profile ID = 100, Service = CONFERENCING, Resource ID = 2
 Profile Service Mode : Non Secure
 Trustpoint : Overlord_DSPFarm_GW TLS Version  : v1.2
 TLS Cipher   : ECDHE-RSA-AES256-GCM-SHA384`
    expect(parseShowDspfarmProfile(text)).toMatchObject({
      ok: true,
      value: {
        profiles: [
          {
            secure: false,
            serviceMode: 'Non Secure',
            trustpoint: 'Overlord_DSPFarm_GW',
            tlsVersion: 'v1.2',
            tlsCipher: 'ECDHE-RSA-AES256-GCM-SHA384',
          },
        ],
      },
    })
  })
})

describe('parseShowSccp', () => {
  it('reads the DOMAIN.md secure lines on their own', () => {
    const text = 'TCP Link Status: CONNECTED\nSignaling Security: ENCRYPTED TLS\nActive Call Manager: 192.0.2.20, Port Number: 2443'
    const result = parseShowSccp(text)
    expect(result).toMatchObject({
      ok: true,
      value: {
        services: [{ tcpLinkStatus: 'CONNECTED', signalingSecurity: 'ENCRYPTED TLS', activeCallManager: { ip: '192.0.2.20', port: 2443 } }],
      },
    })
    expect(result.ok && sccpServiceFor(result.value, 666)?.tcpLinkStatus).toBe('CONNECTED')
  })

  it('reads the full secure fixture', () => {
    const result = parseShowSccp(fixture('show-sccp-secure.txt'))
    if (!result.ok) throw new Error(result.reason)
    expect(result.value).toMatchObject({
      adminState: 'UP',
      gatewayInterface: 'GigabitEthernet0/1',
      gatewayIp: '192.0.2.10',
      gatewayPort: 2000,
    })
    expect(result.value.callManagers).toEqual([
      { ip: '192.0.2.20', port: 2443, priority: 'N/A', version: '7.0+', identifier: 666, trustpoint: 'N/A' },
    ])
    const svc = sccpServiceFor(result.value, 666)
    expect(svc).toMatchObject({
      name: 'Conferencing',
      operState: 'ACTIVE',
      causeCode: 'NONE',
      profileIdentifier: 666,
      signalingSecurity: 'ENCRYPTED TLS',
      reportedMaxStreams: 16,
    })
    expect(svc?.codecs).toContain('g729r8')
  })

  it('reads a link that is down', () => {
    const result = parseShowSccp(fixture('show-sccp-not-connected.txt'))
    expect(result.ok && sccpServiceFor(result.value, 666)).toMatchObject({ operState: 'DOWN', tcpLinkStatus: 'NOT_CONNECTED' })
  })

  it('reads the older "Gateway IP Address" line and several services', () => {
    const text = `SCCP Admin State: UP
Gateway IP Address: 12.5.10.1, Port Number: 2000
Call Manager: 12.5.10.1, Port Number: 2000
Priority: N/A, Version: 4.1, Identifier: 2
Transcoding Oper State: ACTIVE - Cause Code: NONE
Active Call Manager: 12.5.10.1, Port Number: 2000
TCP Link Status: CONNECTED, Profile Identifier: 101
Conferencing Oper State: ACTIVE - Cause Code: NONE
Active Call Manager: 12.5.10.1, Port Number: 2000
TCP Link Status: CONNECTED, Profile Identifier: 103`
    const result = parseShowSccp(text)
    if (!result.ok) throw new Error(result.reason)
    expect(result.value.gatewayIp).toBe('12.5.10.1')
    expect(result.value.services.map((s) => [s.name, s.profileIdentifier])).toEqual([
      ['Transcoding', 101],
      ['Conferencing', 103],
    ])
    expect(sccpServiceFor(result.value, 103)?.name).toBe('Conferencing')
    expect(sccpServiceFor(result.value, 999)?.name).toBe('Conferencing')
  })

  it('reads show sccp ccm group, also through ANSI noise and a --More-- pager', () => {
    const expected = {
      groups: [
        {
          id: 666,
          bindInterface: 'GigabitEthernet0/1',
          callManagers: [{ id: 666, priority: 1 }],
          profiles: [{ id: 666, registrationName: 'SecureCFB' }],
        },
      ],
    }
    expect(parseShowSccpCcmGroup(fixture('show-sccp-ccm-group-666.txt'))).toMatchObject({ ok: true, value: expected })
    expect(parseShowSccpCcmGroup(fixture('session-ansi.txt'))).toMatchObject({ ok: true, value: expected })
  })

  it('keeps the priority whether the group line says CCM Group or CUCM Group', () => {
    // The public IOS 15 capture's layout: address on its own line, "Priority in this CCM Group".
    const capture = [
      'CCM Group Identifier: 1',
      ' Description: None',
      ' Binded Interface: FastEthernet0/1.110',
      '        IPv4 Address: 10.10.10.254',
      ' Associated CCM Id: 1, Priority in this CCM Group: 1',
      ' Associated Profile: 1, Registration Name: mtp002414de5631',
    ].join('\n')
    expect(parseShowSccpCcmGroup(capture)).toMatchObject({
      ok: true,
      value: { groups: [{ id: 1, bindInterface: 'FastEthernet0/1.110', callManagers: [{ id: 1, priority: 1 }] }] },
    })
    const cucm = 'CCM Group Identifier: 666\n  Associated CCM Id: 667, Priority in this CUCM Group: 2\n'
    expect(parseShowSccpCcmGroup(cucm)).toMatchObject({
      ok: true,
      value: { groups: [{ id: 666, callManagers: [{ id: 667, priority: 2 }] }] },
    })
  })
})
