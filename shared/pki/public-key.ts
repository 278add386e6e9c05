import { encodeBase64 } from './base64'
import {
  childrenOf,
  contentOf,
  contentStart,
  DerError,
  expectUniversal,
  isUniversal,
  readOid,
  readTlv,
  readWhole,
  TAG,
  type Tlv,
} from './der'
import { CURVES, KEY_ALGORITHMS } from './oids'
import type { PublicKeyInfo } from './types'

/** Bit length of a big-endian unsigned integer. */
export function bitLength(magnitude: Uint8Array): number {
  let i = 0
  while (i < magnitude.length && magnitude[i] === 0) i++
  if (i === magnitude.length) return 0
  const top = magnitude[i] ?? 0
  return (magnitude.length - i - 1) * 8 + (32 - Math.clz32(top))
}

/** Reads SubjectPublicKeyInfo: algorithm, RSA modulus size or EC curve. */
export function readSpki(bytes: Uint8Array, spki: Tlv): PublicKeyInfo {
  const [algTlv, keyTlv] = childrenOf(bytes, spki)
  const [oidTlv, params] = childrenOf(bytes, expectUniversal(algTlv, TAG.SEQUENCE, 'public key algorithm'))
  const oid = readOid(bytes, expectUniversal(oidTlv, TAG.OID, 'public key algorithm OID'))
  const spkiBase64 = encodeBase64(bytes.subarray(spki.offset, spki.end))
  const key = contentOf(bytes, expectUniversal(keyTlv, TAG.BIT_STRING, 'public key')).subarray(1)
  switch (oid) {
    case KEY_ALGORITHMS.RSA: {
      const bits = checkedRsaBits(key, contentStart(keyTlv as Tlv) + 1)
      return { algorithm: 'RSA', oid, bits, spki: spkiBase64 }
    }
    case KEY_ALGORITHMS.EC: {
      const curveOid = params && isUniversal(params, TAG.OID) ? readOid(bytes, params) : undefined
      const curve = curveOid ? CURVES[curveOid] : undefined
      if (curve) checkEcPoint(key, curve, contentStart(keyTlv as Tlv) + 1)
      return {
        algorithm: 'EC',
        oid,
        curve: curve?.name ?? curveOid ?? 'explicit parameters',
        ...(curve ? { bits: curve.bits } : {}),
        spki: spkiBase64,
      }
    }
    case KEY_ALGORITHMS.Ed25519:
      return { algorithm: 'Ed25519', oid, bits: 256, spki: spkiBase64 }
    case KEY_ALGORITHMS.Ed448:
      return { algorithm: 'Ed448', oid, bits: 456, spki: spkiBase64 }
    case KEY_ALGORITHMS.DSA:
      return { algorithm: 'DSA', oid, spki: spkiBase64 }
    default:
      return { algorithm: 'unknown', oid, spki: spkiBase64 }
  }
}

/**
 * Modulus size of the certificate's RSAPublicKey. Strict, because OCR damage often lands in the
 * long base64 run of the key, and the X.509 parse alone does not look inside it.
 */
function checkedRsaBits(key: Uint8Array, keyOffset: number): number {
  try {
    const seq = readWhole(key, 'the RSA public key')
    const [n, e] = childrenOf(key, seq)
    expectUniversal(n, TAG.INTEGER, 'RSA modulus')
    expectUniversal(e, TAG.INTEGER, 'RSA exponent')
    if (!isUniversal(seq, TAG.SEQUENCE) || !n) throw new DerError('unexpected layout', 0, 'malformed')
    return bitLength(contentOf(key, n))
  } catch (err) {
    const at = keyOffset + (err instanceof DerError ? err.byteOffset : 0)
    throw new DerError('the RSA public key inside the certificate is damaged', at, 'malformed')
  }
}

function checkEcPoint(point: Uint8Array, curve: { name: string; bits: number }, keyOffset: number): void {
  const size = Math.ceil(curve.bits / 8)
  const ok = (point[0] === 4 && point.length === 1 + 2 * size) || ((point[0] === 2 || point[0] === 3) && point.length === 1 + size)
  if (!ok) {
    throw new DerError(
      `the ${curve.name} public key is damaged: ${point.length} bytes starting with ${point[0] ?? 0}`,
      keyOffset,
      'malformed',
    )
  }
}

/** Modulus size of a PKCS#1 RSAPublicKey (or the start of an RSAPrivateKey: pass `skip` = 1). */
export function rsaModulusBits(pkcs1: Uint8Array, skip = 0): number | undefined {
  try {
    const seq = readTlv(pkcs1, 0)
    const n = childrenOf(pkcs1, seq)[skip]
    if (!n || !isUniversal(n, TAG.INTEGER)) return undefined
    return bitLength(contentOf(pkcs1, n))
  } catch {
    return undefined
  }
}
