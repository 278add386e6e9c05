import { encodeBase64 } from './base64'
import {
  childrenOf,
  contentOf,
  DerError,
  expectUniversal,
  isContext,
  isUniversal,
  readOid,
  readTime,
  readTlv,
  TAG,
  toHex,
  validateTree,
  type Tlv,
} from './der'
import { readExtensions } from './extensions'
import { computeFingerprints } from './hash'
import { commonNameOf, readName, sameName } from './names'
import { SIGNATURE_ALGORITHMS } from './oids'
import { readSpki } from './public-key'
import type { CertRole, ParsedCertificate, SignatureAlgorithmInfo, SourceRef } from './types'

/** Thrown for bytes that are not a certificate; carries the byte offset when one is known. */
export class CertificateParseError extends Error {
  constructor(
    message: string,
    readonly byteOffset?: number,
    readonly truncated?: { expected: number; found: number },
  ) {
    super(message)
    this.name = 'CertificateParseError'
  }
}

/** The raw pieces signature checks need, sliced out of the DER. */
export interface CertificateParts {
  tbs: Uint8Array
  signatureAlgorithmOid: string
  /** Signature BIT STRING contents without the unused-bits octet. */
  signature: Uint8Array
}

export function pemWrap(label: string, base64: string): string {
  const lines = base64.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/** The outer element, with truncation reported as expected vs found byte counts. */
export function outerElement(bytes: Uint8Array): Tlv {
  try {
    return readTlv(bytes, 0)
  } catch (e) {
    if (e instanceof DerError) {
      const truncated = e.expected !== undefined && e.found !== undefined ? { expected: e.expected, found: e.found } : undefined
      const message = truncated ? `DER truncated: expected ${truncated.expected} bytes, found ${truncated.found}` : `not DER: ${e.message}`
      throw new CertificateParseError(message, e.byteOffset, truncated)
    }
    throw e
  }
}

export function splitCertificate(bytes: Uint8Array): CertificateParts {
  const outer = outerElement(bytes)
  const [tbs, alg, sig] = childrenOf(bytes, outer)
  expectUniversal(tbs, TAG.SEQUENCE, 'tbsCertificate')
  const algOid = readOid(
    bytes,
    expectUniversal(childrenOf(bytes, expectUniversal(alg, TAG.SEQUENCE, 'signatureAlgorithm'))[0], TAG.OID, 'signature algorithm OID'),
  )
  const sigTlv = expectUniversal(sig, TAG.BIT_STRING, 'signatureValue')
  return {
    tbs: bytes.subarray(tbs?.offset ?? 0, tbs?.end ?? 0),
    signatureAlgorithmOid: algOid,
    signature: contentOf(bytes, sigTlv).subarray(1),
  }
}

export function signatureAlgorithmInfo(oid: string): SignatureAlgorithmInfo {
  const known = SIGNATURE_ALGORITHMS[oid]
  return known ? { ...known, oid } : { name: oid, oid }
}

/** Serial as openssl prints it: magnitude bytes, upper-case, at least one byte. */
function serialHex(bytes: Uint8Array, t: Tlv): string {
  let c = contentOf(bytes, t)
  if (c.length > 1 && c[0] === 0 && ((c[1] ?? 0) & 0x80) !== 0) c = c.subarray(1)
  const negative = c.length > 0 && ((c[0] ?? 0) & 0x80) !== 0
  return (negative ? '-' : '') + toHex(c)
}

export function roleFromLabel(label: string | undefined, isCa: boolean): CertRole {
  if (label) {
    if (/\bCA\b|root/i.test(label)) return 'ca'
    if (/certificate/i.test(label)) return 'identity'
  }
  return isCa ? 'ca' : 'identity'
}

/**
 * Parses certificate DER (trailing bytes must already be cut off). Throws
 * CertificateParseError with the byte offset of the first structural fault.
 */
export function parseCertificateDer(der: Uint8Array, source: SourceRef, roleLabel?: string): ParsedCertificate {
  const outer = outerElement(der)
  try {
    validateTree(der, outer)
  } catch (e) {
    if (e instanceof DerError) throw new CertificateParseError(`DER structure broken: ${e.message}`, e.byteOffset)
    throw e
  }
  try {
    const [tbs, alg] = childrenOf(der, expectUniversal(outer, TAG.SEQUENCE, 'certificate'))
    const fields = childrenOf(der, expectUniversal(tbs, TAG.SEQUENCE, 'tbsCertificate'))
    let i = 0
    let version = 1
    const first = fields[0]
    if (first && isContext(first, 0)) {
      const v = childrenOf(der, first)[0]
      version = (contentOf(der, expectUniversal(v, TAG.INTEGER, 'version'))[0] ?? 0) + 1
      i++
    }
    const serial = expectUniversal(fields[i++], TAG.INTEGER, 'serialNumber')
    i++ // inner signature AlgorithmIdentifier; the outer one is what was used
    const issuer = readName(der, fields[i++], 'issuer')
    const validity = childrenOf(der, expectUniversal(fields[i++], TAG.SEQUENCE, 'validity'))
    const subject = readName(der, fields[i++], 'subject')
    const spkiTlv = expectUniversal(fields[i++], TAG.SEQUENCE, 'subjectPublicKeyInfo')
    const [nb, na] = validity
    if (!nb || !na) throw new DerError('validity needs two dates', validity[0]?.offset ?? 0, 'malformed')
    const algOid = readOid(
      der,
      expectUniversal(childrenOf(der, expectUniversal(alg, TAG.SEQUENCE, 'signatureAlgorithm'))[0], TAG.OID, 'signature algorithm OID'),
    )
    // issuerUniqueID [1] and subjectUniqueID [2] may stand between the key and the extensions [3].
    const extensions = readExtensions(
      der,
      fields.slice(i).find((f) => isContext(f, 3)),
    )
    const publicKey = readSpki(der, spkiTlv)
    const serialText = serialHex(der, serial)
    const isCa = extensions.basicConstraints?.ca === true
    const ski = extensions.subjectKeyIdentifier
    const aki = extensions.authorityKeyIdentifier
    const isSelfSigned = sameName(subject, issuer) && (!ski || !aki || ski === aki)
    const fingerprints = computeFingerprints(der)
    const base64 = encodeBase64(der)
    const cn = commonNameOf(subject)
    return {
      id: fingerprints.sha256.hex,
      der: base64,
      pem: pemWrap('CERTIFICATE', base64),
      source,
      ...(roleLabel ? { roleLabel } : {}),
      role: roleFromLabel(roleLabel, isCa),
      version,
      serialHex: serialText,
      serialIos: `Certificate Serial Number (hex): ${serialText}`,
      subject,
      issuer,
      ...(cn !== undefined ? { commonName: cn } : {}),
      notBefore: timeOf(der, nb),
      notAfter: timeOf(der, na),
      publicKey,
      signatureAlgorithm: signatureAlgorithmInfo(algOid),
      extensions,
      isSelfSigned,
      isCa,
      fingerprints,
    }
  } catch (e) {
    if (e instanceof CertificateParseError) throw e
    if (e instanceof DerError) throw new CertificateParseError(e.message, e.byteOffset)
    const why = e instanceof Error ? e.message : String(e)
    throw new CertificateParseError(`not an X.509 certificate: ${why}`)
  }
}

function timeOf(der: Uint8Array, t: Tlv): string {
  if (!isUniversal(t, TAG.UTC_TIME) && !isUniversal(t, TAG.GENERALIZED_TIME)) {
    throw new DerError(`validity date at byte ${t.offset} is not a time`, t.offset, 'malformed')
  }
  return readTime(der, t)
}
