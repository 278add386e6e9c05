import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseInput } from '../../../shared/pki'
import { openssl } from './helpers'

// The extensions are decoded by shared/pki's own DER reader (no second X.509 library): every
// kind the workbench shows is checked here against what openssl itself wrote and prints.
const dir = mkdtempSync(join(tmpdir(), 'lab-ext-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function makeCert(...addext: string[]): string {
  const pem = join(dir, `c${Math.random().toString(36).slice(2)}.pem`)
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(dir, 'k.pem'),
    '-out',
    pem,
    '-days',
    '30',
    '-subj',
    '/CN=ext-test',
    ...addext.flatMap((e) => ['-addext', e]),
  ])
  return readFileSync(pem, 'utf8')
}

describe('extensions decoded like openssl prints them', () => {
  const pem = makeCert(
    'subjectAltName=DNS:cucm.example.com,IP:10.1.2.3,IP:2001:db8::1,email:ops@example.com,URI:https://cucm.example.com/',
    'basicConstraints=critical,CA:TRUE,pathlen:2',
    'keyUsage=critical,keyCertSign,cRLSign,digitalSignature,decipherOnly',
    'extendedKeyUsage=serverAuth,clientAuth,1.3.6.1.5.5.7.3.17',
  )

  it('reads SAN kinds, basic constraints with path length, key usage bits and EKU', () => {
    const cert = parseInput(pem).certificates[0]
    const text = openssl(['x509', '-noout', '-text'], pem)
    expect(text).toContain('DNS:cucm.example.com, IP Address:10.1.2.3, IP Address:2001:DB8:0:0:0:0:0:1')
    expect(cert?.extensions.subjectAltNames).toEqual([
      { type: 'dns', value: 'cucm.example.com' },
      { type: 'ip', value: '10.1.2.3' },
      { type: 'ip', value: '2001:db8::1' },
      { type: 'email', value: 'ops@example.com' },
      { type: 'url', value: 'https://cucm.example.com/' },
    ])
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:2/)
    expect(cert?.extensions.basicConstraints).toEqual({ ca: true, pathLength: 2, critical: true })
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Certificate Sign, CRL Sign, Decipher Only/)
    expect(cert?.extensions.keyUsage).toEqual({ usages: ['digitalSignature', 'keyCertSign', 'cRLSign', 'decipherOnly'], critical: true })
    expect(cert?.extensions.extendedKeyUsage).toEqual({ usages: ['serverAuth', 'clientAuth', '1.3.6.1.5.5.7.3.17'], critical: false })
    expect(cert?.extensions.all.map((e) => e.name)).toEqual(
      expect.arrayContaining(['subjectAltName', 'basicConstraints', 'keyUsage', 'extendedKeyUsage', 'subjectKeyIdentifier']),
    )
  })
})
