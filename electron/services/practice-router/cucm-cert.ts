import forge from 'node-forge'
import { certificatePem } from './ca'
import { generateRsaKeySync } from './keygen'
import { SeededStream, randomSeed } from './rng'

/**
 * A stand-in for CUCM's CallManager.pem: a real self-signed 2048-bit certificate with the subject of
 * the tech note's publisher. Fixed dates so that one seed always gives the same bytes.
 */

const NOT_BEFORE = new Date('2025-06-01T03:12:45Z')
const NOT_AFTER = new Date('2030-05-31T03:12:45Z')
const cache = new Map<string, { pem: string; keyPem: string }>()

export function practiceCucmCertificate(seed: string = randomSeed()): { pem: string; keyPem: string } {
  const cached = cache.get(seed)
  if (cached) return cached
  const rng = new SeededStream(seed, 'cucm-callmanager')
  const keys = generateRsaKeySync(2048, rng)
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  const serial = rng.bytes(16)
  serial[0] = (serial[0] ?? 0) & 0x7f // positive INTEGER
  cert.serialNumber = serial.toString('hex')
  cert.validity.notBefore = NOT_BEFORE
  cert.validity.notAfter = NOT_AFTER
  const attrs = [
    { shortName: 'C', value: 'CN' }, { shortName: 'O', value: 'cisco' }, { shortName: 'OU', value: 'a' },
    { shortName: 'CN', value: 'CUCMPUB15.uc.com' }, { shortName: 'ST', value: 'c' }, { shortName: 'L', value: 'b' },
  ]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, dataEncipherment: true, keyAgreement: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true, ipsecEndSystem: true },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  const keyPem = forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keys.privateKey)))
  const result = { pem: certificatePem(cert), keyPem: keyPem.replace(/\r\n/g, '\n') }
  cache.set(seed, result)
  return result
}
