import { describe, expect, it } from 'vitest'
import { fixturePath, loadOne, openssl } from './helpers'

// Every value here is compared with what the real openssl CLI prints for the same file.
const CERTS = [
  'testCA.pem',
  'SecureCFB.pem',
  'SecureCFB.der',
  'CallManager.pem',
  'CallManager.der',
  'ec-p384-ca.pem',
  'ec-p256-leaf.pem',
  'ec-p256-leaf.cer',
  'expired.pem',
  'expiring-soon.pem',
  'rsa6144.pem',
  'wildcard.pem',
]

function inform(file: string): string[] {
  return /\.(der|cer)$/.test(file) ? ['-inform', 'DER'] : []
}

/**
 * One `openssl x509` run (each run costs a process start, and twelve files times ten runs was
 * most of this file's time): its `name=value` lines (`serial`, `subject`, `md5 Fingerprint`, …)
 * and the whole output.
 */
function x509(file: string, args: string[]): { value(name: string): string; out: string } {
  const out = openssl(['x509', '-in', fixturePath(file), ...inform(file), '-noout', ...args])
  const values = new Map<string, string>()
  for (const line of out.split('\n')) {
    const m = /^(serial|subject|issuer|notBefore|notAfter|\w+ Fingerprint)=(.*)$/.exec(line)
    if (m?.[1] !== undefined && !values.has(m[1])) values.set(m[1], m[2] ?? '')
  }
  const value = (name: string): string => {
    const v = values.get(name)
    if (v === undefined) throw new Error(`openssl printed no ${name}= line for ${file}`)
    return v
  }
  return { value, out }
}

describe('certificate details match openssl', () => {
  for (const file of CERTS) {
    it(file, () => {
      const cert = loadOne(file)
      const fields = ['-serial', '-subject', '-issuer', '-nameopt', 'oneline,-space_eq', '-startdate', '-enddate', '-dateopt', 'iso_8601']
      const all = x509(file, [...fields, '-fingerprint', '-md5', '-text'])
      expect(cert.fingerprints.md5.colon).toBe(all.value('md5 Fingerprint'))
      expect(cert.fingerprints.sha1.colon).toBe(x509(file, ['-fingerprint', '-sha1']).value('sha1 Fingerprint'))
      expect(cert.fingerprints.sha256.colon).toBe(x509(file, ['-fingerprint', '-sha256']).value('sha256 Fingerprint'))
      expect(cert.serialHex).toBe(all.value('serial'))
      expect(cert.subject.text).toBe(all.value('subject'))
      expect(cert.issuer.text).toBe(all.value('issuer'))
      const iso = (s: string): string => new Date(s.replace(' ', 'T')).toISOString()
      expect(cert.notBefore).toBe(iso(all.value('notBefore')))
      expect(cert.notAfter).toBe(iso(all.value('notAfter')))
      const text = all.out
      expect(text).toContain(`Signature Algorithm: ${cert.signatureAlgorithm.name}`)
      if (cert.publicKey.algorithm === 'RSA') expect(text).toContain(`Public-Key: (${cert.publicKey.bits} bit)`)
      else expect(text).toContain(`NIST CURVE: ${cert.publicKey.curve}`)
      expect(cert.version).toBe(Number(/Version: (\d)/.exec(text)?.[1]))
      // The stored PEM and DER are the certificate's own bytes.
      expect(openssl(['x509', '-noout', '-fingerprint', '-sha256'], cert.pem)).toContain(cert.fingerprints.sha256.colon)
    })
  }
})

describe('certificate fields', () => {
  it('reads the tech note CA: 1024-bit RSA, MD5, self-signed CA, IOS serial format', () => {
    const ca = loadOne('testCA.pem')
    expect(ca.commonName).toBe('testCA')
    expect(ca.serialHex).toBe('01')
    expect(ca.serialIos).toBe('Certificate Serial Number (hex): 01')
    expect(ca.publicKey).toMatchObject({ algorithm: 'RSA', bits: 1024 })
    expect(ca.signatureAlgorithm).toMatchObject({ name: 'md5WithRSAEncryption', hash: 'MD5', keyType: 'RSA' })
    expect(ca.isSelfSigned).toBe(true)
    expect(ca.isCa).toBe(true)
    expect(ca.extensions.basicConstraints).toEqual({ ca: true, critical: true })
    expect(ca.extensions.keyUsage).toEqual({ usages: ['digitalSignature', 'keyCertSign', 'cRLSign'], critical: true })
    expect(ca.fingerprints.md5.ios).toMatch(/^[0-9A-F]{8}( [0-9A-F]{8}){3}$/)
    expect(ca.fingerprints.sha1.ios.split(' ')).toHaveLength(5)
    expect(ca.id).toBe(ca.fingerprints.sha256.hex)
  })

  it('reads the bridge leaf: SHA-1, issued by testCA, AKI = CA SKI', () => {
    const leaf = loadOne('SecureCFB.pem')
    const ca = loadOne('testCA.pem')
    expect(leaf.serialIos).toBe('Certificate Serial Number (hex): 02')
    expect(leaf.signatureAlgorithm.name).toBe('sha1WithRSAEncryption')
    expect(leaf.isSelfSigned).toBe(false)
    expect(leaf.isCa).toBe(false)
    expect(leaf.extensions.authorityKeyIdentifier).toBe(ca.extensions.subjectKeyIdentifier)
    const ski = openssl(['x509', '-in', fixturePath('SecureCFB.pem'), '-noout', '-ext', 'subjectKeyIdentifier'])
      .split('\n')[1]
      ?.trim()
    expect(leaf.extensions.subjectKeyIdentifier).toBe(ski?.replace(/:/g, ''))
  })

  it('reads the CallManager subject components in certificate order, EKU and SAN', () => {
    const cm = loadOne('CallManager.pem')
    expect(cm.subject.text).toBe('C=CN, O=cisco, OU=a, CN=CUCMPUB15.uc.com, ST=c, L=b')
    expect(cm.subject.components.map((c) => [c.type, c.value])).toEqual([
      ['C', 'CN'],
      ['O', 'cisco'],
      ['OU', 'a'],
      ['CN', 'CUCMPUB15.uc.com'],
      ['ST', 'c'],
      ['L', 'b'],
    ])
    expect(cm.subject.components[3]?.oid).toBe('2.5.4.3')
    expect(cm.serialHex).toBe('6A3B0C1D2E3F40516273')
    expect(cm.publicKey).toMatchObject({ algorithm: 'RSA', bits: 2048 })
    expect(cm.extensions.extendedKeyUsage?.usages).toEqual(['serverAuth', 'clientAuth', 'ipsecEndSystem'])
    expect(cm.extensions.subjectAltNames).toEqual([{ type: 'dns', value: 'CUCMPUB15.uc.com' }])
    expect(cm.extensions.all.map((e) => e.name)).toEqual([
      'basicConstraints',
      'keyUsage',
      'extendedKeyUsage',
      'subjectAltName',
      'subjectKeyIdentifier',
    ])
  })

  it('reads EC keys: P-256 leaf signed ecdsa-with-SHA384 by a P-384 CA', () => {
    const leaf = loadOne('ec-p256-leaf.pem')
    const ca = loadOne('ec-p384-ca.pem')
    expect(leaf.publicKey).toMatchObject({ algorithm: 'EC', curve: 'P-256', bits: 256 })
    expect(ca.publicKey).toMatchObject({ algorithm: 'EC', curve: 'P-384', bits: 384 })
    expect(leaf.signatureAlgorithm).toMatchObject({ name: 'ecdsa-with-SHA384', hash: 'SHA-384', keyType: 'EC' })
    expect(leaf.extensions.subjectAltNames).toEqual([
      { type: 'dns', value: 'CUCMPUB15-EC.uc.com' },
      { type: 'ip', value: '192.0.2.10' },
    ])
    expect(leaf.serialHex).toBe('0100')
  })

  it('is plain JSON data (store and IPC safe)', () => {
    const cert = loadOne('CallManager.pem')
    expect(JSON.parse(JSON.stringify(cert))).toEqual(cert)
    expect(structuredClone(cert)).toEqual(cert)
  })
})
