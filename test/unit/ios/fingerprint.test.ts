import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  findFingerprintLines,
  fingerprintsEqual,
  formatColonFingerprint,
  formatIosFingerprint,
  normalizeFingerprint,
  parseFingerprints,
} from '../../../shared/ios/fingerprint'
import { fixture, fixtureDir } from './fixture'

function opensslFingerprint(file: string, digest: 'md5' | 'sha1'): string {
  const out = execFileSync('openssl', ['x509', '-in', fixtureDir + file, '-noout', '-fingerprint', `-${digest}`], { encoding: 'utf8' })
  return normalizeFingerprint(out.split('=')[1] ?? '')
}

const DOMAIN_SAMPLE = `Certificate has the following attributes:
       Fingerprint MD5: 383BA13D C37D0E5D 9E9086E4 8C8D1E75
      Fingerprint SHA1: 6DB8F323 14BBFBFF C36C224B B3404513 2FDD97C5

% Do you accept this certificate? [yes/no]:`

describe('parseFingerprints', () => {
  it('reads the verbatim DOMAIN.md sample', () => {
    const result = parseFingerprints(DOMAIN_SAMPLE)
    expect(result).toMatchObject({
      ok: true,
      value: { md5: '383BA13DC37D0E5D9E9086E48C8D1E75', sha1: '6DB8F32314BBFBFFC36C224BB34045132FDD97C5' },
    })
  })

  it('reads right-aligned labels with trailing spaces and matches openssl for the CA it quotes', () => {
    const result = parseFingerprints(fixture('authenticate-securecfb.txt'))
    if (!result.ok) throw new Error(result.reason)
    expect(result.value.md5).toBe(opensslFingerprint('testCA.pem', 'md5'))
    expect(result.value.sha1).toBe(opensslFingerprint('testCA.pem', 'sha1'))
  })

  it('reads CRLF transcripts and matches openssl for the pasted CallManager certificate', () => {
    const result = parseFingerprints(fixture('authenticate-cucm-pub.crlf.txt'))
    if (!result.ok) throw new Error(result.reason)
    expect(result.value.md5).toBe(opensslFingerprint('CallManager.pem', 'md5'))
    expect(result.value.sha1).toBe(opensslFingerprint('CallManager.pem', 'sha1'))
  })

  it('every fingerprint quoted in the fixtures belongs to a fixture certificate', () => {
    const known = new Set(
      ['testCA.pem', 'SecureCFB.pem', 'CallManager.pem'].flatMap((f) => [opensslFingerprint(f, 'md5'), opensslFingerprint(f, 'sha1')]),
    )
    for (const name of [
      'show-crypto-pki-certificates-verbose.txt',
      'show-crypto-pki-trustpoints-status.txt',
      'show-crypto-pki-server.txt',
    ]) {
      const text = fixture(name).replace(/CA cert fingerprint:/g, 'Fingerprint MD5:')
      const { lines, problems } = findFingerprintLines(text)
      expect(problems).toEqual([])
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) expect(known.has(line.hex), `${name}: ${line.printed}`).toBe(true)
    }
  })

  it('skips "Certificate Request Fingerprint" lines, which describe a request, not a certificate', () => {
    expect(parseFingerprints(fixture('enroll-securecfb.crlf.txt'))).toMatchObject({ ok: false, code: 'not-recognised' })
  })

  it('reads fingerprints whose newlines were flattened to spaces, stopping at the expected length', () => {
    const flat = DOMAIN_SAMPLE.replace(/\n/g, ' ') + ' BEEF CAFE'
    const result = parseFingerprints(flat)
    expect(result).toMatchObject({
      ok: true,
      value: { md5: '383BA13DC37D0E5D9E9086E48C8D1E75', sha1: '6DB8F32314BBFBFFC36C224BB34045132FDD97C5' },
    })
  })

  it('reports a fingerprint with missing digits instead of guessing', () => {
    const result = parseFingerprints('Fingerprint MD5: 383BA13D C37D0E5D 9E9086E4')
    expect(result).toMatchObject({ ok: false, code: 'malformed' })
    if (!result.ok) expect(result.reason).toContain('24 hex digits; expected 32')
  })

  it('takes the last run when a transcript holds two authentications', () => {
    const twice = `${DOMAIN_SAMPLE} no\n${fixture('authenticate-securecfb.txt')}`
    const result = parseFingerprints(twice)
    expect(result.ok && result.value.md5).toBe(opensslFingerprint('testCA.pem', 'md5'))
    expect(result.ok && result.value.lines.length).toBe(4)
  })
})

describe('fingerprint helpers', () => {
  it('normalises, formats and compares ignoring case, spaces and colons', () => {
    expect(normalizeFingerprint('38:3b:a1:3d c3')).toBe('383BA13DC3')
    expect(formatIosFingerprint('383ba13dc37d0e5d9e9086e48c8d1e75')).toBe('383BA13D C37D0E5D 9E9086E4 8C8D1E75')
    expect(formatColonFingerprint('383BA13D C37D')).toBe('38:3B:A1:3D:C3:7D')
    expect(fingerprintsEqual('383ba13d c37d0e5d', '38:3B:A1:3D:C3:7D:0E:5D')).toBe(true)
    expect(fingerprintsEqual('383BA13D', '383BA13E')).toBe(false)
    expect(fingerprintsEqual('', '')).toBe(false)
    expect(fingerprintsEqual(undefined, '383BA13D')).toBe(false)
  })
})
