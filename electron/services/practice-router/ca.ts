import { createHash } from 'node:crypto'
import forge from 'node-forge'

/** X.509 work for the simulator: the CA's self-signed certificate, issued leaves, fingerprints, PEM I/O. */

export type HashName = 'md5' | 'sha1' | 'sha256' | 'sha512'

export interface NameAttribute {
  readonly key: string // lower-case IOS spelling: cn, ou, o, l, st, c, e
  readonly value: string
}

const FORGE_NAMES: Record<string, { shortName?: string; name?: string }> = {
  cn: { shortName: 'CN' },
  ou: { shortName: 'OU' },
  o: { shortName: 'O' },
  l: { shortName: 'L' },
  st: { shortName: 'ST' },
  c: { shortName: 'C' },
  e: { name: 'emailAddress' },
  hostname: { name: 'unstructuredName' },
  serialnumber: { name: 'serialNumber' },
}
const IOS_NAMES: Record<string, string> = { emailAddress: 'e', unstructuredName: 'hostname', serialNumber: 'serialnumber' }

/** Parses `cn=SecureCFB, ou=Voice`. Returns null when a part is not key=value with a known key. */
export function parseSubjectName(text: string): NameAttribute[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
  const out: NameAttribute[] = []
  for (const part of parts) {
    const eq = part.indexOf('=')
    if (eq <= 0) return null
    const key = part.slice(0, eq).trim().toLowerCase()
    const value = part.slice(eq + 1).trim()
    if (!(key in FORGE_NAMES) || value.length === 0) return null
    out.push({ key, value })
  }
  return out.length > 0 ? out : null
}

function toForgeAttrs(name: readonly NameAttribute[]): forge.pki.CertificateField[] {
  return name.map((a) => ({ ...FORGE_NAMES[a.key], value: a.value }))
}

/** Name attributes of a certificate's subject or issuer, in certificate order, IOS spelling. */
export function nameAttributes(fields: forge.pki.Certificate['subject']): NameAttribute[] {
  return fields.attributes.map((a) => {
    const key = (a.name && IOS_NAMES[a.name]) ?? (a.shortName ?? a.name ?? a.type ?? '?').toLowerCase()
    return { key, value: String(a.value) }
  })
}

export function commonName(cert: forge.pki.Certificate): string | undefined {
  const field = cert.subject.getField('CN') as { value?: unknown } | null
  return typeof field?.value === 'string' ? field.value : undefined
}

function digest(hash: HashName): forge.md.MessageDigest {
  switch (hash) {
    case 'md5':
      return forge.md.md5.create()
    case 'sha1':
      return forge.md.sha1.create()
    case 'sha256':
      return forge.md.sha256.create()
    case 'sha512':
      return forge.md.sha512.create()
  }
}

function serialHex(serial: number | string): string {
  const hex = typeof serial === 'number' ? serial.toString(16) : serial
  return hex.length % 2 === 0 ? hex : `0${hex}`
}

export interface CaCertificateSpec {
  readonly keys: forge.pki.rsa.KeyPair
  readonly subject: readonly NameAttribute[]
  readonly notBefore: Date
  readonly notAfter: Date
  readonly hash: HashName
  readonly serial: number | string
}

export function createCaCertificate(spec: CaCertificateSpec): forge.pki.Certificate {
  const cert = forge.pki.createCertificate()
  cert.publicKey = spec.keys.publicKey
  cert.serialNumber = serialHex(spec.serial)
  cert.validity.notBefore = spec.notBefore
  cert.validity.notAfter = spec.notAfter
  const attrs = toForgeAttrs(spec.subject)
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  const ski = cert.generateSubjectKeyIdentifier().getBytes()
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyCertSign: true, cRLSign: true, critical: true },
    { name: 'authorityKeyIdentifier', keyIdentifier: ski },
    { name: 'subjectKeyIdentifier', subjectKeyIdentifier: forge.util.bytesToHex(ski) },
  ])
  cert.sign(spec.keys.privateKey, digest(spec.hash))
  return cert
}

export interface LeafSpec {
  readonly ca: forge.pki.Certificate
  readonly caKey: forge.pki.rsa.PrivateKey
  readonly publicKey: forge.pki.rsa.PublicKey
  readonly subject: readonly NameAttribute[]
  readonly notBefore: Date
  readonly notAfter: Date
  readonly hash: HashName
  readonly serial: number
}

export function issueCertificate(spec: LeafSpec): forge.pki.Certificate {
  const cert = forge.pki.createCertificate()
  cert.publicKey = spec.publicKey
  cert.serialNumber = serialHex(spec.serial)
  cert.validity.notBefore = spec.notBefore
  cert.validity.notAfter = spec.notAfter
  cert.setSubject(toForgeAttrs(spec.subject))
  cert.setIssuer(spec.ca.subject.attributes)
  cert.setExtensions([
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'authorityKeyIdentifier', keyIdentifier: spec.ca.generateSubjectKeyIdentifier().getBytes() },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(spec.caKey, digest(spec.hash))
  return cert
}

export function certificateDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')
}

/** PEM with \n line endings, as forge and openssl write it. */
export function certificatePem(cert: forge.pki.Certificate): string {
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n')
}

export function certificateFromPem(pem: string): forge.pki.Certificate {
  return forge.pki.certificateFromPem(pem)
}

export function certificateFromDer(der: Buffer): forge.pki.Certificate {
  return forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary')))
}

/** `383BA13D C37D0E5D 9E9086E4 8C8D1E75`: upper-case hex in groups of 8, as IOS prints it. */
export function iosFingerprint(der: Buffer, hash: 'md5' | 'sha1'): string {
  const hex = createHash(hash).update(der).digest('hex').toUpperCase()
  return hex.match(/.{8}/g)?.join(' ') ?? hex
}

export function pemFingerprint(pem: string, hash: 'md5' | 'sha1'): string {
  return iosFingerprint(certificateDer(certificateFromPem(pem)), hash)
}

export function privateKeyPem(key: forge.pki.rsa.PrivateKey): string {
  return forge.pki.privateKeyToPem(key).replace(/\r\n/g, '\n')
}

export function privateKeyFromPem(pem: string): forge.pki.rsa.PrivateKey {
  return forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey
}

export function publicKeyOf(key: forge.pki.rsa.PrivateKey): forge.pki.rsa.PublicKey {
  return forge.pki.setRsaPublicKey(key.n, key.e)
}

export function publicKeyPem(key: forge.pki.rsa.PublicKey): string {
  return forge.pki.publicKeyToPem(key).replace(/\r\n/g, '\n')
}

export function keyBits(key: forge.pki.rsa.PublicKey | forge.pki.rsa.PrivateKey): number {
  return key.n.bitLength()
}

function evpBytesToKey(password: string, salt: Buffer, length: number): Buffer {
  let out = Buffer.alloc(0)
  let prev = Buffer.alloc(0)
  while (out.length < length) {
    prev = createHash('md5').update(prev).update(password, 'binary').update(salt).digest()
    out = Buffer.concat([out, prev])
  }
  return out.subarray(0, length)
}

/**
 * The traditional OpenSSL encrypted PEM that IOS exports with `3des`: PKCS#1 DER, key from
 * EVP_BytesToKey(MD5, password, first 8 IV bytes), DES-EDE3-CBC. The IV comes from the caller so
 * that seeded routers export identical bytes.
 */
export function encryptedPrivateKeyPem(key: forge.pki.rsa.PrivateKey, password: string, iv: Buffer): string {
  const der = forge.asn1.toDer(forge.pki.privateKeyToAsn1(key)).getBytes()
  const ivBytes = iv.subarray(0, 8).toString('binary')
  const dk = evpBytesToKey(password, iv.subarray(0, 8), 24).toString('binary')
  const cipher = forge.cipher.createCipher('3DES-CBC', dk)
  cipher.start({ iv: ivBytes })
  cipher.update(forge.util.createBuffer(der))
  cipher.finish()
  const body = cipher.output.getBytes()
  return forge.pem
    .encode({
      type: 'RSA PRIVATE KEY',
      procType: { version: '4', type: 'ENCRYPTED' },
      dekInfo: { algorithm: 'DES-EDE3-CBC', parameters: forge.util.bytesToHex(ivBytes).toUpperCase() },
      body,
    })
    .replace(/\r\n/g, '\n')
}

export function signatureAlgorithmName(cert: forge.pki.Certificate): string {
  const names: Record<string, string> = {
    md5WithRSAEncryption: 'MD5 with RSA Encryption',
    sha1WithRSAEncryption: 'SHA1 with RSA Encryption',
    sha256WithRSAEncryption: 'SHA256 with RSA Encryption',
    sha512WithRSAEncryption: 'SHA512 with RSA Encryption',
  }
  const oidName = forge.pki.oids[cert.siginfo.algorithmOid] ?? cert.siginfo.algorithmOid
  return names[oidName] ?? oidName
}

/** Upper-case hex serial with an even number of digits: `01`, `02`. */
export function serialText(cert: forge.pki.Certificate): string {
  const hex = cert.serialNumber.replace(/^(00)+(?=..)/, '').toUpperCase()
  return hex.length % 2 === 0 ? hex : `0${hex}`
}

/**
 * The DER of the PKCS#10 request `crypto pki enroll` sends, for its "Certificate Request
 * Fingerprint" lines. RSA PKCS#1 v1.5 signatures are deterministic, so a seeded lab prints the
 * same fingerprints every run.
 */
export function certificationRequestDer(key: forge.pki.rsa.PrivateKey, subject: readonly NameAttribute[]): Buffer {
  const csr = forge.pki.createCertificationRequest()
  csr.publicKey = publicKeyOf(key)
  csr.setSubject(toForgeAttrs(subject))
  csr.sign(key, forge.md.sha1.create())
  const der = forge.asn1.toDer(forge.pki.certificationRequestToAsn1(csr)).getBytes()
  return Buffer.from(der, 'binary')
}
