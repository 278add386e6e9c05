import { describe, expect, it } from 'vitest'
import { defaultSite, exampleSite, SiteVarsSchema, SITE_FIELD_NAMES, SITE_FIELDS } from '../../../shared/procedure/site'
import { validateSite } from '../../../shared/procedure/validate-site'
import { checkInterfaceName, checkIpv4, normalizeInterfaceName } from '../../../shared/procedure/validators'

const messages = (vars: Record<string, unknown>, field: string): string[] =>
  (validateSite({ ...exampleSite(), ...vars }).fields[field as keyof ReturnType<typeof exampleSite>] ?? []).map(
    (i) => `${i.severity}: ${i.message}`,
  )

describe('site variables', () => {
  it('defaults to the tech note values', () => {
    const site = defaultSite()
    expect(site).toMatchObject({
      sccpInterface: 'GigabitEthernet0/1',
      caName: 'testCA',
      bridgeName: 'SecureCFB',
      cucmTrustpoint: 'cucm-pub',
      dspProfileId: 666,
      ccmIdentifier: 666,
      ccmGroupId: 666,
      codecs: ['g711ulaw', 'g711alaw', 'g729r8'],
      maximumSessions: 4,
      sccpVersion: '7.0+',
      phoneDns: ['1001', '1002', '1003'],
      lifetimeCertificateDays: 1800,
      ntpServerIp: '',
    })
    // Each parse gets its own arrays.
    site.codecs.push('opus')
    expect(defaultSite().codecs).toHaveLength(3)
  })

  it('describes every field for the form', () => {
    for (const field of SITE_FIELD_NAMES) expect(SITE_FIELDS[field].label.length).toBeGreaterThan(2)
  })

  it('stores half-typed values (shape only) but rejects wrong types', () => {
    expect(SiteVarsSchema.safeParse({ caIp: '10.0.' }).success).toBe(true)
    expect(SiteVarsSchema.safeParse({ dspProfileId: '666' }).success).toBe(false)
  })

  it('the example site is valid; the default site lacks only the three addresses', () => {
    expect(validateSite(exampleSite())).toMatchObject({ ok: true, errorCount: 0 })
    const d = validateSite(defaultSite())
    expect(
      Object.keys(d.fields)
        .filter((f) => d.fields[f as 'caIp']?.some((i) => i.severity === 'error'))
        .sort(),
    ).toEqual(['caIp', 'cucmNodes', 'ntpServerIp'])
  })
})

describe('IPv4 validation', () => {
  it.each([
    ['10.10.10.1', []],
    ['', ['error: Required: an IPv4 address such as 10.10.10.1.']],
    ['10.10.10', ['error: An IPv4 address has 4 numbers separated by dots; this has 3.']],
    ['10.010.10.1', ['error: Part 2 ("010") has a leading zero; IOS may read it as octal. Write 10.']],
    ['10.10.256.1', ['error: Part 3 is 256; each part must be 0–255.']],
    ['0.0.0.0', ['error: 0.0.0.0 is not a host address.']],
    ['255.255.255.255', ['error: 255.255.255.255 is the broadcast address, not a host.']],
    ['127.0.0.1', ['error: 127.x.x.x is the loopback range: another device cannot reach it.']],
    ['224.0.0.5', ['error: 224–239.x.x.x is multicast, not a host address.']],
    ['10.a.10.1', ['error: Part 2 ("a") is not a number.']],
    [' 10.1.1.1', ['error: Remove the spaces around the address.']],
  ])('%j', (value, expected) => {
    expect(checkIpv4(value).map((i) => `${i.severity}: ${i.message}`)).toEqual(expected)
  })

  it('warns on link-local', () => {
    expect(checkIpv4('169.254.1.1')[0]?.severity).toBe('warning')
  })
})

describe('interface names', () => {
  it.each([
    'GigabitEthernet0/1',
    'Gi0/1',
    'gi0/0/1',
    'FastEthernet0/0',
    'Loopback0',
    'Vlan10',
    'GigabitEthernet0/1.100',
    'GigabitEthernet 0/1',
    'Port-channel1',
  ])('accepts %s', (name) => {
    expect(checkInterfaceName(name)).toEqual([])
  })

  it.each([
    ['', 'Required'],
    ['Serial0/0/0', 'not an interface type'],
    ['GigabitEthernet', 'needs a number'],
    ['Gi0//1', 'not a slot/port number'],
    ['Vlan5000', 'outside 1–4094'],
    ['Loopback0/1', 'not a number like 0 or 10'],
  ])('rejects %j', (name, reason) => {
    expect(checkInterfaceName(name)[0]?.message).toContain(reason)
  })

  it('normalises abbreviations to the full IOS name', () => {
    expect(normalizeInterfaceName('Gi0/1')).toBe('GigabitEthernet0/1')
    expect(normalizeInterfaceName('fa 0/0')).toBe('FastEthernet0/0')
    expect(normalizeInterfaceName('lo0')).toBe('Loopback0')
    expect(normalizeInterfaceName('Tunnel0')).toBeUndefined()
  })
})

describe('names, numbers, codecs, versions, DNs', () => {
  it('holds the bridge name to 15 characters and IOS characters', () => {
    expect(messages({ bridgeName: 'SecureCFB' }, 'bridgeName')).toEqual([])
    expect(messages({ bridgeName: 'SecureConfBridge1' }, 'bridgeName')).toEqual([
      'error: The bridge name is 17 characters; the limit is 15.',
    ])
    expect(messages({ bridgeName: 'Secure CFB' }, 'bridgeName')[0]).toContain('cannot contain spaces')
    expect(messages({ bridgeName: 'Secure/CFB' }, 'bridgeName')[0]).toContain('remove "/"')
    expect(messages({ bridgeName: '' }, 'bridgeName')[0]).toContain('Required')
  })

  it('warns on a CA name over 13 characters and refuses duplicate trustpoint names', () => {
    expect(messages({ caName: 'LabRootCertAuth' }, 'caName')[0]).toMatch(/^warning: .*13 characters/)
    expect(messages({ cucmTrustpoint: 'SecureCFB' }, 'cucmTrustpoint')).toEqual([
      'error: Same as the bridge name: each trustpoint needs its own name.',
    ])
    expect(messages({ bridgeName: 'TESTCA' }, 'bridgeName')[0]).toMatch(/^warning: Differs from the CA name only in case/)
  })

  it('checks number ranges, accepting digits typed as text', () => {
    expect(messages({ dspProfileId: 0 }, 'dspProfileId')).toEqual(['error: The DSP farm profile number must be 1–65535; 0 is outside.'])
    expect(messages({ dspProfileId: '70000' }, 'dspProfileId')[0]).toContain('70000 is outside')
    expect(messages({ dspProfileId: '66a' }, 'dspProfileId')).toEqual(['error: The DSP farm profile number must be a whole number.'])
    expect(messages({ dspProfileId: '666' }, 'dspProfileId')).toEqual([])
    expect(messages({ maximumSessions: 0 }, 'maximumSessions')[0]).toContain('1–128')
    expect(messages({ maximumSessions: 64 }, 'maximumSessions')[0]).toMatch(/^warning:/)
    expect(messages({ lifetimeCertificateDays: 2000 }, 'lifetimeCertificateDays')[0]).toContain('1–1825')
  })

  it('warns that the certificate lifetime is capped by the CA', () => {
    expect(messages({}, 'lifetimeCertificateDays')).toEqual([
      "warning: Longer than the CA's own lifetime (1095 days): IOS caps issued certificates at the CA's end date, so the bridge certificate will last about 1095 days, not 1800.",
    ])
    expect(messages({ lifetimeCertificateDays: 365 }, 'lifetimeCertificateDays')).toEqual([])
  })

  it('checks codecs against the known set', () => {
    expect(messages({ codecs: 'g711ulaw g711alaw g729r8' }, 'codecs')).toEqual([])
    expect(messages({ codecs: ['g711ulaw', 'g728'] }, 'codecs')[0]).toContain('Unknown codec "g728"')
    expect(messages({ codecs: 'g711ulaw,g711ulaw' }, 'codecs')[0]).toContain('listed twice')
    expect(messages({ codecs: [] }, 'codecs')[0]).toContain('at least one codec')
    expect(messages({ codecs: ['g729r8'] }, 'codecs')[0]).toMatch(/^warning: No G\.711/)
  })

  it('checks SCCP versions', () => {
    expect(messages({ sccpVersion: '7.0+' }, 'sccpVersion')).toEqual([])
    expect(messages({ sccpVersion: '7.1' }, 'sccpVersion')[0]).toMatch(/^error: "7.1" is not an SCCP version/)
    expect(messages({ sccpVersion: '5.0.1' }, 'sccpVersion')[0]).toMatch(/^warning: Version 5.0.1 predates/)
    expect(messages({ sccpVersion: 'auto' }, 'sccpVersion')[0]).toMatch(/^warning/)
  })

  it('checks phone DNs and the address cross-checks', () => {
    expect(messages({ phoneDns: '1001 1002' }, 'phoneDns')[0]).toMatch(/^warning: A three-party/)
    expect(messages({ phoneDns: ['1001', 'abc', '1003'] }, 'phoneDns')[0]).toContain('"abc" is not a directory number')
    expect(messages({ cucmNodes: [{ name: 'CUCMPUB15', ip: '192.0.2.10', priority: 1, publisher: true }] }, 'cucmNodes')).toEqual([
      'error: Node 1: same IP as the CA: the CA is this router, CUCM is another host.',
    ])
  })

  it('counts errors and warnings, errors first', () => {
    const v = validateSite({ ...exampleSite(), bridgeName: 'a b', sccpVersion: '6.0', caIp: '' })
    expect(v).toMatchObject({ ok: false, errorCount: 2, warningCount: 2 })
  })
})
