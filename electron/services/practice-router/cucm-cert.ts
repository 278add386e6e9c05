import { sign } from 'node:crypto'
import forge from 'node-forge'
import { certificatePem } from './ca'
import { generateRsaKey, generateRsaKeySync } from './keygen'
import { SeededStream, randomSeed } from './rng'

/**
 * A stand-in for CUCM's CallManager.pem: a real self-signed 2048-bit certificate with the subject of
 * the tech note's publisher. Fixed dates so that one seed always gives the same bytes.
 */

const NOT_BEFORE = new Date('2025-06-01T03:12:45Z')
const NOT_AFTER = new Date('2030-05-31T03:12:45Z')
const cache = new Map<string, { pem: string; keyPem: string }>()

type CucmCertificate = { pem: string; keyPem: string }

// node-forge exports getTBSCertificate (lib/x509.js; cert.sign() uses it) but its typings omit it.
const forgePki = forge.pki as typeof forge.pki & { getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1 }

/** Everything but the signature, from the key and the seeded stream that made it. */
function unsignedCertificate(keys: forge.pki.rsa.KeyPair, rng: SeededStream): forge.pki.Certificate {
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  const serial = rng.bytes(16)
  serial[0] = (serial[0] ?? 0) & 0x7f // positive INTEGER
  cert.serialNumber = serial.toString('hex')
  cert.validity.notBefore = NOT_BEFORE
  cert.validity.notAfter = NOT_AFTER
  const attrs = [
    { shortName: 'C', value: 'CN' },
    { shortName: 'O', value: 'cisco' },
    { shortName: 'OU', value: 'a' },
    { shortName: 'CN', value: 'CUCMPUB15.uc.com' },
    { shortName: 'ST', value: 'c' },
    { shortName: 'L', value: 'b' },
  ]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, dataEncipherment: true, keyAgreement: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true, ipsecEndSystem: true },
    { name: 'subjectKeyIdentifier' },
  ])
  return cert
}

function privateKeyPem(keys: forge.pki.rsa.KeyPair): string {
  return forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keys.privateKey))).replace(/\r\n/g, '\n')
}

export function practiceCucmCertificate(seed: string = randomSeed()): CucmCertificate {
  const cached = cache.get(seed)
  if (cached) return cached
  const rng = new SeededStream(seed, 'cucm-callmanager')
  const keys = generateRsaKeySync(2048, rng)
  const cert = unsignedCertificate(keys, rng)
  cert.sign(keys.privateKey, forge.md.sha256.create())
  const result = { pem: certificatePem(cert), keyPem: privateKeyPem(keys) }
  cache.set(seed, result)
  return result
}

function signAsync(data: Buffer, keyPem: string): Promise<Buffer> {
  return new Promise((resolve, reject) => sign('sha256', data, keyPem, (err, signature) => (err ? reject(err) : resolve(signature))))
}

/**
 * The same certificate as practiceCucmCertificate(seed), made without holding the event loop:
 * primality tests and the RSA signature run on libuv's thread pool (node:crypto), so the host
 * keeps serving its windows meanwhile. PKCS#1 v1.5 signatures are deterministic, so the bytes
 * match the synchronous builder's.
 */
export async function practiceCucmCertificateAsync(seed: string = randomSeed()): Promise<CucmCertificate> {
  const cached = cache.get(seed)
  if (cached) return cached
  const rng = new SeededStream(seed, 'cucm-callmanager')
  const keys = await generateRsaKey(2048, rng)
  const cert = unsignedCertificate(keys, rng)
  // What forge's cert.sign() does, with the private-key operation handed to OpenSSL.
  cert.siginfo.algorithmOid = cert.signatureOid = forge.pki.oids.sha256WithRSAEncryption ?? '1.2.840.113549.1.1.11'
  cert.md = forge.md.sha256.create()
  const tbs = forgePki.getTBSCertificate(cert)
  cert.tbsCertificate = tbs
  const keyPem = privateKeyPem(keys)
  const signature = await signAsync(Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary'), keyPem)
  cert.signature = signature.toString('binary')
  const result = { pem: certificatePem(cert), keyPem }
  cache.set(seed, result)
  return result
}
