import { childrenOf, contentOf, isContext, isUniversal, latin1, readOid, readTlv, TAG, type Tlv } from './der'
import { CIPHERS, CURVES, isWeakCipher, KEY_ALGORITHMS, PBES2 } from './oids'
import { readSpki, rsaModulusBits } from './public-key'
import type { KeyBlockInfo, SourceRef } from './types'

export const PRIVATE_KEY_LABELS = [
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'DSA PRIVATE KEY',
  'PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'OPENSSH PRIVATE KEY',
] as const
export const PUBLIC_KEY_LABELS = ['PUBLIC KEY', 'RSA PUBLIC KEY'] as const

export function isKeyLabel(label: string): boolean {
  return (PRIVATE_KEY_LABELS as readonly string[]).includes(label) || (PUBLIC_KEY_LABELS as readonly string[]).includes(label)
}

/** RFC 1421 headers inside a PEM block (`Proc-Type`, `DEK-Info`). */
export type PemHeaders = Record<string, string>

function algorithmOf(oid: string): KeyBlockInfo['algorithm'] {
  switch (oid) {
    case KEY_ALGORITHMS.RSA:
      return 'RSA'
    case KEY_ALGORITHMS.EC:
      return 'EC'
    case KEY_ALGORITHMS.DSA:
      return 'DSA'
    case KEY_ALGORITHMS.Ed25519:
      return 'Ed25519'
    default:
      return 'unknown'
  }
}

/**
 * Describes a key block without keeping any key material. `der` is undefined when the base64 was
 * damaged; the label and headers alone still say "this is a private key".
 */
export function describeKeyBlock(
  label: string,
  headers: PemHeaders,
  der: Uint8Array | undefined,
  source: SourceRef,
  roleLabel?: string,
): KeyBlockInfo {
  const isPrivate = label.includes('PRIVATE')
  const legacyEncrypted = /ENCRYPTED/i.test(headers['Proc-Type'] ?? '')
  const dekCipher = headers['DEK-Info']?.split(',')[0]?.trim().toUpperCase()
  const info: KeyBlockInfo = {
    kind: isPrivate ? 'private' : 'public',
    pemLabel: label,
    format: 'unknown',
    encrypted: legacyEncrypted || label === 'ENCRYPTED PRIVATE KEY',
    weakEncryption: false,
    source,
    ...(roleLabel ? { roleLabel } : {}),
  }
  if (legacyEncrypted && dekCipher) info.cipher = dekCipher
  try {
    fillFromDer(info, label, legacyEncrypted ? undefined : der)
  } catch {
    // Best effort: a key we cannot decode is still reported by its label.
  }
  info.weakEncryption = info.encrypted && info.cipher !== undefined && isWeakCipher(info.cipher)
  return info
}

function fillFromDer(info: KeyBlockInfo, label: string, der: Uint8Array | undefined): void {
  switch (label) {
    case 'RSA PRIVATE KEY':
      info.format = 'pkcs1'
      info.algorithm = 'RSA'
      if (der) setBits(info, rsaModulusBits(der, 1))
      return
    case 'RSA PUBLIC KEY':
      info.format = 'pkcs1-public'
      info.algorithm = 'RSA'
      if (der) setBits(info, rsaModulusBits(der, 0))
      return
    case 'EC PRIVATE KEY':
      info.format = 'sec1'
      info.algorithm = 'EC'
      if (der) {
        const params = childrenOf(der, readTlv(der, 0)).find((t) => isContext(t, 0))
        const curveTlv = params ? childrenOf(der, params)[0] : undefined
        if (curveTlv && isUniversal(curveTlv, TAG.OID)) setCurve(info, readOid(der, curveTlv))
      }
      return
    case 'DSA PRIVATE KEY':
      info.format = 'pkcs1'
      info.algorithm = 'DSA'
      return
    case 'PUBLIC KEY':
      info.format = 'spki'
      if (der) {
        const pk = readSpki(der, readTlv(der, 0))
        info.algorithm =
          pk.algorithm === 'RSA' || pk.algorithm === 'EC' || pk.algorithm === 'DSA' || pk.algorithm === 'Ed25519' ? pk.algorithm : 'unknown'
        if (pk.bits !== undefined) info.bits = pk.bits
        if (pk.curve !== undefined) info.curve = pk.curve
      }
      return
    case 'PRIVATE KEY':
      info.format = 'pkcs8'
      if (der) readPkcs8(info, der)
      return
    case 'ENCRYPTED PRIVATE KEY':
      info.format = 'pkcs8-encrypted'
      if (der) info.cipher = pkcs8Cipher(der)
      return
    case 'OPENSSH PRIVATE KEY':
      info.format = 'openssh'
      if (der) readOpenSsh(info, der)
      return
  }
}

function setBits(info: KeyBlockInfo, bits: number | undefined): void {
  if (bits !== undefined) info.bits = bits
}

function setCurve(info: KeyBlockInfo, oid: string): void {
  const curve = CURVES[oid]
  info.curve = curve?.name ?? oid
  if (curve) info.bits = curve.bits
}

function readPkcs8(info: KeyBlockInfo, der: Uint8Array): void {
  const [, alg, key] = childrenOf(der, readTlv(der, 0))
  if (!alg) return
  const [oidTlv, params] = childrenOf(der, alg)
  if (!oidTlv) return
  const oid = readOid(der, oidTlv)
  info.algorithm = algorithmOf(oid)
  if (oid === KEY_ALGORITHMS.RSA && key) setBits(info, rsaModulusBits(contentOf(der, key), 1))
  if (oid === KEY_ALGORITHMS.EC && params && isUniversal(params, TAG.OID)) setCurve(info, readOid(der, params))
}

function pkcs8Cipher(der: Uint8Array): string | undefined {
  const [alg] = childrenOf(der, readTlv(der, 0))
  if (!alg) return undefined
  const [oidTlv, params] = childrenOf(der, alg)
  if (!oidTlv) return undefined
  const oid = readOid(der, oidTlv)
  if (oid !== PBES2) return CIPHERS[oid] ?? oid
  if (!params) return undefined
  const encScheme: Tlv | undefined = childrenOf(der, params)[1]
  const encOid = encScheme ? childrenOf(der, encScheme)[0] : undefined
  if (!encOid) return undefined
  const cipherOid = readOid(der, encOid)
  return CIPHERS[cipherOid] ?? cipherOid
}

/** openssh-key-v1: magic, then string ciphername, string kdfname. */
function readOpenSsh(info: KeyBlockInfo, bin: Uint8Array): void {
  const magic = 'openssh-key-v1\0'
  if (latin1(bin.subarray(0, magic.length)) !== magic) return
  const p = magic.length
  const len = (((bin[p] ?? 0) << 24) | ((bin[p + 1] ?? 0) << 16) | ((bin[p + 2] ?? 0) << 8) | (bin[p + 3] ?? 0)) >>> 0
  const cipher = latin1(bin.subarray(p + 4, p + 4 + Math.min(len, 64)))
  info.encrypted = cipher !== 'none'
  if (info.encrypted) info.cipher = cipher.toUpperCase()
}
