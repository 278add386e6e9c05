import forge from 'node-forge'
import type { KeptCertificate } from '../../shared/contract'

/**
 * `count` distinct certificates (one 1024-bit key, each its own subject and serial), as PEM: the
 * workbench library a long-serving engineer ends up with. Only their number and size matter here.
 */
export function benchCertificates(count: number): string[] {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 })
  const pems: string[] = []
  for (let i = 0; i < count; i += 1) {
    const cert = forge.pki.createCertificate()
    cert.publicKey = keys.publicKey
    cert.serialNumber = (0x1000 + i).toString(16)
    cert.validity.notBefore = new Date(Date.UTC(2026, 0, 1))
    cert.validity.notAfter = new Date(Date.UTC(2031, 0, 1))
    const attrs = [
      { name: 'commonName', value: `bench-${i}.uc.com` },
      { name: 'organizationName', value: 'Lab Console bench' },
    ]
    cert.setSubject(attrs)
    cert.setIssuer(attrs)
    cert.setExtensions([{ name: 'basicConstraints', cA: i % 10 === 0 }, { name: 'subjectKeyIdentifier' }])
    cert.sign(keys.privateKey, forge.md.sha256.create())
    pems.push(forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n'))
  }
  return pems
}

export function asKept(pems: readonly string[]): KeptCertificate[] {
  return pems.map((pem, i) => ({ id: `bench-${i}`, name: `bench-${i}.uc.com`, pem, addedAt: '2026-01-01T00:00:00.000Z' }))
}
