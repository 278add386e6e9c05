import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { practiceCucmCertificate } from '../../../electron/services/practice-router'
import { RouterDriver } from './driver'
import {
  authenticateAndEnroll,
  configureBridgeTrustpoint,
  configureCa,
  exportableBridgeKey,
  enableCa,
  exportedBlocks,
  importCucm,
} from './procedure'

/** Certificates the router makes, checked by the real openssl CLI. */

function openssl(...args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8' })
}

/** `md5 Fingerprint=38:3B:...` → `383BA13D C37D0E5D ...` (IOS grouping). */
function iosStyle(opensslLine: string): string {
  const hex = (opensslLine.split('=')[1] ?? '').replace(/[:\s]/g, '').toUpperCase()
  return hex.match(/.{8}/g)?.join(' ') ?? ''
}

function fingerprintsIn(out: string): { md5: string; sha1: string } {
  return {
    md5: /Fingerprint MD5: ((?:[0-9A-F]{8} ){3}[0-9A-F]{8})/.exec(out)?.[1] ?? 'missing',
    sha1: /Fingerprint SHA1: ((?:[0-9A-F]{8} ){4}[0-9A-F]{8})/.exec(out)?.[1] ?? 'missing',
  }
}

describe('practice router certificates checked with openssl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'practice-router-pki-'))
  const file = (name: string): string => join(dir, name)
  let d: RouterDriver
  let authenticate = ''
  let cucmImport = ''
  let plainExport = ''
  let keyExport = ''
  const cucm = practiceCucmCertificate('openssl-test')

  beforeAll(async () => {
    d = new RouterDriver({ seed: 'openssl-test' })
    await configureCa(d)
    await enableCa(d)
    await configureBridgeTrustpoint(d)
    await exportableBridgeKey(d)
    ;({ authenticate } = await authenticateAndEnroll(d))
    cucmImport = await importCucm(d, cucm.pem)
    plainExport = await d.line('crypto pki export SecureCFB pem terminal')
    keyExport = await d.line('crypto pki export SecureCFB pem terminal 3des Secr3tPass')
    const blocks = exportedBlocks(plainExport)
    writeFileSync(file('testCA.pem'), blocks['CA certificate/CERTIFICATE'] ?? '')
    writeFileSync(file('SecureCFB.pem'), blocks['General Purpose Certificate/CERTIFICATE'] ?? '')
    const keyBlocks = exportedBlocks(keyExport)
    writeFileSync(file('SecureCFB.key'), keyBlocks['Key name/RSA PRIVATE KEY'] ?? '')
    writeFileSync(file('SecureCFB.pub'), keyBlocks['Key name/PUBLIC KEY'] ?? '')
    writeFileSync(file('cucm.pem'), cucm.pem)
    writeFileSync(file('cucm.key'), cucm.keyPem)
  })
  afterAll(() => {
    d.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it('issues a leaf that openssl verifies against the exported CA', () => {
    expect(openssl('verify', '-CAfile', file('testCA.pem'), file('SecureCFB.pem')).trim()).toBe(`${file('SecureCFB.pem')}: OK`)
    // auth_level 0 is what a strict OpenSSL 3 configuration needs for the MD5-signed 1024-bit CA.
    expect(openssl('verify', '-auth_level', '0', '-check_ss_sig', '-CAfile', file('testCA.pem'), file('SecureCFB.pem'))).toContain(': OK')
  })

  it('makes an MD5-signed 1024-bit CA and a SHA-1 signed leaf with the trustpoint subject', () => {
    const ca = openssl('x509', '-in', file('testCA.pem'), '-noout', '-text')
    expect(ca).toContain('Signature Algorithm: md5WithRSAEncryption')
    expect(ca).toContain('Public-Key: (1024 bit)')
    expect(ca).toMatch(/Subject: CN ?= ?testCA/)
    expect(ca).toContain('CA:TRUE')
    const leaf = openssl('x509', '-in', file('SecureCFB.pem'), '-noout', '-text')
    expect(leaf).toContain('Signature Algorithm: sha1WithRSAEncryption')
    expect(leaf).toMatch(/Issuer: CN ?= ?testCA/)
    expect(leaf).toMatch(/Subject: CN ?= ?SecureCFB/)
    expect(leaf).toContain('Serial Number: 2 (0x2)')
  })

  it('prints at authenticate the fingerprints openssl computes for the CA', () => {
    const printed = fingerprintsIn(authenticate)
    expect(printed.md5).toBe(iosStyle(openssl('x509', '-in', file('testCA.pem'), '-noout', '-fingerprint', '-md5')))
    expect(printed.sha1).toBe(iosStyle(openssl('x509', '-in', file('testCA.pem'), '-noout', '-fingerprint', '-sha1')))
  })

  it('prints at the pasted import the fingerprints of CallManager.pem', () => {
    const printed = fingerprintsIn(cucmImport)
    expect(printed.md5).toBe(iosStyle(openssl('x509', '-in', file('cucm.pem'), '-noout', '-fingerprint', '-md5')))
    expect(printed.sha1).toBe(iosStyle(openssl('x509', '-in', file('cucm.pem'), '-noout', '-fingerprint', '-sha1')))
  })

  it('shows in `show crypto pki certificates verbose` the fingerprints openssl computes for the leaf', async () => {
    const out = await d.line('do show crypto pki certificates verbose SecureCFB')
    const leafBlock = out.split('CA Certificate')[0] ?? ''
    expect(fingerprintsIn(leafBlock).sha1).toBe(iosStyle(openssl('x509', '-in', file('SecureCFB.pem'), '-noout', '-fingerprint', '-sha1')))
  })

  it('exports with 3des a key that openssl decrypts and that matches the certificate', () => {
    expect(keyExport).toContain('% Key name: SecureCFB')
    expect(keyExport).toMatch(/Proc-Type: 4,ENCRYPTED\r\nDEK-Info: DES-EDE3-CBC,[0-9A-F]{16}\r\n/)
    const modulus = openssl('rsa', '-in', file('SecureCFB.key'), '-passin', 'pass:Secr3tPass', '-noout', '-modulus')
    expect(modulus).toBe(openssl('x509', '-in', file('SecureCFB.pem'), '-noout', '-modulus'))
    expect(openssl('rsa', '-pubin', '-in', file('SecureCFB.pub'), '-noout', '-modulus')).toBe(modulus)
    const wrong = spawnSync('openssl', ['rsa', '-in', file('SecureCFB.key'), '-passin', 'pass:wrong', '-noout'], { encoding: 'utf8' })
    expect(wrong.status).not.toBe(0)
  })

  it('makes a real 2048-bit self-signed CallManager certificate with the tech note subject', () => {
    const text = openssl('x509', '-in', file('cucm.pem'), '-noout', '-text', '-nameopt', 'sep_comma_plus')
    expect(text).toContain('Public-Key: (2048 bit)')
    expect(text).toContain('Subject: C=CN,O=cisco,OU=a,CN=CUCMPUB15.uc.com,ST=c,L=b')
    expect(text).toContain('Issuer: C=CN,O=cisco,OU=a,CN=CUCMPUB15.uc.com,ST=c,L=b')
    expect(openssl('verify', '-check_ss_sig', '-CAfile', file('cucm.pem'), file('cucm.pem'))).toContain(': OK')
    expect(openssl('rsa', '-in', file('cucm.key'), '-noout', '-modulus')).toBe(
      openssl('x509', '-in', file('cucm.pem'), '-noout', '-modulus'),
    )
    expect(practiceCucmCertificate('openssl-test').pem).toBe(cucm.pem)
    expect(practiceCucmCertificate('another seed').pem).not.toBe(cucm.pem)
  })
})
