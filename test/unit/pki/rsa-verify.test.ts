import { constants, createHash, generateKeyPairSync, privateEncrypt, sign, type KeyObject } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { HashName } from '../../../shared/pki/hash'
import { rsaPublicKeyOf, verifyPkcs1v15 } from '../../../shared/pki/rsa-verify'

// The BigInt RSA check against signatures made by Node's OpenSSL, for every hash the workbench
// meets (IOS CAs still sign with MD5).
function keyPair(): { privateKey: KeyObject; spki: Uint8Array } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
  return { privateKey, spki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) }
}

const NODE_NAME: Record<HashName, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }
const message = new TextEncoder().encode('tbsCertificate stand-in')
const signer = keyPair()
const other = keyPair()
const key = rsaPublicKeyOf(signer.spki)
const otherKey = rsaPublicKeyOf(other.spki)

describe('RSASSA-PKCS1-v1_5 verification', () => {
  it('reads n and e from the SubjectPublicKeyInfo', () => {
    expect(key?.e).toBe(65537n)
    expect(key?.size).toBe(128)
  })

  for (const hash of Object.keys(NODE_NAME) as HashName[]) {
    it(`${hash}: accepts OpenSSL's signature, refuses another message or another key`, () => {
      if (!key || !otherKey) throw new Error('keys not read')
      const signature = new Uint8Array(sign(NODE_NAME[hash], message, signer.privateKey))
      expect(verifyPkcs1v15(key, hash, message, signature)).toBe(true)
      expect(verifyPkcs1v15(key, hash, new TextEncoder().encode('tbsCertificate changed'), signature)).toBe(false)
      expect(verifyPkcs1v15(otherKey, hash, message, signature)).toBe(false)
    })
  }

  it('accepts a DigestInfo without the NULL parameters (RFC 4055 2.1) and nothing else odd', () => {
    if (!key) throw new Error('key not read')
    const digest = createHash('sha256').update(message).digest()
    const noNull = Buffer.concat([Buffer.from('302f300b0609608648016503040201', 'hex'), Buffer.from('0420', 'hex'), digest])
    const signature = new Uint8Array(privateEncrypt({ key: signer.privateKey, padding: constants.RSA_PKCS1_PADDING }, noNull))
    expect(verifyPkcs1v15(key, 'SHA-256', message, signature)).toBe(true)
    // The right digest under the wrong algorithm's prefix is not a valid SHA-512 signature.
    expect(verifyPkcs1v15(key, 'SHA-512', message, signature)).toBe(false)
    expect(verifyPkcs1v15(key, 'SHA-256', message, new Uint8Array(129).fill(0xff))).toBe(false)
    expect(verifyPkcs1v15(key, 'SHA-256', message, new Uint8Array(128).fill(0xff))).toBe(false)
  })

  it('returns undefined for a key that is not RSA or is damaged', () => {
    expect(rsaPublicKeyOf(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toBeUndefined()
    expect(rsaPublicKeyOf(signer.spki.subarray(0, 40))).toBeUndefined()
  })
})
