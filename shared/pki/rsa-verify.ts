// RSASSA-PKCS1-v1_5 signature verification (RFC 8017 8.2.2) with native BigInt. WebCrypto could
// verify the SHA-2 signatures, but not the MD5 ones IOS CAs still make, so one path serves all:
// verification needs only the public operation s^e mod n and a byte comparison, no secret.
import { childrenOf, contentOf, expectUniversal, readWhole, TAG } from './der'
import { digest, type HashName } from './hash'

export interface RsaPublicKey {
  n: bigint
  e: bigint
  /** Modulus length in bytes (k in RFC 8017). */
  size: number
}

/**
 * DigestInfo prefixes from RFC 8017 9.2, note 1 (AlgorithmIdentifier with NULL parameters,
 * then the OCTET STRING header of the digest).
 */
const DIGEST_INFO: Record<HashName, string> = {
  MD5: '3020300c06082a864886f70d020505000410',
  'SHA-1': '3021300906052b0e03021a05000414',
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
}

/** The same DigestInfo with the NULL parameters left out, which RFC 4055 2.1 says to accept too. */
function withoutNullParameters(prefix: string): string {
  const bytes = hexBytes(prefix)
  // 30 L1 30 L2 06 len oid… 05 00 04 dl → drop "05 00" and shorten both SEQUENCE lengths by 2.
  const oidEnd = 4 + 2 + (bytes[5] ?? 0)
  const out = [...bytes.subarray(0, oidEnd), ...bytes.subarray(oidEnd + 2)]
  out[1] = (out[1] ?? 0) - 2
  out[3] = (out[3] ?? 0) - 2
  return bytesHex(out)
}

function bytesHex(bytes: Iterable<number>): string {
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytesHex(bytes)}`)
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  let b = base % modulus
  let e = exponent
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
    e >>= 1n
  }
  return result
}

/** n and e from a SubjectPublicKeyInfo holding an RSAPublicKey; undefined when it cannot be read. */
export function rsaPublicKeyOf(spki: Uint8Array): RsaPublicKey | undefined {
  try {
    const outer = readWhole(spki, 'SubjectPublicKeyInfo')
    const keyBits = expectUniversal(childrenOf(spki, outer)[1], TAG.BIT_STRING, 'public key')
    const pkcs1 = contentOf(spki, keyBits).subarray(1)
    const [n, e] = childrenOf(pkcs1, expectUniversal(readWhole(pkcs1, 'RSAPublicKey'), TAG.SEQUENCE, 'RSAPublicKey'))
    const modulus = toBigInt(contentOf(pkcs1, expectUniversal(n, TAG.INTEGER, 'modulus')))
    const exponent = toBigInt(contentOf(pkcs1, expectUniversal(e, TAG.INTEGER, 'exponent')))
    if (modulus === 0n || exponent === 0n) return undefined
    return { n: modulus, e: exponent, size: Math.ceil(modulus.toString(16).length / 2) }
  } catch {
    return undefined
  }
}

/** EMSA-PKCS1-v1_5 (RFC 8017 9.2): 00 01 FF…FF 00 DigestInfo, compared whole. */
export function verifyPkcs1v15(key: RsaPublicKey, hash: HashName, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length > key.size) return false
  const s = toBigInt(signature)
  if (s >= key.n) return false
  const em = modPow(s, key.e, key.n)
    .toString(16)
    .padStart(key.size * 2, '0')
  const h = bytesHex(digest(hash, message))
  return [DIGEST_INFO[hash], withoutNullParameters(DIGEST_INFO[hash])].some((prefix) => {
    const t = prefix + h
    const padding = key.size - 3 - t.length / 2
    return padding >= 8 && em === `0001${'ff'.repeat(padding)}00${t}`
  })
}
