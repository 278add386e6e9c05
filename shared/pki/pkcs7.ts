import { childrenOf, isContext, isUniversal, readOid, readTlv, TAG } from './der'
import { PKCS7_SIGNED_DATA } from './oids'

/** True when the DER is a CMS/PKCS#7 ContentInfo (first element an OID under 1.2.840.113549.1.7). */
export function looksLikePkcs7(der: Uint8Array): boolean {
  try {
    const first = childrenOf(der, readTlv(der, 0))[0]
    return first !== undefined && isUniversal(first, TAG.OID) && readOid(der, first).startsWith('1.2.840.113549.1.7.')
  } catch {
    return false
  }
}

export interface Pkcs7Certificate {
  der: Uint8Array
  /** Byte offset of the certificate inside the bundle. */
  offset: number
}

/**
 * The certificates of a degenerate SignedData (what .p7b/.p7c files and `openssl crl2pkcs7`
 * produce). Throws DerError on broken structure.
 */
export function pkcs7Certificates(der: Uint8Array): Pkcs7Certificate[] {
  const [typeTlv, content] = childrenOf(der, readTlv(der, 0))
  if (!typeTlv || !isUniversal(typeTlv, TAG.OID)) throw new Error('not a PKCS#7 ContentInfo')
  const type = readOid(der, typeTlv)
  if (type !== PKCS7_SIGNED_DATA) throw new Error(`PKCS#7 content type ${type} is not signedData, so it carries no certificates`)
  if (!content || !isContext(content, 0)) return []
  const signedData = childrenOf(der, content)[0]
  if (!signedData) return []
  const certSet = childrenOf(der, signedData).find((t) => isContext(t, 0))
  if (!certSet) return []
  return childrenOf(der, certSet)
    .filter((t) => isUniversal(t, TAG.SEQUENCE))
    .map((t) => ({ der: der.subarray(t.offset, t.end), offset: t.offset }))
}
