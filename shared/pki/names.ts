import { childrenOf, expectUniversal, readOid, readString, TAG, type Tlv } from './der'
import { NAME_ATTRIBUTES } from './oids'
import type { DistinguishedName } from './types'

export { sameName } from './same-name'

/** Decodes an X.501 Name (SEQUENCE OF SET OF AttributeTypeAndValue). */
export function readName(bytes: Uint8Array, tlv: Tlv | undefined, what = 'name'): DistinguishedName {
  const name = expectUniversal(tlv, TAG.SEQUENCE, what)
  const components: DistinguishedName['components'] = []
  const rdnTexts: string[] = []
  childrenOf(bytes, name).forEach((set, rdn) => {
    expectUniversal(set, TAG.SET, 'relative distinguished name')
    const parts: string[] = []
    for (const atv of childrenOf(bytes, set)) {
      const [typeTlv, valueTlv] = childrenOf(bytes, expectUniversal(atv, TAG.SEQUENCE, 'name attribute'))
      const oid = readOid(bytes, expectUniversal(typeTlv, TAG.OID, 'name attribute type'))
      const value = valueTlv ? readString(bytes, valueTlv) : ''
      const type = NAME_ATTRIBUTES[oid] ?? oid
      components.push({ type, oid, value, rdn })
      parts.push(`${type}=${escapeValue(value)}`)
    }
    rdnTexts.push(parts.join(' + '))
  })
  return { text: rdnTexts.join(', '), components }
}

/** RFC 2253 escaping, as openssl's `esc_2253` name option does it. */
function escapeValue(value: string): string {
  let out = value.replace(/[,+"\\<>;]/g, (c) => `\\${c}`)
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `
  return out
}

export function commonNameOf(name: DistinguishedName): string | undefined {
  // The most specific CN is the last one in DER order.
  const cns = name.components.filter((c) => c.type === 'CN')
  return cns[cns.length - 1]?.value
}
