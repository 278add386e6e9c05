// Views for the "show me the bytes" panel: a classic hex dump and an `openssl asn1parse`-like outline.

import { decodeBase64 } from './base64'
import {
  childrenOf,
  contentOf,
  describeTag,
  isUniversal,
  latin1,
  readOid,
  readString,
  readTime,
  readTlv,
  readWhole,
  TAG,
  toHex,
  type Tlv,
} from './der'
import { EXTENDED_KEY_USAGES, EXTENSIONS, NAME_ATTRIBUTES, SIGNATURE_ALGORITHMS } from './oids'

function bytesOf(der: Uint8Array | string): Uint8Array {
  return typeof der === 'string' ? decodeBase64(der) : der
}

/** `00000000  30 82 01 da 30 82 01 43  a0 03 02 01 02 02 01 01  |0...0..C........|` */
export function hexDump(der: Uint8Array | string, bytesPerLine = 16): string {
  const bytes = bytesOf(der)
  const lines: string[] = []
  for (let off = 0; off < bytes.length; off += bytesPerLine) {
    const row = bytes.subarray(off, off + bytesPerLine)
    const hex: string[] = []
    let ascii = ''
    for (let i = 0; i < bytesPerLine; i++) {
      const b = row[i]
      hex.push(b === undefined ? '  ' : b.toString(16).padStart(2, '0'))
      if (b !== undefined) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'
      if (i === bytesPerLine / 2 - 1) hex.push('')
    }
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.join(' ')}  |${ascii}|`)
  }
  return lines.join('\n')
}

const OID_NAMES: Record<string, string> = {
  ...NAME_ATTRIBUTES,
  ...EXTENSIONS,
  ...EXTENDED_KEY_USAGES,
  ...Object.fromEntries(Object.entries(SIGNATURE_ALGORITHMS).map(([oid, a]) => [oid, a.name])),
  '1.2.840.113549.1.1.1': 'rsaEncryption',
  '1.2.840.10045.2.1': 'id-ecPublicKey',
  '1.2.840.10045.3.1.7': 'prime256v1',
  '1.3.132.0.34': 'secp384r1',
  '1.3.132.0.35': 'secp521r1',
  '1.2.840.113549.1.7.1': 'pkcs7-data',
  '1.2.840.113549.1.7.2': 'pkcs7-signedData',
}

export interface Asn1Line {
  offset: number
  depth: number
  headerLength: number
  length: number
  constructed: boolean
  /** `SEQUENCE`, `INTEGER`, `cont [ 3 ]`, … as openssl asn1parse names them. */
  tag: string
  /** A short rendering of primitive values (OID name, string, time, small integer). */
  value?: string
  /** The element's content was itself DER (inside an OCTET or BIT STRING) and is shown below it. */
  encapsulates?: boolean
}

/** Walks the whole tree; on damaged input returns the lines read so far plus an error line. */
export function asn1Outline(der: Uint8Array | string, maxLines = 2000): Asn1Line[] {
  const bytes = bytesOf(der)
  const out: Asn1Line[] = []
  const visit = (t: Tlv, depth: number, base: number, src: Uint8Array): void => {
    if (out.length >= maxLines) return
    const line: Asn1Line = {
      offset: base + t.offset,
      depth,
      headerLength: t.headerLength,
      length: t.length,
      constructed: t.constructed,
      tag: describeTag(t),
    }
    const value = primitiveValue(src, t)
    if (value !== undefined) line.value = value
    out.push(line)
    if (t.constructed) {
      for (const c of childrenOf(src, t)) visit(c, depth + 1, base, src)
      return
    }
    const inner = encapsulated(src, t)
    if (inner) {
      line.encapsulates = true
      visit(inner.tlv, depth + 1, base + inner.offset, inner.bytes)
    }
  }
  try {
    visit(readTlv(bytes, 0), 0, 0, bytes)
  } catch (e) {
    out.push({
      offset: -1,
      depth: 0,
      headerLength: 0,
      length: 0,
      constructed: false,
      tag: 'ERROR',
      value: e instanceof Error ? e.message : String(e),
    })
  }
  return out
}

function primitiveValue(bytes: Uint8Array, t: Tlv): string | undefined {
  if (t.tagClass !== 0 || t.constructed) return undefined
  try {
    switch (t.tagNumber) {
      case TAG.OID: {
        const oid = readOid(bytes, t)
        return OID_NAMES[oid] ? `${OID_NAMES[oid]} (${oid})` : oid
      }
      case TAG.INTEGER: {
        const c = contentOf(bytes, t)
        return c.length <= 20 ? toHex(c) : `${c.length} bytes`
      }
      case TAG.BOOLEAN:
        return contentOf(bytes, t)[0] ? 'TRUE' : 'FALSE'
      case TAG.UTC_TIME:
      case TAG.GENERALIZED_TIME:
        return readTime(bytes, t)
      case TAG.UTF8_STRING:
      case TAG.PRINTABLE_STRING:
      case TAG.IA5_STRING:
      case TAG.T61_STRING:
      case TAG.BMP_STRING:
      case TAG.UNIVERSAL_STRING:
        return readString(bytes, t)
      case TAG.BIT_STRING:
      case TAG.OCTET_STRING: {
        const c = contentOf(bytes, t)
        return c.length <= 24 ? toHex(c) : `${c.length} bytes`
      }
      default:
        return undefined
    }
  } catch {
    return latin1(contentOf(bytes, t).subarray(0, 32))
  }
}

/** DER nested in an OCTET STRING (extension values) or a BIT STRING (public keys), if it parses completely. */
function encapsulated(bytes: Uint8Array, t: Tlv): { tlv: Tlv; bytes: Uint8Array; offset: number } | undefined {
  if (!isUniversal(t, TAG.OCTET_STRING) && !isUniversal(t, TAG.BIT_STRING)) return undefined
  const skip = isUniversal(t, TAG.BIT_STRING) ? 1 : 0
  if (skip && contentOf(bytes, t)[0] !== 0) return undefined
  const start = t.offset + t.headerLength + skip
  const inner = bytes.subarray(start, t.offset + t.headerLength + t.length)
  if (inner.length < 2 || ((inner[0] ?? 0) & 0x20) === 0) return undefined // only constructed contents
  try {
    return { tlv: readWhole(inner), bytes: inner, offset: start }
  } catch {
    return undefined
  }
}

/** Text like `openssl asn1parse -i`: `    0:d=0  hl=4 l= 474 cons: SEQUENCE`. */
export function formatAsn1Outline(lines: readonly Asn1Line[]): string {
  return lines
    .map((l) => {
      if (l.tag === 'ERROR') return `error: ${l.value ?? ''}`
      const head = `${String(l.offset).padStart(5)}:d=${l.depth}  hl=${l.headerLength} l=${String(l.length).padStart(4)} ${l.constructed ? 'cons' : 'prim'}: `
      return `${head}${' '.repeat(l.depth)}${l.tag.padEnd(17)}${l.value !== undefined ? `:${l.value}` : ''}`.trimEnd()
    })
    .join('\n')
}
