import { describe, expect, it } from 'vitest'
import { readPrintedFingerprints } from '../../../shared/ios/printed-fingerprints'
import { parseShowClock, parseShowClockLine } from '../../../shared/ios/clock'
import { fixture } from './fixture'

const summary = (text: string): string[] =>
  readPrintedFingerprints(text).map((f) => `${f.section} ${f.algorithm} ${f.hex.slice(0, 8)} ${f.sectionLabel}`)

describe('readPrintedFingerprints', () => {
  it('keeps each pair with its trustpoint section in show crypto pki trustpoints status', () => {
    expect(summary(fixture('show-crypto-pki-trustpoints-status.txt'))).toEqual([
      '0 MD5 6FDAB4E9 Trustpoint testCA: Issuing CA certificate cn=testCA',
      '0 SHA1 83EEF9B2 Trustpoint testCA: Issuing CA certificate cn=testCA',
      '1 MD5 6FDAB4E9 Trustpoint SecureCFB: Issuing CA certificate cn=testCA',
      '1 SHA1 83EEF9B2 Trustpoint SecureCFB: Issuing CA certificate cn=testCA',
      '2 MD5 D19412B2 Trustpoint SecureCFB: Router General Purpose certificate cn=SecureCFB',
      '2 SHA1 98373E21 Trustpoint SecureCFB: Router General Purpose certificate cn=SecureCFB',
    ])
  })

  it('reads the subject, not the issuer, and the associated trustpoints printed after the fingerprints', () => {
    const lines = summary(fixture('show-crypto-pki-certificates-verbose.txt'))
    expect(lines[0]).toBe('0 MD5 D19412B2 Certificate cn=SecureCFB (trustpoints SecureCFB)')
    expect(lines[5]).toMatch(/^2 SHA1 \w{8} CA Certificate cn=CUCMPUB15\.uc\.com \(trustpoints cucm-pub Trustpool\)$/)
  })

  it('names the certificate crypto pki authenticate offers, CRLF and all', () => {
    expect(summary(fixture('authenticate-cucm-pub.crlf.txt')).map((l) => l.replace(/ \w{8} /, ' … '))).toEqual([
      '0 MD5 … Certificate offered by crypto pki authenticate',
      '0 SHA1 … Certificate offered by crypto pki authenticate',
    ])
  })

  it('never throws on garbage', () => {
    expect(readPrintedFingerprints('')).toEqual([])
    expect(readPrintedFingerprints('x'.repeat(100_000))).toEqual([])
    expect(readPrintedFingerprints('Fingerprint MD5: 12')).toEqual([])
  })
})

describe('parseShowClock', () => {
  it('reads show clock with its authority mark (Cisco IOS command reference: * not authoritative, . not NTP-synced)', () => {
    expect(parseShowClockLine('*10:21:36.643 UTC Mon Feb 22 2026')).toMatchObject({
      authoritative: false,
      date: { utcMs: Date.UTC(2026, 1, 22, 10, 21, 36) },
    })
    expect(parseShowClockLine('.10:21:36.643 UTC Mon Feb 22 2026')).toMatchObject({ authoritative: true, ntpSynchronized: false })
    expect(parseShowClockLine('10:21:36.643 UTC Mon Feb 22 2026')).toMatchObject({ authoritative: true })
    // A local zone name has no known offset: no absolute instant.
    expect(parseShowClockLine('11:21:36.643 CET Mon Feb 22 2026')?.date.utcMs).toBeUndefined()
    expect(parseShowClockLine('Certificate install time: 10:21:36 UTC Feb 22 2026')).toBeNull()
    expect(parseShowClock('VG-CME-1#show clock\r\n*10:21:36.643 UTC Mon Feb 22 2026\r\nVG-CME-1#')?.date.text).toBe(
      '10:21:36.643 UTC Mon Feb 22 2026',
    )
  })
})
