import { describe, expect, it } from 'vitest'
import {
  colonStyle,
  compareFingerprintText,
  computeFingerprints,
  iosStyle,
  matchFingerprint,
  parseFingerprintText,
  toDer,
} from '../../../shared/pki'
import { fixturePath, fixtureText, loadOne, openssl, opensslValue } from './helpers'

const testCA = loadOne('testCA.pem')
const secureCfb = loadOne('SecureCFB.pem')
const callManager = loadOne('CallManager.pem')
const certs = [testCA, secureCfb, callManager, loadOne('ec-p256-leaf.pem')]

describe('fingerprint formats', () => {
  it('IOS style is upper-case groups of 8, colon style is openssl’s', () => {
    const colon = opensslValue('testCA.pem', '-fingerprint', '-md5')
    const hex = colon.replace(/:/g, '')
    expect(testCA.fingerprints.md5).toEqual({ hex, ios: hex.match(/.{8}/g)?.join(' '), colon })
    expect(iosStyle('38:3b:a1:3d:c3:7d:0e:5d:9e:90:86:e4:8c:8d:1e:75')).toBe('383BA13D C37D0E5D 9E9086E4 8C8D1E75')
    expect(colonStyle('383BA13D C37D0E5D')).toBe('38:3B:A1:3D:C3:7D:0E:5D')
  })

  it('computes from raw DER bytes, synchronously, the same as openssl', () => {
    const fps = computeFingerprints(toDer(callManager))
    expect(fps.sha256.colon).toBe(opensslValue('CallManager.pem', '-fingerprint', '-sha256'))
    expect(fps.sha1.colon).toBe(opensslValue('CallManager.pem', '-fingerprint', '-sha1'))
  })
})

describe('parseFingerprintText', () => {
  it('reads the IOS authenticate prompt (right-aligned labels, trailing spaces)', () => {
    const found = parseFingerprintText(fixtureText('enrollment-terminal.txt'))
    expect(found.map((f) => [f.algorithm, f.labelled, f.label])).toEqual([
      ['MD5', true, 'Fingerprint MD5'],
      ['SHA-1', true, 'Fingerprint SHA1'],
    ])
    expect(found[0]?.hex).toBe(opensslValue('CallManager.pem', '-fingerprint', '-md5').replace(/:/g, ''))
    expect(found[1]?.hex).toBe(opensslValue('CallManager.pem', '-fingerprint', '-sha1').replace(/:/g, ''))
    expect(found[0]?.line).toBe(
      fixtureText('enrollment-terminal.txt')
        .split('\n')
        .findIndex((l) => l.includes('Fingerprint MD5')) + 1,
    )
  })

  it('reads openssl output for md5, sha1 and sha256', () => {
    const out = ['-md5', '-sha1', '-sha256']
      .map((d) => openssl(['x509', '-in', fixturePath('SecureCFB.pem'), '-noout', '-fingerprint', d]))
      .join('\n')
    const found = parseFingerprintText(out)
    expect(found.map((f) => [f.algorithm, f.labelled])).toEqual([
      ['MD5', true],
      ['SHA-1', true],
      ['SHA-256', true],
    ])
    expect(found.map((f) => f.hex)).toEqual([
      secureCfb.fingerprints.md5.hex,
      secureCfb.fingerprints.sha1.hex,
      secureCfb.fingerprints.sha256.hex,
    ])
  })

  it('reads bare hex with or without separators and infers the algorithm by length', () => {
    const sha1 = secureCfb.fingerprints.sha1.hex
    const md5 = secureCfb.fingerprints.md5.hex
    const sha256 = secureCfb.fingerprints.sha256.hex
    expect(parseFingerprintText(sha1.toLowerCase())[0]).toMatchObject({ algorithm: 'SHA-1', labelled: false, hex: sha1 })
    expect(parseFingerprintText(colonStyle(md5).toLowerCase())[0]).toMatchObject({ algorithm: 'MD5', hex: md5 })
    expect(parseFingerprintText(iosStyle(sha256))[0]).toMatchObject({ algorithm: 'SHA-256', hex: sha256 })
    expect(parseFingerprintText(`Cert Hash(sha1): ${(sha1.match(/../g) ?? []).join(' ').toLowerCase()}`)[0]).toMatchObject({
      algorithm: 'SHA-1',
      labelled: true,
      hex: sha1,
    })
    expect(parseFingerprintText(`  CA cert fingerprint: ${iosStyle(md5)}`)[0]).toMatchObject({
      algorithm: 'MD5',
      label: 'CA cert fingerprint',
    })
  })

  it('skips hex that is not a fingerprint: key identifiers, serials, dates', () => {
    const found = parseFingerprintText(fixtureText('show-crypto-pki-certificates.txt'))
    expect(found.map((f) => f.label)).toEqual(['Fingerprint MD5', 'Fingerprint SHA1', 'Fingerprint MD5', 'Fingerprint SHA1'])
    expect(parseFingerprintText('a short line with cafe and 01 and 2026')).toEqual([])
  })
})

describe('matchFingerprint', () => {
  it('matches ignoring case, spaces and colons', () => {
    const md5 = testCA.fingerprints.md5.hex
    for (const text of [md5.toLowerCase(), colonStyle(md5), `       Fingerprint MD5: ${iosStyle(md5)} `]) {
      expect(matchFingerprint(text, certs)).toMatchObject({
        status: 'match',
        algorithm: 'MD5',
        certificateId: testCA.id,
        commonName: 'testCA',
      })
    }
  })

  it('reports a mismatch loudly, with the closest certificate (one typo)', () => {
    const sha1 = callManager.fingerprints.sha1.hex
    const typo = `${sha1.slice(0, 10)}${sha1[10] === '0' ? '1' : '0'}${sha1.slice(11)}`
    const r = matchFingerprint(iosStyle(typo), certs)
    expect(r.status).toBe('mismatch')
    if (r.status !== 'mismatch') return
    expect(r.message).toContain('do not accept this certificate')
    expect(r.closest).toEqual({ certificateId: callManager.id, commonName: 'CUCMPUB15.uc.com', differingDigits: 1 })
  })

  it('rejects text without exactly one fingerprint', () => {
    expect(matchFingerprint('no hex here', certs).status).toBe('invalid')
    expect(matchFingerprint('ABCDEF', certs)).toMatchObject({ status: 'invalid', message: expect.stringContaining('found 6') as string })
    const both = fixtureText('enrollment-terminal.txt')
    expect(matchFingerprint(both, certs).status).toBe('invalid')
    expect(compareFingerprintText(both, certs).map((c) => c.result.status)).toEqual(['match', 'match'])
  })

  it('the show output fingerprints match the loaded router certificates', () => {
    const results = compareFingerprintText(fixtureText('show-crypto-pki-certificates.txt'), certs)
    expect(results.map((r) => (r.result.status === 'match' ? r.result.commonName : r.result.status))).toEqual([
      'SecureCFB',
      'SecureCFB',
      'testCA',
      'testCA',
    ])
  })
})
