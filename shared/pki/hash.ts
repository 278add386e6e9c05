// Synchronous hashing through @noble/hashes: the UI shows fingerprints the moment a paste lands
// (WebCrypto's digest is asynchronous), and WebCrypto has no MD5, which IOS still prints first.
import { md5, sha1 } from '@noble/hashes/legacy.js'
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { toHex } from './der'
import { toFingerprint } from './fingerprints'
import type { Fingerprints } from './types'

// SHA-224 is absent on purpose: WebCrypto does not implement it and no IOS or CUCM text prints it.
export type HashName = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

const HASHES: Record<HashName, (bytes: Uint8Array) => Uint8Array> = {
  MD5: md5,
  'SHA-1': sha1,
  'SHA-256': sha256,
  'SHA-384': sha384,
  'SHA-512': sha512,
}

export function digest(hash: HashName, bytes: Uint8Array): Uint8Array {
  return HASHES[hash](bytes)
}

/** Digest as upper-case hex. */
export function digestHex(hash: HashName, bytes: Uint8Array): string {
  return toHex(digest(hash, bytes))
}

/** MD5, SHA-1 and SHA-256 over the DER bytes, synchronously. */
export function computeFingerprints(der: Uint8Array): Fingerprints {
  return {
    md5: toFingerprint(digestHex('MD5', der)),
    sha1: toFingerprint(digestHex('SHA-1', der)),
    sha256: toFingerprint(digestHex('SHA-256', der)),
  }
}
