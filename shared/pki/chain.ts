// Rule 5: a leaf chains to a CA when the issuer DN equals the CA subject DN AND the signature
// verifies with the CA key. RSA (MD5/SHA-1/SHA-2) is checked in rsa-verify.ts, because WebCrypto
// has no MD5 and IOS CAs sign with it; ECDSA goes through WebCrypto.
import { decodeBase64 } from './base64'
import { splitCertificate, signatureAlgorithmInfo } from './certificate'
import { childrenOf, contentOf, isUniversal, readTlv, TAG } from './der'
import { type HashName } from './hash'
import { rsaPublicKeyOf, verifyPkcs1v15 } from './rsa-verify'
import { sameName } from './names'
import type { ParsedCertificate } from './types'

export interface ChainResult {
  /** Issuer DN matches and the signature verifies. */
  ok: boolean
  issuerMatches: boolean
  /** null when the signature could not be checked (unsupported algorithm). */
  signatureValid: boolean | null
  /** openssl name of the leaf's signature algorithm. */
  algorithm: string
  /** One sentence: why it failed, or what was verified. */
  message: string
}

class Unverifiable extends Error {}

const WEBCRYPTO_HASH: Partial<Record<HashName, string>> = {
  'SHA-1': 'SHA-1',
  'SHA-256': 'SHA-256',
  'SHA-384': 'SHA-384',
  'SHA-512': 'SHA-512',
}

/** Does `ca` vouch for `leaf`? Pass the same certificate twice to check a self-signed one. */
export async function verifyIssued(leaf: ParsedCertificate, ca: ParsedCertificate): Promise<ChainResult> {
  const alg = leaf.signatureAlgorithm
  const issuerMatches = sameName(leaf.issuer, ca.subject)
  const leafName = leaf.commonName ?? leaf.subject.text
  const caName = ca.commonName ?? ca.subject.text
  let signatureValid: boolean | null
  let why = ''
  try {
    signatureValid = await verifySignature(leaf, ca)
    if (signatureValid === null) why = `${alg.name} signatures cannot be checked here`
  } catch (e) {
    signatureValid = e instanceof Unverifiable ? null : false
    why = e instanceof Error ? e.message : String(e)
  }
  const ok = issuerMatches && signatureValid === true
  let message: string
  if (ok) message = `${leafName} is signed by ${caName} (${alg.name}).`
  else if (!issuerMatches) {
    message = `${leafName} was issued by "${leaf.issuer.text}", not by "${ca.subject.text}": they do not chain.`
  } else if (signatureValid === null) {
    message = `${leafName} names ${caName} as issuer, but ${why}.`
  } else {
    message = `${leafName} names ${caName} as issuer, but the signature does not verify with ${caName}'s key${why ? ` (${why})` : ''}: a different CA with the same name, or a damaged certificate.`
  }
  return { ok, issuerMatches, signatureValid, algorithm: alg.name, message }
}

async function verifySignature(leaf: ParsedCertificate, ca: ParsedCertificate): Promise<boolean | null> {
  const parts = splitCertificate(decodeBase64(leaf.der))
  const alg = signatureAlgorithmInfo(parts.signatureAlgorithmOid)
  const spki = decodeBase64(ca.publicKey.spki)
  if (!alg.hash || !alg.keyType) return null
  if (alg.keyType === 'RSA') {
    if (ca.publicKey.algorithm !== 'RSA') throw new Error(`the CA key is ${ca.publicKey.algorithm}, the signature is RSA`)
    const hash = alg.hash
    if (hash === 'SHA-224') return null
    const key = rsaPublicKeyOf(spki)
    if (!key) throw new Error(`the public key of ${ca.commonName ?? ca.subject.text} cannot be read`)
    // A wrong key yields bad padding, which is a plain "does not verify".
    return verifyPkcs1v15(key, hash, parts.tbs, parts.signature)
  }
  if (alg.keyType === 'EC') {
    if (ca.publicKey.algorithm !== 'EC') throw new Error(`the CA key is ${ca.publicKey.algorithm}, the signature is ECDSA`)
    const curve = ca.publicKey.curve
    const size = curve === 'P-256' ? 32 : curve === 'P-384' ? 48 : curve === 'P-521' ? 66 : 0
    const hash = WEBCRYPTO_HASH[alg.hash as HashName]
    if (!size || !hash || !curve) return null
    // WebCrypto exists only in secure contexts (app://, https:, 127.0.0.1); say so instead of "invalid".
    const subtle = globalThis.crypto?.subtle as typeof globalThis.crypto.subtle | undefined
    if (!subtle) throw new Unverifiable('WebCrypto is not available here (not a secure context), so ECDSA signatures cannot be checked')
    const key = await subtle.importKey('spki', new Uint8Array(spki), { name: 'ECDSA', namedCurve: curve }, false, ['verify'])
    const raw = ecdsaDerToRaw(parts.signature, size)
    if (!raw) return false
    return subtle.verify({ name: 'ECDSA', hash }, key, raw, new Uint8Array(parts.tbs))
  }
  return null
}

/** X.509 stores ECDSA signatures as SEQUENCE { r INTEGER, s INTEGER }; WebCrypto wants r‖s. */
function ecdsaDerToRaw(sig: Uint8Array, size: number): Uint8Array<ArrayBuffer> | undefined {
  try {
    const [r, s] = childrenOf(sig, readTlv(sig, 0))
    if (!r || !s || !isUniversal(r, TAG.INTEGER) || !isUniversal(s, TAG.INTEGER)) return undefined
    const out = new Uint8Array(size * 2)
    const put = (value: Uint8Array, at: number): boolean => {
      let v = value
      while (v.length > size && v[0] === 0) v = v.subarray(1)
      if (v.length > size) return false
      out.set(v, at + size - v.length)
      return true
    }
    return put(contentOf(sig, r), 0) && put(contentOf(sig, s), size) ? out : undefined
  } catch {
    return undefined
  }
}
