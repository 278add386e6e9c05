import { describe, expect, it } from 'vitest'
import { certificatesOf, normalizeSerial, parseShowCertificates } from '../../../shared/ios/certificates'
import { parseIosDate } from '../../../shared/ios/dates'
import { fixture } from './fixture'

const DOMAIN_BLOCK = `CA Certificate
  Status: Available
  Certificate Serial Number (hex): 01
  Certificate Usage: Signature
  Issuer:
    cn=testCA
  Subject:
    cn=testCA
  Validity Date:
    start date: 00:08:38 UTC Feb 22 2026
    end   date: 00:08:38 UTC Feb 21 2029
  Signature Algorithm: MD5 with RSA Encryption
  Fingerprint MD5: 383BA13D C37D0E5D 9E9086E4 8C8D1E75
  Fingerprint SHA1: 6DB8F323 14BBFBFF C36C224B B3404513 2FDD97C5
  Associated Trustpoints: A B Trustpool
`

describe('parseShowCertificates', () => {
  it('reads the DOMAIN.md block shape', () => {
    const result = parseShowCertificates(DOMAIN_BLOCK)
    if (!result.ok) throw new Error(result.reason)
    const [ca] = result.value.certificates
    expect(ca).toMatchObject({
      kind: 'ca',
      status: 'Available',
      serialHex: '01',
      usage: 'Signature',
      signatureAlgorithm: 'MD5 with RSA Encryption',
      fingerprints: { md5: '383BA13DC37D0E5D9E9086E48C8D1E75', sha1: '6DB8F32314BBFBFFC36C224BB34045132FDD97C5' },
      associatedTrustpoints: ['A', 'B'],
      inTrustpool: true,
    })
    expect(ca?.issuer?.cn).toBe('testCA')
    expect(ca?.validFrom?.utcMs).toBe(Date.UTC(2026, 1, 22, 0, 8, 38))
    expect(ca?.validTo?.utcMs).toBe(Date.UTC(2029, 1, 21, 0, 8, 38))
  })

  it('reads the verbose fixture: three blocks, DNs, key sizes, trailing spaces', () => {
    const result = parseShowCertificates(fixture('show-crypto-pki-certificates-verbose.txt'))
    if (!result.ok) throw new Error(result.reason)
    const shown = result.value
    expect(shown.certificates.map((c) => c.kind)).toEqual(['certificate', 'ca', 'ca'])
    const [leaf] = certificatesOf(shown, 'SecureCFB', 'certificate')
    expect(leaf).toMatchObject({ serialHex: '02', publicKeyBits: 1024, keyLabel: 'SecureCFB', associatedTrustpoints: ['SecureCFB'] })
    expect(leaf?.subject?.cn).toBe('SecureCFB')
    expect(leaf?.issuer?.text).toBe('cn=testCA')
    const [cucm] = certificatesOf(shown, 'cucm-pub', 'ca')
    expect(cucm?.subject?.text).toBe('cn=CUCMPUB15.uc.com, ou=a, o=cisco, l=b, st=c, c=CN')
    expect(cucm).toMatchObject({ publicKeyBits: 2048, inTrustpool: true, storage: 'nvram:CUCMPUB15uc#B85ECA.cer' })
    expect(certificatesOf(shown, 'testCA', 'ca')[0]?.associatedTrustpoints).toEqual(['SecureCFB', 'testCA'])
  })

  it('reads the older format: 0x serials, one-space indent, local zones, unpadded days, pending requests', () => {
    const result = parseShowCertificates(fixture('show-crypto-pki-certificates-old.txt'))
    if (!result.ok) throw new Error(result.reason)
    const [ca, pending] = result.value.certificates
    expect(ca).toMatchObject({ serialHex: '01', associatedTrustpoints: ['testCA'] })
    expect(ca?.validFrom).toMatchObject({ zone: 'MSK', day: 2, month: 3, year: 2026, hour: 1 })
    expect(ca?.validFrom?.utcMs).toBeUndefined()
    expect(pending).toMatchObject({
      kind: 'certificate',
      status: 'Pending',
      usage: 'General Purpose',
      associatedTrustpoints: ['SecureCFB'],
    })
    expect(pending?.subject?.attributes).toEqual([
      { type: 'Name', value: 'VG-CME-1' },
      { type: 'Serial Number', value: 'FTX1234A5BC' },
    ])
    // Request fingerprints are not certificate fingerprints.
    expect(pending?.fingerprints).toEqual({})
  })

  it('reads CRLF and ANSI-coloured copies the same way', () => {
    const plain = parseShowCertificates(fixture('show-crypto-pki-certificates-verbose.txt'))
    const noisy = parseShowCertificates(
      fixture('show-crypto-pki-certificates-verbose.txt')
        .replace(/\n/g, '\r\n')
        .replace(/Status: Available/g, '\x1b[32mStatus: Available\x1b[0m'),
    )
    expect(noisy).toEqual(plain)
  })

  it('says why it did not recognise the text', () => {
    expect(parseShowCertificates('')).toMatchObject({ ok: false, code: 'empty' })
    expect(parseShowCertificates('% Incomplete command.')).toMatchObject({ ok: false, code: 'router-error' })
    expect(parseShowCertificates('Status: Available\nIssuer:\n cn=x')).toMatchObject({ ok: false, code: 'not-recognised' })
  })
})

describe('parseIosDate and normalizeSerial', () => {
  it('reads IOS timestamps in their variants', () => {
    expect(parseIosDate('00:08:38 UTC Feb 22 2026')?.utcMs).toBe(Date.UTC(2026, 1, 22, 0, 8, 38))
    expect(parseIosDate('01:00:00 BST Aug 1 1996')).toMatchObject({ zone: 'BST', day: 1, month: 8 })
    expect(parseIosDate('16:16:56.817 UTC Sun Nov 7 2021')?.utcMs).toBe(Date.UTC(2021, 10, 7, 16, 16, 56))
    expect(parseIosDate('*00:08:38 GMT Feb 22 2026')?.utcMs).toBeDefined()
    expect(parseIosDate('00:08:38 UTC Feb 30 2026')).toBeNull()
    expect(parseIosDate('25:00:00 UTC Feb 1 2026')).toBeNull()
    expect(parseIosDate('yesterday')).toBeNull()
  })

  it('normalises serials', () => {
    expect(normalizeSerial('0x1')).toBe('01')
    expect(normalizeSerial('01')).toBe('01')
    expect(normalizeSerial('3bdca2')).toBe('3BDCA2')
    expect(normalizeSerial('zz')).toBeUndefined()
  })
})
