// Comparing names already read (no DER here): the renderer's main thread matches issuers to CAs
// with it, without shipping the parser.
import type { DistinguishedName } from './types'

/**
 * RFC 5280 7.1-style comparison: same attributes in the same order, values compared
 * case-insensitively with runs of spaces collapsed. IOS issuer/subject strings differ from
 * openssl ones only in such details, so this is what chain building should use.
 */
export function sameName(a: DistinguishedName, b: DistinguishedName): boolean {
  if (a.components.length !== b.components.length) return false
  return a.components.every((ca, i) => {
    const cb = b.components[i]
    return cb !== undefined && ca.oid === cb.oid && ca.rdn === cb.rdn && normalize(ca.value) === normalize(cb.value)
  })
}

function normalize(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase()
}
