// Synchronous hashing through node-forge: the UI shows fingerprints the moment a paste lands,
// and WebCrypto has no MD5 (which IOS still prints first).
import forge from 'node-forge'

// SHA-224 is absent on purpose: neither node-forge nor WebCrypto implements it.
export type HashName = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

/** node-forge works on "binary strings" (one char per byte). */
export function toBinaryString(bytes: Uint8Array): string {
  const parts: string[] = []
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)))
  }
  return parts.join('')
}

export function fromBinaryString(s: string): Uint8Array {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff
  return out
}

export function createForgeDigest(hash: HashName): forge.md.MessageDigest {
  switch (hash) {
    case 'MD5':
      return forge.md.md5.create()
    case 'SHA-1':
      return forge.md.sha1.create()
    case 'SHA-256':
      return forge.md.sha256.create()
    case 'SHA-384':
      return forge.md.sha384.create()
    case 'SHA-512':
      return forge.md.sha512.create()
  }
}

/** Digest as a binary string (what forge's RSA verify expects). */
export function digestBinary(hash: HashName, bytes: Uint8Array): string {
  const md = createForgeDigest(hash)
  md.update(toBinaryString(bytes))
  return md.digest().getBytes()
}

/** Digest as upper-case hex. */
export function digestHex(hash: HashName, bytes: Uint8Array): string {
  const md = createForgeDigest(hash)
  md.update(toBinaryString(bytes))
  return md.digest().toHex().toUpperCase()
}
