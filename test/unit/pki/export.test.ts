import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { asn1Outline, cucmUploadFiles, extractFromText, formatAsn1Outline, hexDump, pemBundle, toDer, toPem } from '../../../shared/pki'
import { fixtureBytes, fixturePath, fixtureText, loadOne, openssl } from './helpers'

describe('export helpers', () => {
  const ca = loadOne('testCA.pem')
  const bridge = loadOne('SecureCFB.pem')

  it('toPem and toDer give back the certificate bytes', () => {
    expect(toDer(bridge)).toEqual(fixtureBytes('SecureCFB.der'))
    expect(toPem(ca)).toBe(fixtureText('testCA.pem'))
    expect(openssl(['x509', '-noout', '-subject'], toPem(bridge))).toBe('subject=CN = SecureCFB')
  })

  it('pemBundle concatenates; openssl reads every certificate back', () => {
    const bundle = pemBundle([ca, bridge])
    expect(bundle).toBe(fixtureText('two-certs.pem'))
    const dir = mkdtempSync(join(tmpdir(), 'pki-export-'))
    const file = join(dir, 'bundle.pem')
    writeFileSync(file, bundle)
    const p7 = openssl(['crl2pkcs7', '-nocrl', '-certfile', file])
    rmSync(dir, { recursive: true })
    expect(extractFromText(p7).certificates.map((c) => c.commonName)).toEqual(['testCA', 'SecureCFB'])
  })

  it('cucmUploadFiles: one PEM per certificate, named from the CN, overridable, de-duplicated', () => {
    const r = cucmUploadFiles([ca, bridge])
    expect(r).toEqual({
      ok: true,
      files: [
        { fileName: 'testCA.pem', contents: ca.pem, certificateId: ca.id },
        { fileName: 'SecureCFB.pem', contents: bridge.pem, certificateId: bridge.id },
      ],
    })
    const named = cucmUploadFiles([ca, bridge, loadOne('wildcard.pem'), loadOne('expired.pem')], ['root CA/../x', undefined])
    expect(named.ok && named.files.map((f) => f.fileName)).toEqual(['root_CA_.._x.pem', 'SecureCFB.pem', 'uc.com.pem', 'SecureCFB-2.pem'])
  })

  it('cucmUploadFiles refuses key blocks', () => {
    const withKey = extractFromText(fixtureText('router-export-with-key.txt'))
    const r = cucmUploadFiles([...withKey.certificates, ...withKey.keys])
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toBe('2 key block(s), 1 of them private, cannot go into a CUCM upload: trust stores take certificates only.')
  })
})

describe('byte views', () => {
  const cert = loadOne('CallManager.pem')

  it('hexDump shows every DER byte with offsets and ASCII', () => {
    const der = toDer(cert)
    const dump = hexDump(cert.der)
    const lines = dump.split('\n')
    expect(lines).toHaveLength(Math.ceil(der.length / 16))
    expect(lines[0]).toMatch(/^00000000 {2}30 82( [0-9a-f]{2}){6} {2}([0-9a-f]{2} ){7}[0-9a-f]{2} {2}\|0\.[ -~]{14}\|$/)
    expect(lines[1]?.slice(0, 10)).toBe('00000010  ')
    const bytes = lines.flatMap((l) => l.slice(10, 59).trim().split(/\s+/)).map((h) => parseInt(h, 16))
    expect(Uint8Array.from(bytes)).toEqual(der)
  })

  it('asn1Outline agrees with openssl asn1parse on every element openssl lists', () => {
    const ours = asn1Outline(toDer(cert)).filter((l) => l.tag !== 'ERROR')
    const theirs = openssl(['asn1parse', '-in', fixturePath('CallManager.pem')])
      .split('\n')
      .map((l) => /^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)\s+(cons|prim)/.exec(l))
      .filter((m) => m !== null)
      .map((m) => `${m[1]}:${m[2]}:${m[3]}:${m[4]}:${m[5]}`)
    // Ours also opens OCTET/BIT STRINGs that hold DER (extension values, the RSA key); openssl does not.
    const ourKeys = new Set(ours.map((l) => `${l.offset}:${l.depth}:${l.headerLength}:${l.length}:${l.constructed ? 'cons' : 'prim'}`))
    expect(theirs.length).toBeGreaterThan(40)
    expect(theirs.filter((t) => !ourKeys.has(t))).toEqual([])
    expect(ours.some((l) => l.value === 'commonName (2.5.4.3)' || l.value === 'CN (2.5.4.3)')).toBe(true)
    expect(ours.some((l) => l.encapsulates)).toBe(true)
    expect(formatAsn1Outline(ours).split('\n')[0]).toBe(`    0:d=0  hl=4 l=${String(toDer(cert).length - 4).padStart(4)} cons: SEQUENCE`)
  })

  it('asn1Outline on damaged bytes ends with an error line instead of throwing', () => {
    const der = toDer(cert).subarray(0, 300)
    const lines = asn1Outline(der)
    expect(lines[lines.length - 1]?.tag).toBe('ERROR')
  })
})
