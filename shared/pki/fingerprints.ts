// Fingerprint text: formats, lengths and algorithm names. No hashing and no DER here, so the
// renderer's main thread can compare fingerprints without shipping the parser (computing them
// is hash.ts, in the parse worker).
import type { Fingerprint, Fingerprints } from './types'

export type FingerprintAlgorithm = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

/** Hex digits only, upper-case: how fingerprints are compared (rule 3). */
export function normalizeHex(text: string): string {
  return text.replace(/[^0-9a-fA-F]/g, '').toUpperCase()
}

/** `hex` cut into groups of `size` characters joined by `separator` (the last group may be shorter). */
export function groupHex(hex: string, size: number, separator: string): string {
  const groups: string[] = []
  for (let i = 0; i < hex.length; i += size) groups.push(hex.slice(i, i + size))
  return groups.join(separator)
}

/** IOS style: upper-case, groups of 8 hex digits separated by single spaces. */
export function iosStyle(hex: string): string {
  return groupHex(normalizeHex(hex), 8, ' ')
}

/** openssl style: upper-case byte pairs separated by colons. */
export function colonStyle(hex: string): string {
  return groupHex(normalizeHex(hex), 2, ':')
}

export function toFingerprint(hex: string): Fingerprint {
  const h = normalizeHex(hex)
  return { hex: h, ios: iosStyle(h), colon: colonStyle(h) }
}

export function algorithmForLength(hexDigits: number): FingerprintAlgorithm | undefined {
  switch (hexDigits) {
    case 32:
      return 'MD5'
    case 40:
      return 'SHA-1'
    case 64:
      return 'SHA-256'
    case 96:
      return 'SHA-384'
    case 128:
      return 'SHA-512'
    default:
      return undefined
  }
}

/** Reads an algorithm name out of a label such as `Fingerprint SHA1`, `sha256 Fingerprint`, `Cert Hash(sha1)`. */
export function algorithmFromLabel(label: string): FingerprintAlgorithm | undefined {
  const m = /\b(md5|sha-?1|sha-?256|sha-?384|sha-?512)(?![0-9])/i.exec(label.replace(/_/g, ' '))
  if (!m) return undefined
  const k = (m[1] ?? '').toUpperCase().replace('-', '')
  const map: Record<string, FingerprintAlgorithm> = {
    MD5: 'MD5',
    SHA1: 'SHA-1',
    SHA256: 'SHA-256',
    SHA384: 'SHA-384',
    SHA512: 'SHA-512',
  }
  return map[k]
}

export function fingerprintOf(fps: Fingerprints, algorithm: FingerprintAlgorithm): Fingerprint | undefined {
  switch (algorithm) {
    case 'MD5':
      return fps.md5
    case 'SHA-1':
      return fps.sha1
    case 'SHA-256':
      return fps.sha256
    default:
      return undefined
  }
}
