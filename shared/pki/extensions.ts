// X.509 v3 extensions (RFC 5280 4.2), decoded with the same DER reader as the rest of the
// certificate, so every fault carries its byte offset and the certificate is read only once.
import { childrenOf, contentOf, DerError, expectUniversal, isContext, isUniversal, readOid, readWhole, TAG, toHex, type Tlv } from './der'
import { readName } from './names'
import { EXTENDED_KEY_USAGES, EXTENSIONS, KEY_USAGE_BITS } from './oids'
import type { CertificateExtensions, SubjectAltName } from './types'

const OID = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extendedKeyUsage: '2.5.29.37',
} as const

/** One Extension: extnID, critical (DEFAULT FALSE) and the DER inside extnValue. */
interface RawExtension {
  oid: string
  critical: boolean
  value: Uint8Array
  /** Offset of `value` inside the certificate, to report faults where they are. */
  valueOffset: number
}

/**
 * Decodes the `extensions [3]` element of a tbsCertificate (or nothing, for v1 certificates).
 * Faults throw DerError with certificate offsets.
 */
export function readExtensions(der: Uint8Array, explicit: Tlv | undefined): CertificateExtensions {
  const out: CertificateExtensions = { all: [] }
  if (!explicit) return out
  const list = expectUniversal(childrenOf(der, explicit)[0], TAG.SEQUENCE, 'extensions')
  for (const ext of childrenOf(der, list).map((t) => rawExtension(der, t))) {
    out.all.push({ oid: ext.oid, name: EXTENSIONS[ext.oid] ?? ext.oid, critical: ext.critical })
    try {
      decodeKnown(ext, out)
    } catch (e) {
      if (e instanceof DerError) {
        throw new DerError(`${EXTENSIONS[ext.oid] ?? ext.oid} extension: ${e.message}`, ext.valueOffset + e.byteOffset, e.kind)
      }
      throw e
    }
  }
  return out
}

function rawExtension(der: Uint8Array, t: Tlv): RawExtension {
  const [idTlv, second, third] = childrenOf(der, expectUniversal(t, TAG.SEQUENCE, 'extension'))
  const oid = readOid(der, expectUniversal(idTlv, TAG.OID, 'extension OID'))
  let critical = false
  let valueTlv = second
  if (second && isUniversal(second, TAG.BOOLEAN)) {
    critical = (contentOf(der, second)[0] ?? 0) !== 0
    valueTlv = third
  }
  const octets = expectUniversal(valueTlv, TAG.OCTET_STRING, 'extension value')
  return { oid, critical, value: contentOf(der, octets), valueOffset: octets.offset + octets.headerLength }
}

/** The single element an extnValue holds, checked to fill it exactly. */
function inner(value: Uint8Array, tag: number, what: string): Tlv {
  return expectUniversal(readWhole(value, what), tag, what)
}

function decodeKnown(ext: RawExtension, out: CertificateExtensions): void {
  const v = ext.value
  switch (ext.oid) {
    case OID.basicConstraints: {
      const fields = childrenOf(v, inner(v, TAG.SEQUENCE, 'BasicConstraints'))
      let ca = false
      let pathLength: number | undefined
      for (const f of fields) {
        if (isUniversal(f, TAG.BOOLEAN)) ca = (contentOf(v, f)[0] ?? 0) !== 0
        else if (isUniversal(f, TAG.INTEGER)) pathLength = unsigned(contentOf(v, f))
        else throw new DerError(`unexpected element at byte ${f.offset}`, f.offset, 'malformed')
      }
      out.basicConstraints = { ca, critical: ext.critical, ...(pathLength !== undefined ? { pathLength } : {}) }
      return
    }
    case OID.keyUsage: {
      const bits = contentOf(v, inner(v, TAG.BIT_STRING, 'KeyUsage')).subarray(1)
      // Bit 0 (digitalSignature) is the most significant bit of the first octet (X.680 22.7).
      const isSet = (bit: number): boolean => (((bits[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1) === 1
      out.keyUsage = { usages: KEY_USAGE_BITS.filter((_, bit) => isSet(bit)), critical: ext.critical }
      return
    }
    case OID.extendedKeyUsage: {
      const oids = childrenOf(v, inner(v, TAG.SEQUENCE, 'ExtKeyUsageSyntax')).map((t) =>
        readOid(v, expectUniversal(t, TAG.OID, 'key purpose')),
      )
      out.extendedKeyUsage = { usages: oids.map((o) => EXTENDED_KEY_USAGES[o] ?? o), critical: ext.critical }
      return
    }
    case OID.subjectAltName: {
      out.subjectAltNames = childrenOf(v, inner(v, TAG.SEQUENCE, 'GeneralNames')).map((t) => generalName(v, t))
      return
    }
    case OID.subjectKeyIdentifier: {
      out.subjectKeyIdentifier = toHex(contentOf(v, inner(v, TAG.OCTET_STRING, 'SubjectKeyIdentifier')))
      return
    }
    case OID.authorityKeyIdentifier: {
      const keyId = childrenOf(v, inner(v, TAG.SEQUENCE, 'AuthorityKeyIdentifier')).find((t) => isContext(t, 0))
      if (keyId) out.authorityKeyIdentifier = toHex(contentOf(v, keyId))
      return
    }
  }
}

function unsigned(c: Uint8Array): number {
  let n = 0
  for (const b of c) n = n * 256 + b
  return n
}

/** GeneralName (RFC 5280 4.2.1.6): the IMPLICIT context tags say which alternative it is. */
function generalName(v: Uint8Array, t: Tlv): SubjectAltName {
  if (t.tagClass !== 2) throw new DerError(`general name at byte ${t.offset} is not context-tagged`, t.offset, 'malformed')
  const c = contentOf(v, t)
  switch (t.tagNumber) {
    case 1:
      return { type: 'email', value: ascii(c) }
    case 2:
      return { type: 'dns', value: ascii(c) }
    case 4:
      return { type: 'dn', value: readName(v, childrenOf(v, t)[0], 'directory name').text }
    case 6:
      return { type: 'url', value: ascii(c) }
    case 7:
      return { type: 'ip', value: ipText(c) }
    default:
      return { type: 'other', value: toHex(c) }
  }
}

function ascii(c: Uint8Array): string {
  return new TextDecoder('utf-8').decode(c)
}

/** IPv4 dotted, IPv6 as RFC 5952 text (longest run of zero groups as ::), anything else in hex. */
function ipText(c: Uint8Array): string {
  if (c.length === 4) return Array.from(c).join('.')
  if (c.length !== 16) return toHex(c)
  const groups: number[] = []
  for (let i = 0; i < 16; i += 2) groups.push(((c[i] ?? 0) << 8) | (c[i + 1] ?? 0))
  let best = -1
  let bestLen = 0
  for (let i = 0; i < 8;) {
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen) {
      best = i
      bestLen = j - i
    }
    i = j === i ? i + 1 : j
  }
  const hex = groups.map((g) => g.toString(16))
  if (bestLen < 2) return hex.join(':')
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`
}
